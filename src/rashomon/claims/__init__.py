"""Claims: check-worthy statements with their source (the author or a quoted speaker, linked
through the quotes layer) and the stance the text takes to them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..intervals import Cover
from ..model import Article, Claim, Quote
from ..syntax import SyntaxView
from .stance import StanceMarkers, markers_for
from ..pipeline import component

__all__ = ["ClaimExtractor", "extract_claims"]

_MIN_WORDS = 4
_WORD = re.compile(r"\w+")
# A label line ("Anatol Lyabedzka, president of …:") or a photo credit is not a claim.
_NOT_CLAIM = re.compile(r":\s*$|^(?:photos?|фото)\b", re.IGNORECASE)


@component("claims", requires=("quotes", "entities", "sentences", "quantities", "dates"), assigns=("claims",))
class ClaimExtractor:
    """Component: assigns `claims`."""

    def __call__(self, article: Article) -> Article:
        article.claims = extract_claims(article)
        return article


class _Within:
    """Spans of an article's layers (or its sentences) by start, to list those inside a range."""

    def __init__(self, items) -> None:  # noqa: ANN001 - anything with start/end
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]

    def inside(self, start: int, end: int) -> list:
        """Items with start <= x.start and x.end <= end, in start order."""
        window = self.items[bisect_left(self.starts, start) : bisect_right(self.starts, end)]
        return [x for x in window if x.end <= end]


def _check_worthy(layers: _Within, start: int, end: int) -> bool:
    """Mentions a named actor, place, number or date (`layers`): something a fact-checker could check."""
    return bool(layers.inside(start, end))


def extract_claims(article: Article) -> list[Claim]:
    """Claims from quote contents (the speaker's) and from the author's other sentences."""
    text = article.text
    marks = markers_for(article.language)
    view = SyntaxView.of(article)
    claims: list[Claim] = []
    # Sentences and layer spans are looked up by start: thousands of sentences, quotes and
    # mentions would otherwise make every claim scan every span.
    sentences = _Within(article.sentences)
    layers = _Within([*article.mentions, *article.quantities, *article.dates])
    for q in article.quotes:
        c = q.content
        pieces = [(s.start, s.end) for s in sentences.inside(c.start, c.end)]
        if q.kind != "direct" or not pieces:
            pieces = [(c.start, c.end)]
        for s, e in pieces:
            s, e = _trim(text, s, e)
            if _words(text, s, e) < _MIN_WORDS - 1 or not _check_worthy(layers, s, e):
                continue
            stance = marks.stance(text[s:e], default="attributed")
            if stance == "attributed" and q.cue is not None and _distancing(q, article, marks, view, sentences):
                stance = "disputed"
            claims.append(_claim(text, s, e, q.speaker_entity, stance, q))
    covered = Cover((q.content.start, q.content.end) for q in article.quotes)
    for sent in article.sentences:
        s, e = _trim(text, sent.start, sent.end)
        if e <= s or text[e - 1 : e] == "?" or _NOT_CLAIM.search(text[s:e]):
            continue
        if covered.overlaps(s, e):
            continue
        if _words(text, s, e) < _MIN_WORDS or not _check_worthy(layers, s, e):
            continue
        claims.append(_claim(text, s, e, None, marks.stance(text[s:e], default="asserted"), None))
    claims.sort(key=lambda c: (c.start, c.end))
    _dispute_by_anaphora(article, claims, marks)
    for i, c in enumerate(claims):
        c.id = f"c{i + 1}"
    return claims


def _claim(text: str, s: int, e: int, source: str | None, stance: str, quote: Quote | None) -> Claim:
    claim = Claim("", s, e, text[s:e], source, stance)  # type: ignore[arg-type]
    claim.quote = quote.id if quote else None
    claim.source_name = quote.speaker_name if quote else None
    return claim


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\r\n“”«»\"„":
        s += 1
    while e > s and text[e - 1] in " \t\r\n“”«»\"„":
        e -= 1
    return s, e


def _words(text: str, s: int, e: int) -> int:
    return len(_WORD.findall(text, s, e))


def _distancing(q: Quote, article: Article, marks: StanceMarkers, view: SyntaxView, sentences: _Within) -> bool:
    """ "X claims …" distances only when the article disputes the story near it."""
    i = view.token_at(q.cue.start) if q.cue is not None else None
    if i is None or article.tokens[i].lemma.lower() not in marks.distancing_surface:
        return False
    lo, hi = q.content.start - 400, q.content.end + 400
    return any(marks.disputed(s.text) for s in sentences.inside(lo, hi) if lo <= s.start and s.end <= hi
               and not (q.content.start <= s.start and s.end <= q.content.end))


def _dispute_by_anaphora(article: Article, claims: list[Claim], marks: StanceMarkers) -> None:
    """ "Few people believe in this story." disputes the attributed claim(s) just before it."""
    for sent in article.sentences:
        low = sent.text.lower()
        if not marks.disputed(low) or not marks.points_back(low):
            continue
        before = [c for c in claims if c.end <= sent.start and sent.start - c.end < 600
                  and c.source_entity is not None]
        for c in before[-2:]:
            c.stance = "disputed"
