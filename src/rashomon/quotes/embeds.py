"""Embedded posts: a tweet copied into an article ends with its byline,

    Police misled the public about the date. pic.twitter.com/x1 — Jane Roe (@janeroe) October 6, 2017

The text before the dash is the post, in its author's words: a direct quote of the name before
the handle, its cue the handle. Web news, and most of all the partisan sites disinformation
researchers read, quote this way (63 of 446 SemEval-2023 English articles)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang import load_list
from ..model import Article
from ..syntax import SyntaxView
from .reported import Attribution

# Links the embed leaves at the end of the post's text: part of the post, not of what it says.
_TRAILING_LINKS = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")


@lru_cache(maxsize=1)
def _byline() -> re.Pattern[str]:
    months = "|".join(sorted(load_list("en", "months"), key=len, reverse=True))
    return re.compile(
        r"[ \t\u00a0]+[—–-]{1,2}[ \t\u00a0]*(?P<name>[^\n()—–]{1,60}?)[ \t\u00a0]*\((?P<handle>@\w{1,30})\)"
        rf"[ \t\u00a0]*(?:{months})\.?[ \t\u00a0]+\d{{1,2}},?[ \t\u00a0]+\d{{4}}[ \t\u00a0]*$")


def embed_attributions(article: Article, view: SyntaxView) -> list[Attribution]:
    """One direct quote per embedded post whose text and byline share a line."""
    text = article.text
    out = []
    for para in article.paragraphs:
        m = _byline().search(text, para.start, para.end)
        if m is None:
            continue
        body = text[para.start : m.start()]
        links = _TRAILING_LINKS.search(body)
        body = body[: links.start()] if links else body
        start = para.start + len(body) - len(body.lstrip())
        end = para.start + len(body.rstrip())
        if end - start < 3:
            continue  # the post's text stands in the lines above, or is only a link
        name = (m.start("name"), m.end("name"))
        # The name's last word heads it: "Sec. Kirstjen Nielsen" is Nielsen, not a title the
        # recogniser tagged on its own.
        comma = text.find(",", *name)  # "S. Lee Merritt, Esq.": the name stops at the comma
        last = [k for k in view.tokens_in(name[0], name[1] if comma < 0 else comma) if view.tokens[k].text[:1].isalnum()]
        head = last[-1] if last else None
        out.append(Attribution((start, end), (m.start("handle"), m.end("handle")), name, head, "direct:embed"))
    return out
