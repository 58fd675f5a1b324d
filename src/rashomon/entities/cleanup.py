"""Trim backend mention spans to the name itself: no article, possessive, brackets or credits."""

from __future__ import annotations

import re

from ..model import Mention

_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE = " \t\r\n.,;:!?\"'“”«»„‘’()[]{}—–-/|*"
# A mention that crosses one of these is really two things (photo credits, brackets, lines).
_SPLIT = re.compile(r"\s*(?:/|\||\n|\r|\]\s*|\[\s*)\s*")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start:end] past edge punctuation, a leading 'the' and a trailing possessive."""
    changed = True
    while changed and start < end:
        changed = False
        piece = text[start:end]
        m = _LEADING.match(piece)
        if m and end - start > m.end():
            start += m.end()
            changed = True
        piece = text[start:end]
        m = _POSSESSIVE.search(piece)
        if m and m.start() > 0:
            end = start + m.start()
            changed = True
        while start < end and text[start] in _EDGE:
            start += 1
            changed = True
        while end > start and text[end - 1] in _EDGE:
            end -= 1
            changed = True
    return start, end


def clean_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Split mentions at separators and trim each part; drop parts with no letter."""
    out: list[Mention] = []
    for m in mentions:
        pieces = []
        cursor = m.start
        for sep in _SPLIT.finditer(text, m.start, m.end):
            if sep.start() == sep.end():
                continue
            pieces.append((cursor, sep.start()))
            cursor = sep.end()
        pieces.append((cursor, m.end))
        split = len(pieces) > 1
        for s, e in pieces:
            s, e = _trim(text, s, e)
            surface = text[s:e]
            if not any(ch.isalpha() for ch in surface):
                continue
            # A backend normal form (Russian nominative) survives trimming but not splitting.
            normal = surface if (split or m.normal == m.text) else m.normal
            out.append(Mention(s, e, surface, m.type, normal, m.label))
    return out
