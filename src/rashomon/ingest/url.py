"""URL reader: fetch over http(s), then the HTML reader."""

from __future__ import annotations

import urllib.error
import urllib.request

from ..errors import RashomonError
from ..model import Article
from .html import read_html_bytes
from .text import read_text_bytes

_AGENT = "rashomon/0.1 (+https://pypi.org/project/rashomon)"


def is_url(value: str) -> bool:
    """True for http:// and https:// addresses."""
    return value.startswith(("http://", "https://"))


def read_url(url: str, *, timeout: float, max_bytes: int) -> Article:
    """Download a page (bounded in size and time) and extract its article."""
    request = urllib.request.Request(url, headers={"User-Agent": _AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:  # noqa: S310 - scheme checked
            data = resp.read(max_bytes + 1)
            ctype = resp.headers.get("Content-Type", "")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise RashomonError("E009", path=url, detail=str(reason)) from None
    if len(data) > max_bytes:
        raise RashomonError("E005", path=url, size=f">{max_bytes}", limit=max_bytes)
    if "text/plain" in ctype:
        return read_text_bytes(data, url)
    art = read_html_bytes(data, url, url=url)
    return art
