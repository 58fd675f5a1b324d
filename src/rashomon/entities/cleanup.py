"""Trim backend mention spans to the name itself: no article, possessive, brackets or credits."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang import load_table
from ..model import Mention
from ..script import has_cyrillic

_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’‘]s|['’])$")
# "Lukashenko’s Self-Overthrow", "Kiev’s Maidan": the model glued possessor and possessed.
_INNER_POSSESSIVE = re.compile(r"['’‘]s\s+")
# Label suffix of the "Y" in "X’s Y": kept only when the type table knows the name.
POSSESSED = "+possessed"
_EDGE = " \t\r\n.,;:!?\"'“”«»„‘’()[]{}—–-/|*"
# A mention that crosses one of these is really two things (photo credits, brackets, lines).
_SPLIT = re.compile(r"\s*(?:/|\||\n|\r|\]\s*|\[\s*|\(\s*|\)\s*)\s*")
# A dash with spaces around it is no part of a Latin-script name: a dateline ("ROME - Bernie
# Sanders"), a rhetorical pause ("Weak - Rubio - weak") or a clause ("Robert Barr - won").
# Cyrillic party names hold one («Справедливая Россия — За правду»), so there only in a person's.
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")


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


def _split_possessive(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Cut "X’s Y" into X and Y (flagged possessed: kept only if the type table knows it)."""
    m = _INNER_POSSESSIVE.search(text, start, end)
    if m is None or m.end() >= end:
        return [(start, end, False)]
    return [(start, m.start(), False), (m.end(), end, True)]


def _at_dashes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start:end] cut at spaced dashes."""
    out, cursor = [], start
    for sep in _SPACED_DASH.finditer(text, start, end):
        out.append((cursor, sep.start()))
        cursor = sep.end()
    return out + [(cursor, end)]


def _not_a_name(text: str, piece: str) -> bool:
    """A piece cut off a mention that names nothing: it starts lower-case or with a digit ("won",
    "60 percent"), or it is one word the text also writes lower-case ("Weak" beside "weak")."""
    if not piece[0].isupper():
        return True
    return " " not in piece and re.search(rf"(?<!\w){re.escape(piece.lower())}(?!\w)", text) is not None


def clean_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Split mentions at separators and trim each part; drop parts with no letter, and parts cut
    off at a spaced dash that name nothing."""
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
        cut_at_dash = (m.type == "PERSON" or not has_cyrillic(m.text)) \
            and _SPACED_DASH.search(text, m.start, m.end) is not None
        if cut_at_dash:
            pieces = [p for piece in pieces for p in _at_dashes(text, *piece)]
        parts = [p for piece in pieces for p in _split_possessive(text, *piece)]
        split = len(parts) > 1
        named = [p for p in parts if any(ch.isalpha() for ch in text[p[0] : p[1]])]
        for s, e, possessed in parts:
            label = m.label + POSSESSED if possessed else m.label
            s, e = _trim(text, s, e)
            surface = text[s:e]
            if not any(ch.isalpha() for ch in surface):
                continue
            if cut_at_dash and _not_a_name(text, surface):
                continue
            if m.type == "PERSON":
                s = _past_title(text, s, e)  # "NJ Gov Chris Christie": the person, not the office
                surface = text[s:e]
            # A backend normal form (Russian nominative) survives trimming but not splitting.
            normal = surface if (split or m.normal == m.text or s != m.start) else m.normal
            if split and m.normal != m.text and len(named) == 2 and not possessed and (s, e) == _trim(text, *named[0][:2]):
                # «Украинская национальная колония" (УНК)»: the first piece keeps the backend's
                # nominative when the normal form splits the same way.
                head = [h for h in _SPLIT.split(m.normal) if h.strip(_EDGE)]
                if len(head) == 2 and head[0].strip(_EDGE):
                    normal = head[0].strip(_EDGE)
            out.append(Mention(s, e, surface, m.type, normal, label))
    return out


# "NJ Gov", "Sen.", "Lt. Gen.": a state's initials and abbreviated titles before a person's name.
_STATE_INITIALS = re.compile(r"^[A-Z]{2}$")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Abbreviated titles, lower case without their period (lang/<code>/title_abbreviations.tsv)."""
    return frozenset(a.lower().rstrip(".") for lang in ("en", "ru") for row in load_table(lang, "title_abbreviations")
                     for a in row[1:])


def _past_title(text: str, start: int, end: int) -> int:
    """Where a person's name starts past abbreviated titles the model took into it ("NJ Gov Chris
    Christie" -> "Chris Christie"); two capitalised words must be left."""
    words = list(re.finditer(r"\S+", text[start:end]))
    k = 0
    titles = _title_words()
    while k < len(words) - 2 and (words[k].group().lower().rstrip(".") in titles
                                  or (_STATE_INITIALS.match(words[k].group()) and words[k + 1].group().lower().rstrip(".") in titles)):
        k += 1
    rest = [w.group() for w in words[k:]]
    if k == 0 or len(rest) < 2 or not all(w[:1].isupper() for w in rest):
        return start
    return start + words[k].start()
