"""Slim copies of analysed articles holding only what `compare_articles` (and its page) read.

`compare` must hold every article until the comparison runs; the token and sentence layers
are most of an analysed article's memory and comparison reads only the lemmas of tokens
inside claims, so the copy keeps just those (their syntax heads pointed at themselves:
nothing in comparison walks the tree).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from ..model import Article, Token


def slim_for_compare(article: Article, *, display: bool = False) -> Article:
    """A copy with claim-token lemmas, entities, claims, quantities, dates, the first paragraphs
    and metadata; `display` also keeps quotes and techniques (the HTML page shows them)."""
    spans: list[list[int]] = []  # claim spans merged into disjoint, sorted intervals
    for start, end in sorted((c.start, c.end) for c in article.claims):
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    starts = [s for s, _e in spans]
    tokens: list[Token] = []
    for tok in article.tokens:
        # Kept: every token starting inside a claim, so SyntaxView.tokens_in(claim) is unchanged.
        i = bisect_right(starts, tok.start) - 1
        if i >= 0 and tok.start < spans[i][1]:
            tokens.append(Token(tok.start, tok.end, tok.text, tok.lemma, tok.pos, "", len(tokens), 0))
    return replace(
        article,
        paragraphs=list(article.paragraphs[:3]),
        sentences=[],
        tokens=tokens,
        mentions=[],
        quoted=[],
        quotes=list(article.quotes) if display else [],
        techniques=list(article.techniques) if display else [],
        done=list(article.done),
        meta={},
    )

