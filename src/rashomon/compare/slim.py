"""Slim copies of analysed articles holding only what `compare_articles` (and its page) read.

`compare` must hold every article until the comparison runs. Comparison reads every
sentence (a divergence is often in a sentence the claims layer does not keep) with the text,
lemma, part of speech and dependency of its tokens (what a place hangs on, the verb a figure
depends on, whether a verb is asserted or only an infinitive); so the copy keeps the tokens
as they are, drops mentions and the quoted-phrase layer, and keeps techniques only for the
HTML page.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Article


def slim_for_compare(article: Article, *, display: bool = False) -> Article:
    """A copy with token lemmas, sentences, entities, quotes, claims, quantities, dates, the first
    paragraphs and metadata; `display` also keeps techniques (the HTML page shows them)."""
    # The Token objects are shared with the full article: the tree is kept at no cost.
    tokens = list(article.tokens)
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
