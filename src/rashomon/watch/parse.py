"""RSS and Atom through feedparser: the items of a feed, as links with what the feed says of them."""

from __future__ import annotations

import io
import time
import urllib.parse
from dataclasses import dataclass

from ..errors import RashomonError


@dataclass(frozen=True)
class Entry:
    """One feed item: its page URL and the feed's title and date for it."""

    url: str
    title: str | None = None
    published: str | None = None


def item_url(link: str, base: str) -> str | None:
    """An item link made absolute against the feed URL, without its #fragment; None unless http(s)."""
    absolute = urllib.parse.urljoin(base, link.strip())
    parts = urllib.parse.urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return urllib.parse.urlunsplit(parts._replace(fragment=""))


def _iso(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def parse_feed(body: bytes, url: str, max_items: int) -> list[Entry]:
    """The first `max_items` entries with a usable link, each URL once; E143 if not RSS/Atom."""
    import feedparser

    # A stream, never a string: feedparser fetches a string that looks like a URL itself.
    parsed = feedparser.parse(io.BytesIO(body))
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        detail = str(reason).splitlines()[0][:200] if reason else "no RSS or Atom root element"
        raise RashomonError("E143", path=url, detail=detail or type(reason).__name__)
    entries, seen = [], set()
    for raw in parsed.entries:
        link = raw.get("link") or ""
        target = item_url(link, url) if link else None
        if target is None or target in seen:
            continue
        seen.add(target)
        published = _iso(raw.get("published_parsed") or raw.get("updated_parsed"))
        entries.append(Entry(url=target, title=(raw.get("title") or "").strip() or None, published=published))
        if len(entries) >= max_items:
            break
    return entries
