"""Web compare = CLI compare: articles ingested with `rashomon ingest` and compared through
`/api/compare` give the very document `rashomon compare` prints for the same files, with and
without alias rules (`create_app(aliases=...)`, `serve --aliases`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEEDS, need

SEED_NAMES = ("000_667f62c9a1eac9b9.txt", "003_8b2d5810238398c8.txt")
# Forbid merging the two spellings of one name: the comparison's entity clusters change.
ALIASES = "different\tAleksandr Lukashenko\tAlyaksandr Lukashenka\n"


def _cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rashomon.cli", *args], capture_output=True, text=True,
                          timeout=timeout)


def _pair(kind: str) -> list[Path]:
    if kind == "seeds":
        return [need(SEEDS / name) for name in SEED_NAMES]
    return [FIXTURES / "en_summit.txt", FIXTURES / "ru_summit.txt"]


def _ingested(tmp_path: Path, paths: list[Path]) -> Path:
    db = tmp_path / "corpus.sqlite"
    res = _cli("ingest", *map(str, paths), "--db", str(db), "--no-progress")
    assert res.returncode == 0 and "failed 0" in res.stderr, res.stderr
    return db


def _cli_compare(paths: list[Path], *extra: str) -> dict:
    res = _cli("compare", *map(str, paths), "--format", "json", "--no-progress", *extra)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def _web_compare(db: Path, ids: list[str], aliases=None) -> dict:  # noqa: ANN001 - AliasRules
    from starlette.testclient import TestClient

    from rashomon.store import Store
    from rashomon.web.app import create_app

    store = Store(db)
    try:
        with TestClient(create_app(store, aliases=aliases), base_url="http://127.0.0.1") as client:
            resp = client.get("/api/compare", params=[("ids", i) for i in ids])
            assert resp.status_code == 200, resp.text
            doc = resp.json()
    finally:
        store.close()
    assert doc["articles"] == ids
    return doc["result"]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["seeds", "fixtures"])
def test_app_compare_cli_equal(tmp_path, kind):
    paths = _pair(kind)
    db = _ingested(tmp_path, paths)
    want = _cli_compare(paths)
    ids = [a["id"] for a in want["articles"]]
    got = _web_compare(db, ids)
    # The whole document: articles, entities, stories, conflicts, agreements, updates, unique.
    for key in want:
        assert got[key] == want[key], key
    assert got == want
    if kind == "seeds":
        # The case: the CLI finds conflicts on the seeds, and so must the web app.
        assert want["conflicts"]


@pytest.mark.slow
def test_app_compare_cli_equal_with_aliases(tmp_path):
    from rashomon.resolve import load_aliases

    paths = _pair("seeds")
    rules = tmp_path / "aliases.tsv"
    rules.write_text(ALIASES, encoding="utf-8")
    db = _ingested(tmp_path, paths)
    want = _cli_compare(paths, "--aliases", str(rules))
    got = _web_compare(db, [a["id"] for a in want["articles"]], aliases=load_aliases(rules))
    assert got == want
    plain = _web_compare(db, [a["id"] for a in want["articles"]])
    assert plain["entities"] != got["entities"]  # the rules reached the comparison


@pytest.mark.parametrize("content,suffix,code", [("same\tMinsk\n", ".csv", "E062"),
                                                 (None, ".tsv", "E060")])
def test_app_compare_cli_serve_bad_aliases(tmp_path, content, suffix, code):
    # `serve --aliases` reads the file before binding or opening the store: a bad one fails at once.
    rules = tmp_path / f"aliases{suffix}"
    if content is not None:
        rules.write_text(content, encoding="utf-8")
    db = tmp_path / "never.sqlite"
    res = _cli("serve", "--db", str(db), "--port", "0", "--aliases", str(rules), timeout=120)
    assert res.returncode != 0 and code in res.stderr, res.stderr
    assert not db.exists()
