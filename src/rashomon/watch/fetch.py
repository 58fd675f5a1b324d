"""Feed download with conditional GET (ETag / Last-Modified), through URL ingest's guarded fetcher.

`ingest.url.fetch_bytes` returns only a body; a feed poll also sends validators and reads them
back, and a 304 is an answer, not an error. The download itself is ingest's: the same
private-address guard on every hop (E016), one total deadline (`ingest.url_timeout`) and the
size limit (`ingest.max_bytes`), so a feed cannot do what a URL input may not.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass

from ..errors import RashomonError
from ..ingest.url import _AGENT, _Fetch, _opener, _read_body

_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"


@dataclass(frozen=True)
class FeedResponse:
    """One poll's answer: 200 with a body, or 304 (not modified) with none."""

    status: int
    body: bytes
    etag: str | None
    last_modified: str | None


def fetch_feed(url: str, *, etag: str | None, last_modified: str | None, timeout: float, max_bytes: int,
               allow_private: bool = False) -> FeedResponse:
    """Conditional GET of a feed; E142 when it cannot be fetched, E016 for a private address."""
    fetch = _Fetch(url, timeout, allow_private)
    headers = {"User-Agent": _AGENT, "Accept": _ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with _opener(fetch).open(urllib.request.Request(url, headers=headers), timeout=fetch.remaining()) as resp:
            body = _read_body(resp, fetch, max_bytes)
            return FeedResponse(200, body, resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        with exc:
            if exc.code == 304:  # keep the validators we sent unless the server gave new ones
                return FeedResponse(304, b"", exc.headers.get("ETag") or etag,
                                    exc.headers.get("Last-Modified") or last_modified)
            raise RashomonError("E142", path=url, detail=f"HTTP {exc.code} {exc.reason}"[:200]) from None
    except RashomonError as err:
        if err.code == "E016":
            raise
        if err.code == "E005":
            raise RashomonError("E142", path=url, detail=f"larger than ingest.max_bytes={max_bytes}") from None
        raise RashomonError("E142", path=url, detail=str(err.fields.get("detail", err))[:200]) from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        if isinstance(reason, TimeoutError) or isinstance(exc, TimeoutError):
            reason = f"took longer than url_timeout={timeout:g} s"
        raise RashomonError("E142", path=url, detail=str(reason)[:200] or type(exc).__name__) from None
