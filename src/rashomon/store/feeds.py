"""Watched feeds in the store (migration 5): feed state, item URLs seen, near-duplicate keys.

`rashomon watch` keeps everything it must not forget here, so a restart resumes: each feed's
conditional-GET validators, backoff and next poll; every item URL with what became of it (new,
duplicate, failed and how often); and the MinHash band keys of stored texts
(`rashomon.watch.dedup`). Feeds and items are keyed by the SHA-256 of their URL.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from sqlalchemy import func, select

from . import schema
from .migrations import write_transaction

if TYPE_CHECKING:
    from .repository import Store

_CHUNK = 500  # values per IN (...) list


def url_key(url: str) -> str:
    """The row key of a feed or item URL."""
    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class FeedState:
    """What the store remembers of one feed between polls and runs; its name, interval and
    language are the listing's (FEEDS.toml), stored with it for the overview page."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: float | None = None
    last_error: str | None = None
    failures: int = 0
    next_poll: float = 0.0


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i:i + _CHUNK]


def sync_feeds(store: Store, feeds: Iterable[Any]) -> dict[str, FeedState]:
    """Insert or update the listed feeds (url, name, interval, language), mark others inactive;
    returns their states, validators and schedule kept from earlier runs."""
    t = schema.feeds
    listed = {f.url: f for f in feeds}
    out: dict[str, FeedState] = {}
    with write_transaction(store.engine) as conn:
        conn.execute(t.update().values(active=0))
        for url, feed in listed.items():
            key = url_key(url)
            values = {"url": url, "name": feed.name, "interval_s": feed.interval, "language": feed.language,
                      "active": 1}
            row = conn.execute(select(t).where(t.c.id == key)).mappings().first()
            if row is None:
                conn.execute(t.insert().values(id=key, failures=0, next_poll=0.0, n_new=0, n_duplicate=0,
                                               n_failed=0, **values))
                out[url] = FeedState(url)
            else:
                conn.execute(t.update().where(t.c.id == key).values(**values))
                out[url] = FeedState(url, row["etag"], row["last_modified"], row["last_fetch"], row["last_error"],
                                     row["failures"], row["next_poll"])
    return out


def save_feed(store: Store, state: FeedState, *, new: int = 0, duplicate: int = 0, failed: int = 0) -> None:
    """Write a feed's state after a poll and add the poll's item counts to its totals."""
    t = schema.feeds
    with write_transaction(store.engine) as conn:
        conn.execute(t.update().where(t.c.id == url_key(state.url)).values(
            etag=state.etag, last_modified=state.last_modified, last_fetch=state.last_fetch,
            last_error=state.last_error, failures=state.failures, next_poll=state.next_poll,
            n_new=t.c.n_new + new, n_duplicate=t.c.n_duplicate + duplicate, n_failed=t.c.n_failed + failed))


def item_attempts(store: Store, urls: Iterable[str]) -> dict[str, tuple[str, int]]:
    """(status, attempts) of each of these item URLs already recorded."""
    t = schema.feed_items
    keys = {url_key(u): u for u in urls}
    found: dict[str, tuple[str, int]] = {}
    with store.read() as conn:
        for chunk in _chunks(list(keys)):
            for row in conn.execute(select(t.c.id, t.c.status, t.c.attempts).where(t.c.id.in_(chunk))):
                found[keys[row.id]] = (row.status, row.attempts)
    return found


def failed_items(store: Store, feed_url: str, below: int) -> list[str]:
    """URLs of this feed's failed items tried fewer than `below` times, oldest first."""
    t = schema.feed_items
    with store.read() as conn:
        return list(conn.execute(select(t.c.url).where((t.c.feed_id == url_key(feed_url)) & (t.c.status == "failed")
                                                       & (t.c.attempts < below)).order_by(t.c.seen_at)).scalars())


