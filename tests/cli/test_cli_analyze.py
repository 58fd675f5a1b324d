"""`rashomon analyze`: the JSON contract, text and HTML output, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from tests.conftest import FIXTURES, SEEDS, need

pytestmark = pytest.mark.slow
runner = CliRunner()
SUMMIT = [str(FIXTURES / "en_summit.txt"), str(FIXTURES / "ru_summit.txt")]

ARTICLE_KEYS = {"id", "source", "title", "published", "outlet", "language", "text", "entities", "quotes", "claims",
                "techniques"}


def _check_contract(doc):
    assert set(doc) >= {"rashomon", "articles"}
    for art in doc["articles"]:
        assert ARTICLE_KEYS <= set(art)
        assert art["language"] in {"en", "ru", "be", "uk", "und"}
        for ent in art["entities"]:
            assert set(ent) >= {"id", "name", "type", "aliases", "mentions"}
            assert ent["type"] in {"PERSON", "ORG", "LOC", "OTHER"}
            for m in ent["mentions"]:
                assert set(m) == {"start", "end", "text"}
                assert art["text"][m["start"] : m["end"]] == m["text"]
        for q in art["quotes"]:
            assert set(q) >= {"id", "kind", "content", "cue", "speaker", "speaker_name", "speaker_entity"}
        for c in art["claims"]:
            assert set(c) >= {"id", "start", "end", "text", "source_entity", "stance"}
        for t in art["techniques"]:
            assert set(t) >= {"label", "start", "end", "text", "explanation", "score"}


def test_cli_analyze_seeds_json_contract():
    seeds = need(SEEDS)
    res = runner.invoke(app, ["analyze", *map(str, sorted(seeds.glob("*.txt"))), "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    _check_contract(doc)
    assert len(doc["articles"]) == 2


def test_cli_analyze_text_and_html(tmp_path):
    res = runner.invoke(app, ["analyze", str(FIXTURES / "en_summit.txt"), "--format", "text"])
    assert res.exit_code == 0
    assert "Ministers disagree over border incident" in res.stdout
    assert "PERSON Anna Kowalczyk" in res.stdout
    out = tmp_path / "pages"
    res = runner.invoke(app, ["analyze", *SUMMIT, "--format", "html", "-o", str(out)])
    assert res.exit_code == 0
    assert len(list(out.glob("*.html"))) == 2


def test_cli_analyze_html_escapes_article_text(tmp_path):
    evil = tmp_path / "evil.txt"
    evil.write_text(
        'Headline <script>alert(1)</script>\n\nThe minister <img src=x onerror="alert(2)"> said '
        '<a href="javascript:alert(3)">this</a> and </script><!-- in Minsk.\n',
        encoding="utf-8",
    )
    res = runner.invoke(app, ["analyze", str(evil), "--format", "html"])
    assert res.exit_code == 0
    page = res.stdout
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<script") == 2  # only our own data block and code


def test_cli_analyze_batch_with_bad_file_exits_nonzero(tmp_path):
    (tmp_path / "good.txt").write_text("The minister said talks would go on.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    res = runner.invoke(app, ["analyze", str(tmp_path), str(tmp_path / "missing.txt"), "--no-progress"])
    assert res.exit_code == 1
    doc = json.loads(res.stdout)
    assert [a["source"].rsplit("/", 1)[-1] for a in doc["articles"]] == ["good.txt"]
    assert sorted(e["code"] for e in doc["errors"]) == ["E001", "E002", "E003"]
    assert "Traceback" not in res.output


def test_cli_analyze_user_errors_have_no_traceback(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[ingest]\nmax_bytes = 'x'\n")
    proc = subprocess.run(
        [sys.executable, "-m", "rashomon.cli", "analyze", str(FIXTURES / "en_summit.txt"), "--config", str(cfg)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2
    assert "E031" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_cli_analyze_stdin_and_jobs(tmp_path):
    res = runner.invoke(app, ["analyze", "-", "--format", "json"], input="Министр заявил, что всё готово.\n")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["articles"][0]["language"] == "ru"
    res = runner.invoke(app, ["analyze", *SUMMIT, "--jobs", "2", "--no-progress"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert [a["language"] for a in doc["articles"]] == ["en", "ru"]
