"""FEEDS.toml: the feeds `rashomon watch` polls, each with its url, name, interval and language.

```toml
[[feed]]
url = "https://example.org/rss.xml"
name = "Example News"     # stored as the outlet of every article from this feed
interval = 600            # seconds between polls; default [watch] interval
language = "en"           # optional
```
The file is read with the same guards as a --config file (1 MB cap, nesting cap), and every
value is checked at once, so a typo fails with one line before anything is fetched.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import RashomonError
from ..settings import WatchOptions, read_config


class Feed(NamedTuple):
    """One watched feed."""

    url: str
    name: str
    interval: float
    language: str | None = None


class _FeedEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    url: str = Field(min_length=1, max_length=8192)
    name: str | None = Field(default=None, min_length=1, max_length=500)
    interval: float | None = Field(default=None, gt=0, le=30 * 86400)
    language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")

    @field_validator("url")
    @classmethod
    def _http(cls, url: str) -> str:
        """Only http(s) URLs: a feed is fetched like any URL input."""
        url = url.strip()
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"not an http(s) URL: {url[:200]!r}")
        return url


class _FeedsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    feed: list[_FeedEntry] = Field(min_length=1, max_length=10_000)


def parse_feeds(data: dict, source: str, defaults: WatchOptions) -> list[Feed]:
    """Feeds from an already parsed FEEDS.toml dict; E141 for anything invalid."""
    try:
        parsed = _FeedsFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RashomonError("E141", path=source, detail=f"{where}: {first['msg']}") from None
    feeds, seen = [], set()
    for entry in parsed.feed:
        if entry.url in seen:
            raise RashomonError("E141", path=source, detail=f"feed {entry.url[:200]} is listed twice")
        seen.add(entry.url)
        feeds.append(Feed(url=entry.url, name=entry.name or entry.url, language=entry.language,
                          interval=entry.interval if entry.interval is not None else defaults.interval))
    return feeds


def read_feeds(path: str | Path, defaults: WatchOptions) -> list[Feed]:
    """The feeds listed in a FEEDS.toml file: E140 unreadable, E141 invalid."""
    try:
        data = read_config(Path(path))
    except RashomonError as err:  # E030/E032 from the shared TOML reader, for this file
        raise RashomonError("E140", path=str(path), detail=err.fields.get("detail")
                             or f"larger than {err.fields.get('limit')} bytes") from None
    return parse_feeds(data, str(path), defaults)
