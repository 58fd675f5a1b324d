"""Photo credits and bylines ("Photo: Reuters", "Photos in collage: A / TASS; B/Kremlin Pool",
"By Jane Doe"): names there credit a picture or a text, they are not mentions in the story."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang import load_list
from ..model import Mention
from ..parse import wire_credit

_BYLINE_WORDS = 6  # a line "By Jane Doe and John Roe" is a byline; "By Tuesday the army had …" is not


@lru_cache(maxsize=None)
def _marker_pattern(lang: str) -> re.Pattern[str]:
    """A credit word at a line start or after "(", then a colon, "by" or ©."""
    words = sorted({w.lower() for w in load_list(lang, "credit_markers")} - {"©"}, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?im)(?:^[ \t]*|\(\s*)(?:(?:{alt})\s*(?::|\bby\b|©)|©)")


_BYLINE = re.compile(r"(?m)^[ \t]*(?:By|BY|Автор:?)\s+(\S[^\n]*)$")
_WIRE_LINE = re.compile(r"(?m)^[ \t]*(?=[А-ЯЁ]{2})")  # where a Russian wire dateline may open a line


_CREDIT_MAX = 120  # characters after the marker: a credit names a picture's agency and people
_SENTENCE_END = re.compile(r"(?<![\s.][^\W\d_])[.!?](?=\s+[^\W\d_]*[A-ZА-ЯЁ])")  # not after an initial ("J. Scott")


def _credit_end(text: str, start: int, line_end: int) -> int:
    """Where a credit that runs to `line_end` really ends: the line's end, or on a long line (a page
    flattened into one paragraph, "Photo: Reuters. The president said …", or a caption after the
    marker) its first sentence end; a long line with none keeps only the marker."""
    if line_end - start <= _CREDIT_MAX:
        return line_end
    stop = _SENTENCE_END.search(text, start, min(line_end, start + _CREDIT_MAX))
    return stop.end() if stop else start


def credit_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans of photo credits and bylines in `text`."""
    spans = []
    for m in _marker_pattern(lang).finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        if text[m.start() : m.end()].lstrip().startswith("("):
            close = text.find(")", m.end(), line_end)
            line_end = close if close != -1 else line_end
        spans.append((m.start(), _credit_end(text, m.end(), line_end)))
    for m in _WIRE_LINE.finditer(text):
        credit = wire_credit(text[m.end() : m.end() + 200])
        if credit is not None:
            spans.append((m.end() + credit[0], m.end() + credit[1]))
    for m in _BYLINE.finditer(text):
        words = m.group(1).split()
        if len(words) <= _BYLINE_WORDS and all(w[:1].isupper() or w.lower() in ("and", "и") for w in words):
            spans.append((m.start(), m.end()))
    return spans


def drop_credits(text: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """Mentions outside every credit and byline."""
    spans = credit_spans(text, lang)
    if not spans:
        return mentions
    return [m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)]
