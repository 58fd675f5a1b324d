"""`rashomon watch` as a subprocess: SIGTERM mid-cycle exits cleanly, every stored article is
complete, and a rerun ingests the rest without duplicates. The fast case analyses with a
segment-only pipeline (set in --config); the slow case with the full default pipeline."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rashomon.store import Store
from rashomon.store.feeds import feed_overview
from tests.watch.conftest import FeedServer

N = 10


def _files(tmp_path: Path, srv: FeedServer, pipeline: str | None) -> tuple[Path, Path]:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feed]]\nurl = "{srv.url("/f.xml")}"\nname = "Local"\ninterval = 0.05\n', encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text("[ingest]\nurl_timeout = 30\n[watch]\nmax_backoff = 1\n"
                      + (f"[pipeline]\ncomponents = {pipeline}\n" if pipeline else ""), encoding="utf-8")
    return feeds, config


def _watch(feeds: Path, config: Path, db: Path, cycles: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "rashomon.cli", "watch", str(feeds), "--db", str(db), "--cycles", str(cycles),
           "--config", str(config), "--allow-private"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(condition, proc: subprocess.Popen, timeout: float) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, "the watcher made no progress"
        time.sleep(0.05)


def _check_complete(db: Path, components: list[str]) -> set[str]:
    store = Store(db)
    try:
        arts = store.load_articles()
        for art in arts:  # whole: every layer the pipeline assigns, spans intact
            assert art.done == components and art.paragraphs and art.outlet == "Local"
            art.check_spans()
        return {a.source for a in arts}
    finally:
        store.close()


def _sigterm_then_rerun(tmp_path: Path, pipeline: str | None, components: list[str], startup: float) -> None:
    srv = FeedServer()
    srv.thread.start()
    try:
        paths = [f"/p{i}" for i in range(N)]
        for i, path in enumerate(paths):
            srv.serve_article(path, 500 + i)
            srv.routes[path].delay = 0.3  # pages take a while: the signal lands mid-cycle
        srv.serve_feed("/f.xml", paths, etag='"v1"')
        feeds, config = _files(tmp_path, srv, pipeline)
        db = tmp_path / "watch.sqlite"
        proc = _watch(feeds, config, db, cycles=3)
        _wait_for(lambda: sum(s.status == 200 for s in srv.seen if s.path.startswith("/p")) >= 4, proc, startup)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "stopped" in err and "Traceback" not in err
        first = _check_complete(db, components)
        assert 0 < len(first) < N  # stopped mid-cycle, with what it committed kept
        store = Store(db)
        assert feed_overview(store)[0]["etag"] is None  # not every item was handled
        store.close()

        rerun = _watch(feeds, config, db, cycles=2)
        _, err = rerun.communicate(timeout=startup + 120)
        assert rerun.returncode == 0, err
        assert _check_complete(db, components) == {srv.url(p) for p in paths}
        store = Store(db)
        try:
            assert store.count() == N
            row = feed_overview(store)[0]
            assert (row["n_new"], row["n_duplicate"], row["n_failed"], row["etag"]) == (N, 0, 0, '"v1"')
        finally:
            store.close()
        assert [s.status for s in srv.requests("/f.xml")][-1] == 304
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()


def test_cli_watch_sigterm_mid_cycle_loses_nothing(tmp_path):
    _sigterm_then_rerun(tmp_path, '["segment"]', ["segment"], startup=60)


@pytest.mark.slow
def test_cli_watch_sigterm_full_pipeline(tmp_path):
    from rashomon import load_options

    _sigterm_then_rerun(tmp_path, None, load_options().pipeline.components, startup=300)