def record_item(store: Store, url: str, feed_url: str, status: str, *, now: float, article_id: str | None = None,
                duplicate_of: str | None = None, similarity: float | None = None, error: str | None = None,
                keys: Iterable[str] = ()) -> None:
    """Record what became of an item (a failure counts one more attempt), with the band keys of
    the article stored from it, in one transaction."""
    t = schema.feed_items
    key = url_key(url)
    values = {"status": status, "article_id": article_id, "duplicate_of": duplicate_of,
              "similarity": similarity, "error": error}
    with write_transaction(store.engine) as conn:
        attempts = conn.execute(select(t.c.attempts).where(t.c.id == key)).scalar()
        tries = (attempts or 0) + (1 if status == "failed" else 0)
        if attempts is None:
            conn.execute(t.insert().values(id=key, url=url, feed_id=url_key(feed_url), seen_at=now, attempts=tries,
                                           **values))
        else:
            conn.execute(t.update().where(t.c.id == key).values(attempts=tries, **values))
        rows = [{"article_id": article_id, "band_key": k} for k in dict.fromkeys(keys)]
        if rows and article_id:
            conn.execute(schema.near_keys.delete().where(schema.near_keys.c.article_id == article_id))
            conn.execute(schema.near_keys.insert(), rows)


def stored_by_hash(store: Store, digests: Iterable[str]) -> dict[str, tuple[str, str]]:
    """content hash -> (article id, source) for the texts already stored."""
    a = schema.articles
    found: dict[str, tuple[str, str]] = {}
    with store.read() as conn:
        for chunk in _chunks(list(dict.fromkeys(digests))):
            for row in conn.execute(select(a.c.content_hash, a.c.id, a.c.source).where(a.c.content_hash.in_(chunk))):
                found[row.content_hash] = (row.id, row.source)
    return found


def near_candidates(store: Store, keys: list[str], exclude: str, limit: int = 20) -> list[str]:
    """Stored articles sharing a band key with these, most shared keys first, then oldest."""
    if not keys:
        return []
    nk, a = schema.near_keys, schema.articles
    shared = func.count().label("shared")
    stmt = (select(nk.c.article_id, shared).join(a, a.c.id == nk.c.article_id)
            .where(nk.c.band_key.in_(keys) & (nk.c.article_id != exclude))
            .group_by(nk.c.article_id, a.c.ingested_at).order_by(shared.desc(), a.c.ingested_at, nk.c.article_id)
            .limit(limit))
    with store.read() as conn:
        return list(conn.execute(stmt).scalars())


def texts(store: Store, article_ids: list[str]) -> dict[str, str]:
    """id -> text of these stored articles."""
    a = schema.articles
    with store.read() as conn:
        return {r.id: r.text for r in conn.execute(select(a.c.id, a.c.text).where(a.c.id.in_(article_ids)))}


def first_copy(store: Store, article_id: str) -> str:
    """The article a stored near-duplicate copies, else the article itself (marks point at the first)."""
    t = schema.feed_items
    with store.read() as conn:
        first = conn.execute(select(t.c.duplicate_of).where((t.c.article_id == article_id) & (t.c.status == "new")
                                                            & t.c.duplicate_of.is_not(None))).scalar()
    return first or article_id


def unkeyed_articles(store: Store, limit: int) -> list[tuple[str, str]]:
    """(id, text) of stored articles without band keys yet (stored by `ingest`, or before migration 5)."""
    a, nk = schema.articles, schema.near_keys
    stmt = (select(a.c.id, a.c.text).where(~select(nk.c.article_id).where(nk.c.article_id == a.c.id).exists())
            .order_by(a.c.ingested_at, a.c.id).limit(limit))
    with store.read() as conn:
        return [(r.id, r.text) for r in conn.execute(stmt)]


def add_keys(store: Store, keys: dict[str, list[str]]) -> None:
    """Store band keys for these articles (id -> keys), one transaction."""
    rows = [{"article_id": aid, "band_key": k} for aid, ks in keys.items() for k in dict.fromkeys(ks)]
    if rows:
        with write_transaction(store.engine) as conn:
            conn.execute(schema.near_keys.insert(), rows)


def feed_overview(store: Store) -> list[dict[str, Any]]:
    """The feeds of the last `rashomon watch` run with their last fetch, error, schedule and counts."""
    t = schema.feeds
    with store.read() as conn:
        rows = conn.execute(select(t).where(t.c.active == 1).order_by(t.c.name, t.c.url)).mappings()
        return [dict(r) for r in rows]
