"""`rashomon watch`: keep a corpus current from RSS/Atom feeds.

`config` reads FEEDS.toml, `fetch` polls a feed with conditional GET, `parse` reads RSS/Atom
(feedparser), `dedup` finds near-duplicate texts, `poller.Watcher` schedules polls and hands
new articles to `ingest_items.store_items`; the state lives in the store (`store.feeds`).
"""

from __future__ import annotations

from .config import Feed, read_feeds
from .poller import PollReport, Watcher

__all__ = ["Feed", "PollReport", "Watcher", "read_feeds"]
