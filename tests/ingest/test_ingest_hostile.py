"""Hostile input through the CLI doors: one bad JSONL line never costs the batch its output,
and nothing is written outside the output folder (issue 14)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app

pytestmark = pytest.mark.slow

GOOD = [
    {"text": "Maria Delgado said the ferry to Gannet Island would run every forty minutes.", "id": "ferry-1"},
    # U+2028 is valid inside a JSON string; written raw it must not split the line
    {"text": "Tom Whitfield said\u2028the old timetable forced his bakery to close early.", "id": "ferry-2"},
]
HOSTILE_IDS = ["../../../../tmp/x", "a/b/c", "<script>", ""]


def _batch(path: Path) -> Path:
    lines = [json.dumps(GOOD[0], ensure_ascii=False),
             json.dumps({"text": "word " * 1_080_000}),  # 5.4 million characters (spaCy E088 before)
             "[" * 100_000,  # RecursionError before
             json.dumps(GOOD[1], ensure_ascii=False)]
    lines += [json.dumps({"id": bad, "text": f"Peter Lindqvist voted against plan {i}."}) for i, bad in enumerate(HOSTILE_IDS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def _codes(output: str) -> list[str]:
    return sorted(w for w in output.split() if len(w) == 4 and w[0] == "E" and w[1:].isdigit())


def test_ingest_hostile_analyze_writes_the_good_lines(tmp_path):
    src = _batch(tmp_path / "batch.jsonl")
    out = tmp_path / "out.json"
    res = CliRunner().invoke(app, ["analyze", str(src), "-o", str(out), "--no-progress"])
    assert res.exit_code == 1, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [a["id"] for a in doc["articles"]] == ["ferry-1", "ferry-2"]
    assert doc["articles"][1]["text"] == GOOD[1]["text"]
    assert sorted(e["code"] for e in doc["errors"]) == ["E012", "E013", "E014", "E014", "E014", "E014"]


def test_ingest_hostile_html_pages_stay_in_their_folder(tmp_path):
    src = _batch(tmp_path / "batch.jsonl")
    pages = tmp_path / "pages"
    before, started = _tree(tmp_path), time.time()
    res = CliRunner().invoke(app, ["analyze", str(src), "--format", "html", "-o", str(pages), "--no-progress"])
    assert res.exit_code == 1, res.output
    written = _tree(tmp_path) - before
    assert written and all(name == "pages" or name.startswith("pages/") for name in written), written
    assert {p.name for p in pages.glob("*.html")} >= {"ferry-1.html", "ferry-2.html"}
    for escape in (Path("/tmp/x.html"), Path("/tmp/x")):  # where ../../../../tmp/x pointed
        assert not escape.exists() or escape.stat().st_mtime < started


def test_ingest_hostile_ingest_stores_the_good_lines_and_export_round_trips(tmp_path):
    src = _batch(tmp_path / "batch.jsonl")
    db, db2 = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", str(src), "--db", str(db), "--no-progress"])
    assert res.exit_code == 1, res.output
    assert _codes(res.output) == ["E012", "E013", "E014", "E014", "E014", "E014"]
    exported = tmp_path / "export.jsonl"
    res = runner.invoke(app, ["export", "--db", str(db), "-o", str(exported)])
    assert res.exit_code == 0, res.output
    assert "\u2028" in exported.read_text(encoding="utf-8")  # written raw: the case that split before
    res = runner.invoke(app, ["ingest", str(exported), "--db", str(db2), "--no-progress"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["export", "--db", str(db2)])
    texts = sorted(json.loads(line)["text"] for line in res.stdout.split("\n") if line.startswith("{"))
    assert texts == sorted(g["text"] for g in GOOD)


def test_ingest_hostile_symlink_out_of_folder_via_cli(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Maria Delgado chairs the transport committee.\n", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret text outside the folder.\n", encoding="utf-8")
    (folder / "b.txt").symlink_to(secret)
    out = tmp_path / "out.json"
    res = CliRunner().invoke(app, ["analyze", str(folder), "-o", str(out), "--no-progress"])
    assert res.exit_code == 1 and "E017" in res.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert len(doc["articles"]) == 1 and "Secret" not in json.dumps(doc)
    res = CliRunner().invoke(app, ["analyze", str(folder), "-o", str(out), "--no-progress", "--follow-links"])
    assert res.exit_code == 0, res.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["articles"]) == 2
    assert os.path.exists(secret)
