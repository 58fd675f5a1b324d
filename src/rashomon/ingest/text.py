"""Plain-text reader: the decoded text is kept exactly, so external offsets line up."""

from __future__ import annotations

import re

from ..errors import RashomonError
from ..model import Article
from .decode import decode_bytes
from .ids import article_id

_TITLE = re.compile(r"\A[ \t]*([^\r\n]{1,300}?)[ \t]*\r?\n[ \t]*\r?\n")
_LETTER = re.compile(r"[^\W\d_]")


def title_of(text: str) -> str | None:
    """A first line followed by a blank line is the title."""
    m = _TITLE.match(text)
    return m.group(1) if m else None


def require_letters(text: str, path: str) -> None:
    """Empty or letterless input gets a clear error instead of an empty analysis."""
    if not text.strip():
        raise RashomonError("E002", path=path)
    if not _LETTER.search(text):
        raise RashomonError("E011", path=path)


def article_from_text(text: str, source: str, *, title_from_first_line: bool = True) -> Article:
    """Build an Article from already-decoded text, unchanged."""
    require_letters(text, source)
    title = title_of(text) if title_from_first_line else None
    return Article(id=article_id(text), text=text, source=source, title=title)


def read_text_bytes(data: bytes, source: str, *, title_from_first_line: bool = True) -> Article:
    """Decode plain-text bytes and build an Article."""
    if not data.strip():
        raise RashomonError("E002", path=source)
    text, encoding = decode_bytes(data, source)
    art = article_from_text(text, source, title_from_first_line=title_from_first_line)
    art.meta["encoding"] = encoding
    return art
