"""`kill -9` of `rashomon ingest` mid-batch loses nothing committed; a rerun stores the rest once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

N = 20
PEOPLE = ["Ivan Petrov", "Anna Kowalska", "Pavel Sukhoi", "Maria Lind", "Oleg Ivanov"]
PLACES = ["Minsk", "Warsaw", "Vilnius", "Kyiv", "Riga"]


def _write_articles(root: Path) -> None:
    for i in range(N):
        who, where = PEOPLE[i % 5], PLACES[(i * 2) % 5]
        text = (f"Report {i} from {where}\n\n"
                f"{who} said that {10 + i} people were detained in {where} on Monday. "
                f"\"We saw nothing of the kind,\" the mayor of {where} told reporters. "
                f"Officials in {PLACES[(i + 1) % 5]} declined to comment on report number {i}.\n")
        (root / f"a{i:02d}.txt").write_text(text, encoding="utf-8")


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created or migrated yet
        return 0


def _ingest_cmd(src: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "rashomon.cli", "ingest", str(src), "--db", str(db), "--no-progress"]


def test_store_kill_resume_every_article_once(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    _write_articles(src)
    db = tmp_path / "corpus.sqlite"
    proc = subprocess.Popen(_ingest_cmd(src, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while _count(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read().decode()}"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    stored = _count(db)
    assert 2 <= stored < N

    rerun = subprocess.run(_ingest_cmd(src, db), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"added {N - stored}, skipped {stored} (already stored), failed 0" in rerun.stderr

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone() == (N, N)
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == N
        # Layer rows match each stored document exactly: nothing half-written, nothing doubled.
        import json

        for aid, doc in conn.execute("SELECT id, doc FROM articles"):
            d = json.loads(doc)
            mentions = conn.execute("SELECT count(*) FROM mentions WHERE article_id = ?", (aid,)).fetchone()[0]
            quotes = conn.execute("SELECT count(*) FROM quotes WHERE article_id = ?", (aid,)).fetchone()[0]
            assert mentions == sum(len(e["mentions"]) for e in d["entities"])
            assert quotes == len(d["quotes"])
        assert conn.execute("SELECT value FROM rashomon_meta WHERE key = 'clusters_fresh'").fetchone()[0] == "1"

    again = subprocess.run(_ingest_cmd(src, db), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and f"added 0, skipped {N}" in again.stderr
