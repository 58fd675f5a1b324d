"""The batch driver (`Analyzer.pipe`): per-article budget (E041-E044), order, duplicates, in
worker processes and in-process.

A test-only component (tests/budget_hooks.py) sleeps, hogs memory, raises or kills its own
process on a marker text; workers pick it up through the supervisor's test hook.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from rashomon.api import Analyzer
from rashomon.errors import RashomonError
from rashomon.model import Article
from rashomon.settings import load_options
from tests import budget_hooks
from tests.budget_hooks import CRASH, DIE, GROW, HOG, PIDFILE, SLEEP

PIPELINE = ["segment", "misbehave"]


@pytest.fixture(autouse=True)
def _hook(monkeypatch):
    monkeypatch.setenv("RASHOMON_TEST_WORKER_SETUP", "tests.budget_hooks:register")
    budget_hooks.register()


def _art(name: str, text: str) -> Article:
    return Article(id=name, text=text, source=f"{name}.txt")


def _good(i: int) -> Article:
    return _art(f"good{i}", f"Ordinary article number {i}.\n\nA second paragraph follows here.")


def _run(items, jobs: int | None, **analysis) -> list:
    opts = load_options(analysis=analysis)
    return list(Analyzer(opts, PIPELINE).pipe(items, jobs=jobs))


def _summary(results) -> list[str]:
    return [r.code if isinstance(r, RashomonError) else r.id for r in results]


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize(
    ("marker", "analysis", "code"),
    [
        (SLEEP, {"max_seconds": 2}, "E041"),
        (HOG, {"max_seconds": 60, "max_rss_mb": 300}, "E042"),
        (DIE, {"max_seconds": 60}, "E043"),
        (CRASH, {"max_seconds": 60}, "E044"),
    ],
)
def test_batch_budget_bad_article_reported_others_analysed(jobs, marker, analysis, code):
    items = [_good(1), _art("bad", f"{marker} in an otherwise ordinary text."), _good(2), _good(3)]
    t0 = time.monotonic()
    results = _run(items, jobs, **analysis)
    assert _summary(results) == ["good1", code, "good2", "good3"]
    err = results[1]
    assert err.path == "bad.txt" and "bad.txt" in str(err)
    assert "Traceback" not in str(err)
    for art in results[::2] + results[3:]:
        assert art.done == PIPELINE and art.paragraphs  # really analysed, in a worker
    assert time.monotonic() - t0 < 50  # a hang guard: the sleeper sleeps 60 s


def test_batch_budget_e044_names_exception_type():
    (err,) = _run([_art("bad", CRASH)], 1)
    assert err.code == "E044" and "ValueError" in str(err) and "bad.txt" in str(err)


def test_batch_budget_worker_killed_from_outside_is_replaced(tmp_path):
    pidfile = tmp_path / "pid"

    def killer() -> None:
        for _ in range(600):
            if pidfile.exists() and pidfile.read_text():
                os.kill(int(pidfile.read_text()), signal.SIGKILL)
                return
            time.sleep(0.05)

    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    items = [_good(1), _art("victim", f"{SLEEP} until killed, {PIDFILE}{pidfile} "), _good(2)]
    results = _run(items, 1, max_seconds=60)
    thread.join(5)
    assert _summary(results) == ["good1", "E043", "good2"]  # good2 ran in a fresh worker
    assert "SIGKILL" in str(results[1]) and "victim.txt" in str(results[1])


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_budget_keeps_input_order_and_passes_errors(jobs):
    items: list = [_good(i) for i in range(7)]
    items.insert(3, RashomonError("E001", path="missing.txt"))
    items.insert(5, _art("slow", SLEEP))
    results = _run(items, jobs, max_seconds=2)
    assert _summary(results) == ["good0", "good1", "good2", "E001", "good3", "E041", "good4", "good5", "good6"]


def test_batch_budget_lazy_input_is_consumed_as_it_goes():
    pulled = []

    def source():
        for i in range(40):
            pulled.append(i)
            yield _good(i)

    stream = Analyzer(load_options(), PIPELINE).pipe(source(), jobs=2)
    first = next(stream)
    assert first.id == "good0"
    assert len(pulled) < 20  # bounded look-ahead, not the whole input
    assert len(list(stream)) == 39


@pytest.mark.parametrize(
    ("second_text", "codes"),
    [
        ("A different text under the same id.", ["dup", "E015", "other"]),
        ("Same text, same id.", ["dup", "dup", "other"]),  # a repeat is not a conflict
    ],
)
def test_batch_budget_duplicate_id_with_other_text_is_e015(second_text, codes):
    first = Article(id="dup", text="Same text, same id.", source="one.txt")
    second = Article(id="dup", text=second_text, source="two.txt")
    results = _run([first, second, _art("other", "Another article.")], 1)
    assert _summary(results) == codes
    if "E015" in codes:
        assert results[1].path == "two.txt"


@pytest.mark.parametrize("jobs", [None, 1])
@pytest.mark.parametrize(
    ("components", "code"),
    [(["segment", "no-such-component"], "E021"), (["langid"], "E020"), (PIPELINE, None)],
)
def test_batch_budget_unbuildable_pipeline_raises_once(jobs, components, code):
    analyzer = Analyzer(load_options(), components)  # builds nothing yet
    if code is None:
        assert _summary(analyzer.pipe([_good(1), _good(2)], jobs=jobs)) == ["good1", "good2"]
        return
    with pytest.raises(RashomonError) as info:
        list(analyzer.pipe([_good(1), _good(2)], jobs=jobs))
    assert info.value.code == code


@pytest.mark.parametrize(
    ("marker", "analysis", "code"),
    [(SLEEP, {"max_seconds": 1}, "E041"), (CRASH, {}, "E044"), (GROW, {"max_rss_mb": 256}, "E042")],
)
def test_batch_budget_in_process_with_own_analyzer(marker, analysis, code):
    from rashomon import Analyzer

    opts = load_options(analysis=analysis)
    analyzer = Analyzer(opts, PIPELINE)
    try:
        results = list(analyzer.pipe([_art("bad", f"{marker} text."), _good(1)]))
    finally:
        budget_hooks.LEAK.clear()
    assert results[0].code == code and results[0].path == "bad.txt"
    if code != "E042":  # in-process, memory once grown stays: the next article is over too
        assert results[1].id == "good1"


@pytest.mark.parametrize(
    ("analysis", "ok"),
    [
        ({"max_seconds": 120, "max_rss_mb": 4000}, True),
        ({"max_seconds": 0.5}, True),
        ({"max_seconds": 0}, False),
        ({"max_seconds": -1}, False),
        ({"max_seconds": 1e11}, False),
        ({"max_rss_mb": 10}, False),
        ({"max_rss_mb": 10**9}, False),
        ({"max_rss_mb": "lots"}, False),
        ({"worker_articles": 0}, False),
        ({"worker_articles": 1}, True),
        ({"unknown_key": 1}, False),
    ],
)
def test_batch_budget_settings_are_validated(analysis, ok):
    if ok:
        opts = load_options(analysis=analysis)
        assert opts.analysis.max_seconds > 0
    else:
        with pytest.raises(RashomonError) as info:
            load_options(analysis=analysis)
        assert info.value.code == "E031" and "analysis" in str(info.value)


def test_batch_budget_cli_writes_other_articles(tmp_path):
    from typer.testing import CliRunner

    from rashomon.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("First ordinary article.\n\nWith a paragraph.", encoding="utf-8")
    (folder / "b.txt").write_text(f"Stuck article.\n\n{SLEEP} here.", encoding="utf-8")
    (folder / "c.txt").write_text("Third ordinary article.\n\nWith a paragraph.", encoding="utf-8")
    config = tmp_path / "budget.toml"
    config.write_text('[analysis]\nmax_seconds = 2\n[pipeline]\ncomponents = ["segment", "misbehave"]\n',
                      encoding="utf-8")
    out = tmp_path / "out.json"
    for jobs in ("1", "2"):
        res = CliRunner().invoke(app, ["analyze", str(folder), "--config", str(config), "-o", str(out),
                                       "--jobs", jobs, "--no-progress"])
        assert res.exit_code == 1, res.output
        import json

        doc = json.loads(out.read_text(encoding="utf-8"))
        assert [Path(a["source"]).name for a in doc["articles"]] == ["a.txt", "c.txt"]
        assert [e["code"] for e in doc["errors"]] == ["E041"]
        assert doc["errors"][0]["path"].endswith("b.txt")
        assert "Traceback" not in res.output


def test_batch_budget_next_batch_reuses_idle_worker():
    from rashomon import supervisor

    _run([_good(1)], 1)
    parked = [w.pid for w in supervisor._parked]
    assert parked  # a healthy idle worker stays, models loaded
    _run([_good(2)], 1, max_seconds=30)  # a different budget does not need another worker
    assert [w.pid for w in supervisor._parked][-1] in parked
    _run([_art("die", DIE), _good(3)], 1)
    assert all(w.alive() for w in supervisor._parked)  # the dead one was never parked


@pytest.mark.parametrize(("limit", "workers"), [(2, 3), (5, 1)])
def test_batch_budget_worker_retired_after_its_articles(limit, workers):
    from rashomon import supervisor

    supervisor._stop_parked()  # a fresh worker: parked ones have served articles already
    results = _run([_good(i) for i in range(5)], 1, worker_articles=limit)
    assert _summary(results) == [f"good{i}" for i in range(5)]
    assert len({r.meta["worker_pid"] for r in results}) == workers
