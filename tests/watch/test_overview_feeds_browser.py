"""The web overview lists the watched feeds with last fetch, last error and counts (Chromium)."""

from __future__ import annotations

import itertools
import time

from rashomon.store import Store
from rashomon.watch import Feed, Watcher
from tests.watch.conftest import watch_options
from tests.web.conftest import LiveApp


def test_overview_feeds_browser_shows_feeds(tmp_path, feed_server, light_analyzer, chromium):
    from rashomon.web.app import create_app

    feed_server.serve_article("/a1", 1)
    feed_server.serve_article("/a2", 2)
    feed_server.serve_feed("/good.xml", ["/a1", "/a2", "/missing"])
    feed_server.set("/bad.xml", body=b"<html><body>Sign in</body></html>")
    db = tmp_path / "corpus.sqlite"
    store = Store(db)
    feeds = [Feed(feed_server.url("/good.xml"), "Good <b>News</b>", 0.05),
             Feed(feed_server.url("/bad.xml"), "Broken", 0.05)]
    ticks = itertools.count(time.time(), 1000.0)  # every feed is due on each cycle, however slow the machine
    Watcher(store, feeds, watch_options(item_attempts=1), analyzer=light_analyzer,
            clock=lambda: next(ticks)).run(cycles=2)
    context = chromium.new_context()
    try:
        with LiveApp(create_app(store, allowed_hosts=["127.0.0.1"])) as live:
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(live.base + "/")
            rows = page.locator("#feeds tr")
            assert rows.count() == 3  # header + two feeds
            cells = [[c.strip() for c in rows.nth(i).locator("td").all_inner_texts()] for i in (1, 2)]
            by_name = {c[0]: c for c in cells}
            assert set(by_name) == {"Good <b>News</b>", "Broken"}  # names escaped, shown as text
            good, bad = by_name["Good <b>News</b>"], by_name["Broken"]
            assert good[1].endswith("UTC") and good[3:6] == ["2", "0", "1"]
            assert good[2] == ""  # the item that failed (E009) did so on the first poll, not the last
            assert bad[2].startswith("E143 not an RSS or Atom feed") and "(2 in a row)" in bad[2]
            assert bad[3:6] == ["0", "0", "0"] and bad[6].endswith("UTC")
            assert page.locator("#feeds b").count() == 0
            assert page.locator("#articles tr").count() == 3
            assert errors == []
    finally:
        context.close()
        store.close()


def test_overview_feeds_browser_no_feeds_no_section(tmp_path):
    from fastapi.testclient import TestClient

    from rashomon.web.app import create_app

    store = Store(tmp_path / "empty.sqlite")
    try:
        with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
            html = client.get("/").text
        assert "Corpus overview" in html and 'id="feeds"' not in html
    finally:
        store.close()
