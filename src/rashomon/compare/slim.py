"""Slim copies of analysed articles holding only what `compare_articles` (and its page) read.

`compare` must hold every article until the comparison runs. Comparison reads every
sentence (a divergence is often in a sentence the claims layer does not keep) with the text,
lemma and part of speech of its tokens, but never walks a syntax tree; so the copy keeps
tokens without their dependency labels (heads pointed at themselves), drops mentions and
the quoted-phrase layer, and keeps techniques only for the HTML page.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Article, Token


def slim_for_compare(article: Article, *, display: bool = False) -> Article:
    """A copy with token lemmas, sentences, entities, quotes, claims, quantities, dates, the first
    paragraphs and metadata; `display` also keeps techniques (the HTML page shows them)."""
    # Strings are shared with the full article; only the Token objects are new (no tree).
    tokens = [Token(t.start, t.end, t.text, t.lemma, t.pos, "", k, t.sent) for k, t in enumerate(article.tokens)]
    return replace(
        article,
        paragraphs=list(article.paragraphs[:3]),
        sentences=list(article.sentences),
        tokens=tokens,
        mentions=[],
        quoted=[],
        quotes=list(article.quotes),
        techniques=list(article.techniques) if display else [],
        done=list(article.done),
        meta={},
    )
