"""Watch state in the store (migration 5), on SQLite and PostgreSQL: feeds kept across runs,
item attempts, near-duplicate keys and candidates, and an upgrade from a version-4 database."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import inspect, text

from rashomon.model import Article
from rashomon.store import Store
from rashomon.store import feeds as fs
from rashomon.store.migrations import LATEST


@dataclass
class _Feed:
    url: str
    name: str
    interval: float
    language: str | None = None


def _article(aid: str, body: str, source: str) -> Article:
    return Article(id=aid, text=body, source=source, language="en")


def test_feeds_state_sync_save_and_resync(store):
    a, b = _Feed("https://a.example/rss", "A", 60), _Feed("https://b.example/rss", "B", 30, "ru")
    states = fs.sync_feeds(store, [a, b])
    assert states[a.url] == fs.FeedState(a.url)
    st = states[a.url]
    st.etag, st.last_modified, st.last_fetch, st.failures, st.next_poll = '"x"', "Wed, 02 Dec 2026", 10.0, 2, 99.5
    st.last_error = "E142 cannot fetch feed (HTTP 500): https://a.example/rss"
    fs.save_feed(store, st, new=3, duplicate=1, failed=2)
    fs.save_feed(store, st, new=1)
    again = fs.sync_feeds(store, [_Feed(a.url, "A renamed", 120)])  # b is no longer listed
    assert again[a.url] == fs.FeedState(a.url, '"x"', "Wed, 02 Dec 2026", 10.0, st.last_error, 2, 99.5)
    rows = fs.feed_overview(store)
    assert [(r["name"], r["n_new"], r["n_duplicate"], r["n_failed"]) for r in rows] == [("A renamed", 4, 1, 2)]


def test_feeds_state_items_attempts_and_retries(store):
    feed = "https://a.example/rss"
    long_url = "https://a.example/" + "x" * 5000  # longer than an index entry may be
    fs.record_item(store, long_url, feed, "failed", error="E009 timeout", now=1.0)
    fs.record_item(store, long_url, feed, "failed", error="E009 timeout", now=2.0)
    fs.record_item(store, "https://a.example/ok", feed, "duplicate", article_id="abc", now=3.0)
    assert fs.item_attempts(store, [long_url, "https://a.example/ok", "https://a.example/none"]) == {
        long_url: ("failed", 2), "https://a.example/ok": ("duplicate", 0)}
    assert fs.failed_items(store, feed, below=3) == [long_url]
    assert fs.failed_items(store, feed, below=2) == []
    assert fs.failed_items(store, "https://other.example/rss", below=3) == []


def test_feeds_state_near_keys_candidates_and_cascade(store):
    first = _article("first0000001", "Alpha beta gamma delta epsilon zeta.", "https://a.example/1")
    copy = _article("copy00000002", "Alpha beta gamma delta epsilon zeta!", "https://b.example/2")
    other = _article("other0000003", "Something else entirely.", "https://c.example/3")
    for art in (first, copy, other):
        assert store.add(art)
    fs.add_keys(store, {first.id: ["00aa", "01bb", "02cc"], other.id: ["00zz"]})
    fs.record_item(store, copy.source, "https://b.example/rss", "new", article_id=copy.id, duplicate_of=first.id,
                   similarity=0.9, keys=["00aa", "01bb", "09qq"], now=5.0)
    assert fs.near_candidates(store, ["00aa", "01bb", "02cc"], exclude=first.id) == [copy.id]
    assert fs.near_candidates(store, ["00aa", "02cc", "00zz"], exclude="none") == [first.id, copy.id, other.id]
    assert fs.first_copy(store, copy.id) == first.id and fs.first_copy(store, first.id) == first.id
    assert fs.texts(store, [copy.id]) == {copy.id: copy.text}
    assert fs.unkeyed_articles(store, 10) == []
    assert fs.stored_by_hash(store, []) == {}
    store.delete(first.id)  # its keys go with it
    assert fs.near_candidates(store, ["02cc"], exclude="none") == []


def test_feeds_state_unkeyed_articles_are_the_ones_without_keys(store):
    for i in range(3):
        assert store.add(_article(f"art{i:09d}", f"Text number {i} here.", f"t{i}.txt"))
    fs.add_keys(store, {"art000000001": ["00aa"]})
    assert [aid for aid, _ in fs.unkeyed_articles(store, 10)] == ["art000000000", "art000000002"]
    assert len(fs.unkeyed_articles(store, 1)) == 1


def test_feeds_state_upgrade_from_v4(db_url):
    first = Store(db_url)
    with first.engine.begin() as conn:
        for table in ("near_keys", "feed_items", "feeds"):
            conn.execute(text(f"DROP TABLE {table}"))
    first.engine.dispose()
    first.set_meta("schema_version", "4")
    first.close()
    second = Store(db_url)  # start-up runs migration 5
    assert second.version == LATEST >= 5
    assert {"feeds", "feed_items", "near_keys"} <= set(inspect(second.engine).get_table_names())
    fs.sync_feeds(second, [_Feed("https://a.example/rss", "A", 60)])
    assert len(fs.feed_overview(second)) == 1
    second.close()
    Store(db_url).close()  # and again: a no-op
