"""Acceptance: `watch` for 10 cycles against a local server whose feeds change, fail, time out,
return garbage or HTML and repeat items: every good item is ingested exactly once."""

from __future__ import annotations

from sqlalchemy import func, select

from rashomon.store import schema
from rashomon.watch import Feed, Watcher
from tests.watch.conftest import article_text, page, watch_options

CYCLES = 10


def test_poller_acceptance_ten_cycles_every_good_item_once(store, feed_server, light_analyzer):
    srv = feed_server
    good: dict[str, int] = {}  # page path -> seed of its text

    def publish(feed: str, n: int) -> None:
        path = f"/{feed}/{n}"
        good[path] = {"alpha": 1000, "beta": 2000, "flaky": 3000}[feed] + n
        srv.serve_article(path, good[path], title=f"{feed} {n}")

    for n in range(3):
        publish("alpha", n)
        publish("beta", n)
    srv.serve_feed("/alpha.xml", [f"/alpha/{n}" for n in range(3)], etag='"a0"')
    srv.serve_feed("/beta.xml", [f"/beta/{n}" for n in range(3)] + ["/alpha/0"])  # shares an item, no validators
    srv.set("/garbage.xml", body=bytes(range(256)) * 16, ctype="application/rss+xml")
    srv.set("/html.xml", body=page("Login", ["Please sign in to continue reading."]))
    srv.set("/down.xml", status=500, body=b"down")
    srv.set("/slow.xml", body=b"<rss/>", delay=1.5)
    srv.set("/flaky.xml", status=503, body=b"busy")
    srv.set("/broken-item", status=500, body=b"oops")  # an item page that never works
    feeds = [Feed(srv.url(f"/{name}.xml"), name, 0.05)
             for name in ("alpha", "beta", "garbage", "html", "down", "slow", "flaky")]
    lines: list[str] = []
    watcher = Watcher(store, feeds, watch_options(max_backoff=0.3), analyzer=light_analyzer, log=lines.append)

    def change(cycle: int, reports) -> None:  # noqa: ANN001
        if cycle % 3 == 0:  # alpha gains an item and a new ETag every third cycle
            publish("alpha", cycle)
            listed = [f"/alpha/{n}" for n in range(3)] + [f"/alpha/{c}" for c in range(3, cycle + 1, 3)]
            srv.serve_feed("/alpha.xml", listed, etag=f'"a{cycle}"')
        if cycle == 4:  # flaky recovers and lists a new item, an old one again, and a broken one
            publish("flaky", 1)
            srv.serve_feed("/flaky.xml", ["/flaky/1", "/beta/1", "/broken-item"])
        if cycle == 6:  # a wire copy of beta/2 and the text of beta/0 under a new URL
            srv.set("/wire", body=page("beta 2", article_text(good["/beta/2"]) + ["Reporting by the desk."]))
            srv.set("/repost", body=page("beta 0", article_text(good["/beta/0"])))
            srv.serve_feed("/beta.xml", [f"/beta/{n}" for n in range(3)] + ["/alpha/0", "/wire", "/repost"])

    assert watcher.run(cycles=CYCLES, on_cycle=change) == CYCLES

    stored = {a.source: a for a in store.load_articles()}
    expected = {srv.url(p) for p in good} | {srv.url("/wire")}
    assert set(stored) == expected
    assert store.count() == len(expected)  # each once: no second copy of any text
    for path in good:  # every good page fetched successfully exactly once
        assert sum(1 for s in srv.requests(path) if s.status == 200) == 1, path
    with store.read() as conn:
        items = {r.url: r for r in conn.execute(select(schema.feed_items))}
        n_keys = conn.execute(select(func.count(func.distinct(schema.near_keys.c.article_id)))).scalar_one()
    assert items[srv.url("/wire")].duplicate_of == stored[srv.url("/beta/2")].id
    assert items[srv.url("/repost")].status == "duplicate"
    assert items[srv.url("/repost")].article_id == stored[srv.url("/beta/0")].id
    assert items[srv.url("/broken-item")].status == "failed" and items[srv.url("/broken-item")].attempts == 3
    assert n_keys == len(expected)
    # Every failing feed was polled several times, backing off, and logged each time.
    for name in ("garbage", "html", "down", "slow"):
        polled = [line for line in lines if line.startswith(f"{name}: ")]
        assert len(polled) >= 2 and all(" error (" in line for line in polled), name
        assert f"error ({len(polled)} in a row)" in polled[-1]
    assert sum(line.startswith("alpha: ") for line in lines) == CYCLES  # the good feeds went on
    assert any(line.startswith("flaky: new 1, duplicate 0, failed 1;") for line in lines)
