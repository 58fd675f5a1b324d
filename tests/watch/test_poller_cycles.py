"""The watcher against a local feed server: changing feeds, duplicates and near-duplicates,
broken, slow and failing feeds with backoff, item retries, stop mid-cycle and restart.

Analysis is real but light (a segment-only pipeline in this process); the store is real
(SQLite, and PostgreSQL when RASHOMON_TEST_PG_URL is set)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select

from rashomon.store import schema
from rashomon.store.feeds import url_key
from rashomon.watch import Feed, Watcher
from tests.watch.conftest import article_text, page, watch_options


def _items(store) -> dict[str, dict]:  # noqa: ANN001
    with store.read() as conn:
        return {r["url"]: dict(r) for r in conn.execute(select(schema.feed_items)).mappings()}


def _feed_row(store, url: str) -> dict:  # noqa: ANN001
    with store.read() as conn:
        return dict(conn.execute(select(schema.feeds).where(schema.feeds.c.id == url_key(url))).mappings().one())


def _ok_fetches(server, path: str) -> int:  # noqa: ANN001
    return sum(1 for s in server.requests(path) if s.status == 200)


def _watcher(store, feeds, analyzer, lines=None, stop=None, **watch):  # noqa: ANN001, ANN202
    opts = watch_options(**watch)
    return Watcher(store, feeds, opts, analyzer=analyzer, log=(lines.append if lines is not None else None), stop=stop)


def test_poller_cycles_changing_feed_new_items_once(store, feed_server, light_analyzer):
    feed_server.serve_article("/a1", 1)
    feed_server.serve_article("/a2", 2)
    feed_server.serve_feed("/feed", ["/a1", "/a2"], etag='"v1"')
    lines: list[str] = []
    watcher = _watcher(store, [Feed(feed_server.url("/feed"), "Good", 0.05)], light_analyzer, lines)

    def change(cycle: int, reports) -> None:  # noqa: ANN001
        if cycle == 1:
            feed_server.serve_article("/a3", 3)
            feed_server.serve_feed("/feed", ["/a3", "/a1", "/a2"], etag='"v2"')

    assert watcher.run(cycles=3, on_cycle=change) == 3
    assert store.count() == 3
    assert [_ok_fetches(feed_server, f"/a{i}") for i in (1, 2, 3)] == [1, 1, 1]
    assert [s.status for s in feed_server.requests("/feed")] == [200, 200, 304]
    assert [line.split(";")[0] for line in lines] == [
        "Good: new 2, duplicate 0, failed 0", "Good: new 1, duplicate 0, failed 0",
        "Good: new 0, duplicate 0, failed 0, not modified"]
    row = _feed_row(store, feed_server.url("/feed"))
    assert (row["etag"], row["n_new"], row["failures"], row["last_error"]) == ('"v2"', 3, 0, None)
    stored = {a.source: a for a in store.load_articles()}
    assert set(stored) == {feed_server.url(f"/a{i}") for i in (1, 2, 3)}
    art = stored[feed_server.url("/a1")]
    assert art.outlet == "Good" and art.title == "Article 1" and art.paragraphs and art.done == ["segment"]
    assert article_text(1)[0] in art.text


def test_poller_cycles_duplicates_and_near_duplicates(store, feed_server, light_analyzer):
    base = article_text(1)
    feed_server.serve_article("/a", 1)
    feed_server.set("/copy", body=page("Article 1", base))  # the same page under another URL
    feed_server.set("/wire", body=page("Wire copy", ["By our wire desk."] + base
                                       + ["Reporting by the wire desk; editing by the night editor."]))
    feed_server.serve_article("/b", 2)
    feed_server.serve_feed("/one", ["/a", "/a", "/copy", "/wire", "/b"])
    feed_server.serve_feed("/two", ["/b", "/a"])
    feeds = [Feed(feed_server.url("/one"), "One", 0.05), Feed(feed_server.url("/two"), "Two", 0.05)]
    lines: list[str] = []
    watcher = _watcher(store, feeds, light_analyzer, lines)

    def more(cycle: int, reports) -> None:  # noqa: ANN001
        if cycle == 1:  # a second wire copy (of the copy), and the same text again under a new URL
            # Both feeds must be due in cycle 2: Two was polled last, maybe under 0.05 s ago.
            time.sleep(0.1)
            feed_server.set("/wire2", body=page("Wire copy 2", base[:-1] + [base[-1] + " More to follow."]))
            feed_server.set("/copy2", body=page("Article 1", base))
            feed_server.serve_feed("/two", ["/b", "/a", "/wire2", "/copy2"])

    watcher.run(cycles=2, on_cycle=more)
    items = _items(store)
    ids = {a.source: a.id for a in store.load_articles()}
    url = feed_server.url
    assert set(ids) == {url("/a"), url("/wire"), url("/b"), url("/wire2")}
    first = ids[url("/a")]
    assert {u.rsplit("/", 1)[1]: (r["status"], r["article_id"], r["duplicate_of"]) for u, r in items.items()} == {
        "a": ("new", first, None),
        "copy": ("duplicate", first, None),
        "wire": ("new", ids[url("/wire")], first),
        "b": ("new", ids[url("/b")], None),
        "wire2": ("new", ids[url("/wire2")], first),  # marked as a copy of the first, not of /wire
        "copy2": ("duplicate", first, None),
    }
    assert items[url("/wire")]["similarity"] >= 0.8
    assert _ok_fetches(feed_server, "/a") == 1 and _ok_fetches(feed_server, "/b") == 1
    assert lines[0].startswith("One: new 3 (1 near-duplicate), duplicate 1, failed 0")
    assert lines[1].startswith("Two: new 0, duplicate 2, failed 0")  # /b and /a came through One this cycle
    assert lines[3].startswith("Two: new 1 (1 near-duplicate), duplicate 1, failed 0")


def test_poller_cycles_near_duplicate_of_ingested_article(store, feed_server, light_analyzer):
    """A text stored by `rashomon ingest` (no band keys yet) is found as the original of a wire copy."""
    from rashomon.ingest.text import article_from_text

    base = article_text(5)
    original = light_analyzer.analyze(article_from_text("\n\n".join(base), "desk.txt"))
    assert store.add(original)
    feed_server.set("/wire", body=page("Wire", base + ["Reporting by the desk."]))
    feed_server.serve_feed("/f", ["/wire"])
    _watcher(store, [Feed(feed_server.url("/f"), "F", 0.05)], light_analyzer).run(cycles=1)
    assert _items(store)[feed_server.url("/wire")]["duplicate_of"] == original.id


def test_poller_cycles_broken_feeds_back_off_others_go_on(store, feed_server, light_analyzer):
    feed_server.serve_article("/a1", 1)
    feed_server.serve_feed("/good", ["/a1"])
    feed_server.set("/garbage", body=bytes(range(256)) * 8, ctype="application/xml")
    feed_server.set("/html", body=page("Not a feed", ["Subscribe to our newsletter today."]))
    feed_server.set("/error", status=500, body=b"internal error")
    feed_server.set("/slow", body=b"<rss/>", delay=1.5)
    names = ["good", "garbage", "html", "error", "slow"]
    feeds = [Feed(feed_server.url(f"/{n}"), n, 0.05) for n in names]
    lines: list[str] = []
    watcher = _watcher(store, feeds, light_analyzer, lines, max_backoff=0.4)
    reports = []
    watcher.run(cycles=4, on_cycle=lambda n, r: reports.append({x.feed.name: x for x in r}))
    assert store.count() == 1
    first = reports[0]
    assert first["good"].error is None and first["good"].new == 1
    codes = {n: first[n].error.code for n in names[1:]}
    assert codes == {"garbage": "E143", "html": "E143", "error": "E142", "slow": "E142"}
    assert "HTTP 500" in str(first["error"].error) and "url_timeout" in str(first["slow"].error)
    # One line per polled feed and cycle, naming the error and the next poll.
    assert len(lines) == sum(len(r) for r in reports)
    assert all("next poll in" in line for line in lines)
    assert any(line.startswith("garbage: new 0, duplicate 0, failed 0, error (1 in a row) E143") for line in lines)
    for name in names[1:]:
        row = _feed_row(store, feed_server.url(f"/{name}"))
        polls = sum(name in r for r in reports)
        assert row["failures"] == polls >= 2 and row["last_error"].startswith(("E142", "E143"))
        assert row["next_poll"] - row["last_fetch"] == pytest.approx(min(0.05 * 2 ** polls, 0.4))
    good = _feed_row(store, feed_server.url("/good"))
    assert good["failures"] == 0 and good["last_error"] is None and good["n_new"] == 1


def test_poller_cycles_item_failures_retried_then_given_up(store, feed_server, light_analyzer):
    feed_server.set("/flaky", status=500, body=b"busy")
    feed_server.set("/dead", status=404, body=b"gone")
    feed_server.set("/empty", body=b"<html><body><script>var x = 1;</script></body></html>")
    feed_server.serve_feed("/f", ["/flaky", "/dead", "/empty"], etag='"e"')
    watcher = _watcher(store, [Feed(feed_server.url("/f"), "F", 0.05)], light_analyzer, item_attempts=3)

    def heal(cycle: int, reports) -> None:  # noqa: ANN001
        if cycle == 1:
            feed_server.serve_article("/flaky", 7)

    watcher.run(cycles=5, on_cycle=heal)
    items = _items(store)
    url = feed_server.url
    assert items[url("/flaky")]["status"] == "new" and items[url("/flaky")]["attempts"] == 1
    assert items[url("/dead")]["status"] == "failed" and items[url("/dead")]["attempts"] == 3
    assert items[url("/dead")]["error"].startswith("E009 cannot fetch URL (Not Found)")
    assert items[url("/empty")]["status"] == "failed" and "E006" in items[url("/empty")]["error"]
    assert len(feed_server.requests("/dead")) == 3  # given up after item_attempts
    assert _ok_fetches(feed_server, "/flaky") == 1 and store.count() == 1
    # Retries come from the store even while the feed answers 304.
    assert [s.status for s in feed_server.requests("/f")][1:] == [304] * 4


def test_poller_cycles_restart_keeps_validators_and_seen_items(store, feed_server, light_analyzer):
    feed_server.serve_article("/a1", 1)
    feed_server.serve_feed("/f", ["/a1"], etag='"v1"')
    feeds = [Feed(feed_server.url("/f"), "F", 0.05)]
    _watcher(store, feeds, light_analyzer).run(cycles=1)
    feed_server.serve_feed("/f", ["/a1"], etag='"v2"')  # same items, new validator
    _watcher(store, feeds, light_analyzer).run(cycles=2)
    seen = feed_server.requests("/f")
    assert [s.headers.get("If-None-Match") for s in seen] == [None, '"v1"', '"v2"']
    assert [s.status for s in seen] == [200, 200, 304]
    assert _ok_fetches(feed_server, "/a1") == 1 and store.count() == 1


def test_poller_cycles_stop_mid_feed_loses_nothing(store, feed_server, light_analyzer):
    paths = [f"/p{i}" for i in range(6)]
    for i, path in enumerate(paths):
        feed_server.serve_article(path, 100 + i)
    feed_server.serve_feed("/f", paths, etag='"v1"')
    stop = threading.Event()
    feed_server.on_request = lambda path: stop.set() if path == "/p3" else None
    feeds = [Feed(feed_server.url("/f"), "F", 0.05)]
    lines: list[str] = []
    assert _watcher(store, feeds, light_analyzer, lines, stop=stop).run(cycles=3) == 1
    assert "stopped" in lines[0]
    stored = {a.source for a in store.load_articles()}
    assert 1 <= len(stored) <= 4 and stored <= {feed_server.url(p) for p in paths}
    row = _feed_row(store, feed_server.url("/f"))
    assert row["etag"] is None  # the validators wait until every listed item is handled
    feed_server.on_request = None
    _watcher(store, feeds, light_analyzer).run(cycles=1)
    assert {a.source for a in store.load_articles()} == {feed_server.url(p) for p in paths}
    assert all(_ok_fetches(feed_server, p) == 1 for p in paths if feed_server.url(p) in stored)
    assert all(r["status"] == "new" for r in _items(store).values()) and len(_items(store)) == 6
    assert _feed_row(store, feed_server.url("/f"))["etag"] == '"v1"'
