"""`rashomon export` and `rashomon search` on a filled store (ingest is covered by the kill test)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from rashomon.cli import app

pytestmark = pytest.mark.slow


@pytest.fixture
def filled_db(tmp_path, analysed):
    from rashomon.store import Store, refresh_clusters

    path = tmp_path / "cli.sqlite"
    store = Store(path)
    for art in analysed.values():
        store.add(art)
    refresh_clusters(store)
    store.close()
    return str(path)


def test_store_cli_export_jsonl_and_csv(filled_db, tmp_path):
    runner = CliRunner()
    res = runner.invoke(app, ["export", "--db", filled_db, "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    assert len(lines) == 3
    out = tmp_path / "corpus.csv"
    res = runner.invoke(app, ["export", "--db", filled_db, "--format", "csv", "-o", str(out)])
    assert res.exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) == 3


def test_store_cli_search(filled_db):
    runner = CliRunner()
    res = runner.invoke(app, ["search", "militants", "--db", filled_db, "--json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["total"] == 1 and doc["hits"][0]["title"] == "Coup claims in Minsk"
    res = runner.invoke(app, ["search", "--db", filled_db, "--language", "ru"])
    assert res.exit_code == 0 and "1 result(s)" in res.stdout


def test_store_cli_bad_db_is_one_line_error():
    res = CliRunner().invoke(app, ["search", "x", "--db", "mysql://nobody@127.0.0.1/x"])
    assert res.exit_code == 2 and "E070" in res.output


def test_store_cli_serve_refuses_public_bind_without_token(filled_db):
    res = CliRunner().invoke(app, ["serve", "--db", filled_db, "--host", "0.0.0.0"])
    assert res.exit_code == 2 and "E080" in res.output
    res = CliRunner().invoke(app, ["serve", "--db", filled_db, "--token", "short"])
    assert res.exit_code == 2 and "E081" in res.output
