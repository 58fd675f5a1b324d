"""HTML reader: main text and metadata through trafilatura, with a plain fallback."""

from __future__ import annotations

import logging

from ..errors import RashomonError
from ..model import Article
from .decode import decode_bytes
from .ids import article_id
from .text import require_letters

# trafilatura logs parse trouble at WARNING; the caller reports errors itself.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def _fallback_text(markup: str) -> str:
    """Visible text of badly broken pages trafilatura gives up on."""
    import lxml.html

    try:
        root = lxml.html.fromstring(markup)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    lines = (line.strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def article_from_html(markup: str, source: str, url: str | None = None) -> Article:
    """Extract the main text and title/date/author/outlet from an HTML page."""
    import trafilatura

    doc = None
    if markup.strip():
        try:
            doc = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_tables=False)
        except Exception:  # noqa: BLE001 - any parser failure falls back below
            doc = None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        text = _fallback_text(markup) if markup.strip() else ""
    if not text:
        raise RashomonError("E006", path=source)
    require_letters(text, source)
    art = Article(id=article_id(text), text=text, source=source)
    if doc is not None:
        art.title = doc.title or None
        art.published = doc.date or None
        art.author = doc.author or None
        art.outlet = doc.sitename or doc.hostname or None
    return art


def read_html_bytes(data: bytes, source: str, url: str | None = None) -> Article:
    """Decode HTML bytes and extract the article."""
    if not data.strip():
        raise RashomonError("E002", path=source)
    markup, _ = decode_bytes(data, source)
    return article_from_html(markup, source, url=url)
