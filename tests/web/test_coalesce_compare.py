"""Identical concurrent requests share one computation; a semaphore bounds how many run at once;
corpus-wide answers are cached until the corpus version changes."""

from __future__ import annotations

import threading
import time

import pytest

from rashomon.store import Store
from rashomon.web.coalesce import Coalescer, LruCache, VersionedCache


def _run_threads(n: int, target) -> None:  # noqa: ANN001
    threads = [threading.Thread(target=target, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
        assert not t.is_alive()


def test_coalesce_identical_requests_compute_once():
    co = Coalescer(limit=2)
    calls: list[int] = []
    gate = threading.Event()
    results: list[object] = []

    def compute() -> dict:
        calls.append(1)
        gate.wait(10)  # everybody arrives while the first computation runs
        return {"answer": 42}

    def request(i: int) -> None:
        results.append(co.run(("compare", "a", "b"), compute))

    waiter = threading.Thread(target=lambda: (time.sleep(0.3), gate.set()))
    waiter.start()
    _run_threads(16, request)
    waiter.join()
    assert len(calls) == 1
    assert len(results) == 16 and all(r is results[0] for r in results)


def test_coalesce_error_reaches_every_waiter_and_is_not_kept():
    co = Coalescer(limit=1)
    gate = threading.Event()
    errors: list[str] = []

    def broken() -> None:
        gate.wait(10)
        raise ValueError("boom")

    def request(i: int) -> None:
        try:
            co.run("k", broken)
        except ValueError as exc:
            errors.append(str(exc))

    threading.Timer(0.3, gate.set).start()
    _run_threads(8, request)
    assert errors == ["boom"] * 8
    assert co.run("k", lambda: "fine") == "fine"  # a failure is not remembered


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_coalesce_distinct_keys_bounded_by_semaphore(limit):
    co = Coalescer(limit=limit)
    lock = threading.Lock()
    running = [0]
    peak = [0]

    def compute() -> None:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1

    _run_threads(10, lambda i: co.run(("key", i), compute))
    assert peak[0] == limit


def test_coalesce_lru_cache_drops_oldest():
    cache = LruCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # a is now the most recent
    cache.put("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)


def test_coalesce_versioned_cache_follows_the_corpus(tmp_path):
    from rashomon.store import schema
    from rashomon.store.migrations import write_transaction

    store = Store(tmp_path / "v.sqlite")
    cache = VersionedCache(store, Coalescer(2))
    calls: list[int] = []

    def count() -> int:
        calls.append(1)
        return store.count()

    assert cache.get("n", count) == 0 and cache.get("n", count) == 0
    assert len(calls) == 1
    # Another writer (as `rashomon ingest` would be): the next answer is fresh.
    with write_transaction(store.engine) as conn:
        conn.execute(schema.articles.insert().values(
            id="x1", content_hash="h" * 64, source="s", language="en", text="t", doc={}, ingested_at="now"))
    assert cache.get("n", count) == 1 and len(calls) == 2
    assert cache.get("n", count) == 1 and len(calls) == 2
    store.close()


def test_coalesce_sixteen_compare_requests_one_computation(tmp_path, monkeypatch):
    """16 clients ask for one uncached comparison at once: it is computed once, all get it."""
    import json

    from rashomon import compare as compare_module
    from rashomon import load_options
    from rashomon.api import Analyzer
    from rashomon.model import Article
    from rashomon.web.app import create_app
    from tests.web.conftest import LiveApp, http

    store = Store(tmp_path / "c.sqlite")
    analyzer = Analyzer(load_options(pipeline={"components": ["segment", "langid"]}))
    ids = []
    for text in ("Minsk report\n\nOfficials said 200 militants planned a coup.",
                 "Kyiv report\n\nOfficials said only 33 people were detained."):
        art = analyzer.analyze(Article(id=f"a{len(ids)}", text=text, source="t.txt"))
        assert store.add(art)
        ids.append(art.id)
    real = compare_module.compare_articles
    calls: list[int] = []

    def counted(articles, **kw):  # noqa: ANN001, ANN003, ANN202 - the real comparison, counted and slowed
        calls.append(1)
        time.sleep(1.0)  # long enough for every client to arrive while it runs
        return real(articles, **kw)

    monkeypatch.setattr(compare_module, "compare_articles", counted)
    answers: list[tuple[int, str]] = []
    with LiveApp(create_app(store)) as live:
        def request(i: int) -> None:
            status, _, body = http("GET", f"{live.base}/api/compare?ids={ids[0]}&ids={ids[1]}")
            answers.append((status, json.dumps(body, sort_keys=True)))

        _run_threads(16, request)
        assert len(calls) == 1
        assert len(answers) == 16 and {a for a in answers} == {answers[0]} and answers[0][0] == 200
        # The page asks for the same comparison: served from the cache.
        assert http("GET", f"{live.base}/compare?ids={ids[0]},{ids[1]}")[0] == 200
        assert len(calls) == 1
    store.close()
