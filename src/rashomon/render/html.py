"""One self-contained HTML page per article: highlighted layers, legend, toggles, details."""

from __future__ import annotations

import json
from functools import lru_cache

from ..model import Article
from .highlight import article_marks, segments


@lru_cache(maxsize=1)
def _env():  # noqa: ANN202 - jinja2.Environment
    from jinja2 import Environment, PackageLoader, select_autoescape

    # Autoescape everything: article text is untrusted input.
    return Environment(loader=PackageLoader("rashomon", "templates"), autoescape=select_autoescape(default=True))


def safe_json(data: object) -> str:
    """JSON that cannot close a <script> element or open an HTML comment."""
    raw = json.dumps(data, ensure_ascii=False)
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_article_page(art: Article) -> str:
    """A standalone page for one article."""
    from .. import __version__

    marks = article_marks(art)
    details = {m.id: m.info | {"text": art.text[m.start : m.end]} for m in marks}
    layers = sorted({m.layer for m in marks})
    return _env().get_template("article.html").render(
        art=art,
        segments=segments(art.text, marks),
        details_json=safe_json(details),
        layers=layers,
        entities=sorted(art.entities, key=lambda e: (-len(e.mentions), e.mentions[0].start)),
        version=__version__,
    )
