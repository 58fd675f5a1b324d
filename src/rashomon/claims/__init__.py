"""Claims: check-worthy statements with their source (the author or a quoted speaker, linked
through the quotes layer) and the stance the text takes to them."""

from __future__ import annotations

import re
from ..model import Article, Claim, Quote
from ..syntax import SyntaxView
from .stance import StanceMarkers, markers_for

__all__ = ["ClaimExtractor", "extract_claims"]

_MIN_WORDS = 4
_WORD = re.compile(r"\w+")
# A label line ("Anatol Lyabedzka, president of …:") or a photo credit is not a claim.
_NOT_CLAIM = re.compile(r":\s*$|^(?:photos?|фото)\b", re.IGNORECASE)


class ClaimExtractor:
    """Component: assigns `claims`."""

    name = "claims"
    requires: tuple[str, ...] = ("quotes", "entities", "sentences", "quantities", "dates")
    assigns: tuple[str, ...] = ("claims",)

    def __call__(self, article: Article) -> Article:
        article.claims = extract_claims(article)
        return article


def _check_worthy(article: Article, start: int, end: int) -> bool:
    """Mentions a named actor, place, number or date: something a fact-checker could check."""
    for layer in (article.mentions, article.quantities, article.dates):
        if any(start <= x.start and x.end <= end for x in layer):
            return True
    return False


def extract_claims(article: Article) -> list[Claim]:
    """Claims from quote contents (the speaker's) and from the author's other sentences."""
    text = article.text
    marks = markers_for(article.language)
    view = SyntaxView(article)
    claims: list[Claim] = []
    covered: list[tuple[int, int]] = []
    for q in article.quotes:
        c = q.content
        covered.append((c.start, c.end))
        pieces = [(s.start, s.end) for s in article.sentences if c.start <= s.start and s.end <= c.end]
        if q.kind != "direct" or not pieces:
            pieces = [(c.start, c.end)]
        for s, e in pieces:
            s, e = _trim(text, s, e)
            if _words(text, s, e) < _MIN_WORDS - 1 or not _check_worthy(article, s, e):
                continue
            stance = marks.stance(text[s:e], default="attributed")
            if stance == "attributed" and q.cue is not None and _distancing(q, article, marks, view):
                stance = "disputed"
            claims.append(_claim(text, s, e, q.speaker_entity, stance, q))
    for sent in article.sentences:
        s, e = _trim(text, sent.start, sent.end)
        if e <= s or text[e - 1 : e] == "?" or _NOT_CLAIM.search(text[s:e]):
            continue
        if any(a < e and s < b for a, b in covered):
            continue
        if _words(text, s, e) < _MIN_WORDS or not _check_worthy(article, s, e):
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


def _distancing(q: Quote, article: Article, marks: StanceMarkers, view: SyntaxView) -> bool:
    """ "X claims …" distances only when the article disputes the story near it."""
    i = view.token_at(q.cue.start) if q.cue is not None else None
    if i is None or article.tokens[i].lemma.lower() not in marks.distancing_surface:
        return False
    lo, hi = q.content.start - 400, q.content.end + 400
    return any(marks.disputed(s.text) for s in article.sentences if lo <= s.start and s.end <= hi
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
