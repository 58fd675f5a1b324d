"""Stories on the web: the list, a story page and /api/stories with `since` (articles that joined
since a date marked, conflicts and agreements involving them first), coded errors for bad
dates (E160, 422) and unknown stories (E161, 404); one check in Chromium."""

from __future__ import annotations

import re
import sqlite3

import pytest
from fastapi.testclient import TestClient

from rashomon.store import Store, schema
from rashomon.web.app import create_app
from tests.store.conftest import META, TEXTS
from tests.store.test_stories_incremental import FIRST, SECOND

OLD = "2021-01-01T08:00:00+00:00"
SINCE = "2021-06-01"


def _two_batches(path, first, second) -> Store:
    """`first` ingested 'long ago' (joined_at moved back), then `second` today."""
    store = Store(path)
    store.add_many(first)
    with store.engine.begin() as conn:
        conn.execute(schema.story_members.update().values(joined_at=OLD))
    store.add_many(second)
    return store


@pytest.fixture
def client(tmp_path):
    store = _two_batches(tmp_path / "w.sqlite", FIRST, SECOND)
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


def _story_of(client, article_id: str) -> str:
    for s in client.get("/api/stories").json()["stories"]:
        if article_id in {a["id"] for a in client.get(f"/api/stories/{s['id']}").json()["story"]["articles"]}:
            return s["id"]
    raise AssertionError(article_id)


def test_web_stories_api_and_pages(client):
    listed = client.get("/api/stories").json()
    assert listed["total"] == 4 and listed["stories"][0]["n_articles"] == 3
    changed = client.get(f"/api/stories?since={SINCE}").json()
    assert changed["total"] == 3 and all(s["n_new"] >= 1 for s in changed["stories"])
    sid = _story_of(client, "b1")
    doc = client.get(f"/api/stories/{sid}?since={SINCE}").json()
    assert [(a["id"], a["new"]) for a in doc["story"]["articles"]] == [("a1", False), ("a2", False), ("b1", True)]
    assert sorted(doc["compared"]) == ["a1", "a2", "b1"] and doc["result"]["stories"]
    assert set(doc["changed"]) == {"conflicts", "agreements"}
    page = client.get(f"/stories/{sid}?since={SINCE}")
    assert page.status_code == 200 and f"Changed since {SINCE}" in page.text
    assert re.search(r'<tr class="new" data-id="b1">', page.text) and 'data-id="a1">' in page.text
    assert '<tr class="new" data-id="a1">' not in page.text
    plain = client.get(f"/stories/{sid}")
    assert plain.status_code == 200 and "Changed since 2" not in plain.text and 'class="new"' not in plain.text
    listing = client.get(f"/stories?since={SINCE}")
    assert listing.status_code == 200 and f'href="/stories/{sid}?since={SINCE}"' in listing.text
    assert 'href="/stories"' in client.get("/").text  # the overview links the list


@pytest.mark.parametrize("url, status, code", [
    ("/api/stories?since=2021-02-30", 422, "E160"),
    ("/api/stories?since=tomorrow", 422, "E160"),
    ("/api/stories/S1?since=2021-1-1", 422, "E160"),
    ("/api/stories/S99999", 404, "E161"),
    ("/api/stories/nope", 404, "E161"),
    ("/stories?since=2021-02-30", 422, "E160"),
    ("/stories/S99999", 404, "E161"),
    ("/stories/S1?since=x", 422, "E160"),
    ("/api/stories/S1?since=", 200, None),
])
def test_web_stories_errors(client, url, status, code):
    res = client.get(url)
    assert res.status_code == status
    if code is None:
        return
    if url.startswith("/api/"):
        assert res.json()["detail"]["code"] == code
    else:
        assert code in res.text


STORY_B = ("Belarus says coup plot foiled in Minsk\n\n"
           "Alexander Lukashenko said that 100 militants had planned a coup in Minsk on 17 April 2021.\n\n"
           "\"This is a fake story,\" said Anatol Lyabedzka, president of the European Dialogue Centre.\n\n"
           "According to the FSB, the plotters were backed by the United States.\n")


@pytest.mark.slow
def test_web_stories_changed_since_lists_new_findings_first(tmp_path, analyzer):
    first = [analyzer.analyze_text(TEXTS[n], source=n, **META[n]) for n in ("en_minsk.txt", "ru_minsk.txt")]
    new = analyzer.analyze_text(STORY_B, source="b.txt", published="2021-04-21", outlet="Reuters")
    store = _two_batches(tmp_path / "a.sqlite", first, [new])
    with TestClient(create_app(store)) as client:
        sid = _story_of(client, new.id)
        doc = client.get(f"/api/stories/{sid}?since={SINCE}").json()
        assert {a["id"] for a in doc["story"]["articles"]} == {a.id for a in first} | {new.id}
        result = doc["result"]
        findings = {f["id"]: f for f in result["conflicts"] + result["agreements"]}
        involved = {i for i, f in findings.items() if any(p["article"] == new.id for p in f["positions"])}
        assert involved and set(doc["changed"]["conflicts"] + doc["changed"]["agreements"]) == involved
        page = client.get(f"/stories/{sid}?since={SINCE}").text
        changed = page[page.index('id="changed"'):page.index('id="compare-table"')]
        # Every finding row under "Changed since" is one with a position in the new article.
        assert sorted(re.findall(r'data-id="([ax]\d+)"', changed)) == sorted(involved)
        assert "This is a fake story" in changed
    store.close()


@pytest.mark.slow
def test_web_stories_browser(page, server, screenshots, web_db):
    response = page.goto(server + "/stories")
    assert response is not None and response.status == 200
    assert page.locator("#story-list tr").count() >= 2
    page.locator("#story-list a").first.click()
    page.wait_for_url(re.compile(r"/stories/S\d+$"))
    n = page.locator("#story-articles tr").count() - 1
    assert n >= 1 and page.locator("#story-articles .new-mark").count() == 0
    # Every article of the session corpus joined on or after the day the first one did (read from
    # the database, not the clock: the session may cross midnight between ingest and this test).
    with sqlite3.connect(web_db) as conn:
        first_day = conn.execute("SELECT min(joined_at) FROM story_members").fetchone()[0][:10]
    page.locator("#story-since input[name=since]").fill(first_day)
    page.locator("#story-since button").click()
    page.wait_for_url(re.compile(r"since=\d{4}-\d{2}-\d{2}"))
    assert page.locator("#story-articles .new-mark").count() == n
    assert (page.locator("#changed h2").text_content() or "").startswith("Changed since")
    page.screenshot(path=str(screenshots / "story.png"), full_page=True)
