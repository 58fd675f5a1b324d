"""What kind of quantity a number is: the unit, cue and sign words around it, read from the
language data files (quantity_units.tsv, quantity_cues.tsv, ordinal_words.tsv).

Kinds: count, money (unit: ISO currency), percent, measure (normalised unit), temperature (C/F),
score, age, ordinal, duration, rate (unit "base/per"), reference (legal and document numbers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lang import load_list, load_table

KINDS = ("count", "money", "percent", "measure", "temperature", "score", "age", "ordinal", "duration", "rate",
         "reference")


@dataclass(frozen=True, slots=True)
class Unit:
    """One row of quantity_units.tsv, compiled."""

    pattern: re.Pattern[str]
    kind: str
    unit: str | None
    before: bool


def _phrase_regex(phrase: str) -> str:
    """A lowercase table phrase as a regex: spaces match any whitespace, a trailing * any ending."""
    stem = phrase[:-1] if phrase.endswith("*") else phrase
    body = r"\s+".join(re.escape(w) for w in stem.split())
    if phrase.endswith("*"):
        body += r"\w*"
    if re.search(r"\w$", stem) or phrase.endswith("*"):
        body += r"(?!\w)"
    return body


@lru_cache(maxsize=None)
def units(lang: str) -> tuple[Unit, ...]:
    """Unit and currency phrases of `lang`, longest first."""
    rows = [r for r in load_table(lang, "quantity_units") if len(r) >= 2]
    rows.sort(key=lambda r: len(r[0]), reverse=True)
    out = []
    for r in rows:
        before = len(r) > 3 and r[3] == "before"
        body = _phrase_regex(r[0])
        pat = re.compile(rf"(?:{body})\s*$" if before else rf"\s*(?:{body})", re.I)
        out.append(Unit(pat, r[1], (r[2] or None) if len(r) > 2 else None, before))
    return tuple(out)


@lru_cache(maxsize=None)
def cues(lang: str, role: str) -> tuple[tuple[str, str | None], ...]:
    """(phrase, value) pairs with the given role from quantity_cues.tsv, longest first."""
    rows = [(r[0], r[2] if len(r) > 2 else None) for r in load_table(lang, "quantity_cues") if len(r) >= 2
            and r[1] == role]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@lru_cache(maxsize=None)
def _cue_regex(lang: str, role: str, where: str) -> re.Pattern[str] | None:
    phrases = [p for p, _ in cues(lang, role)]
    if not phrases:
        return None
    alt = "|".join(_phrase_regex(p) if re.match(r"\w", p) else re.escape(p) for p in phrases)
    if where == "before":  # the phrase ends right before the number
        return re.compile(rf"(?<!\w)(?:{alt})\s*$", re.I)
    if where == "after":
        return re.compile(rf"\s*(?:{alt})", re.I)
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I)


def cue_before(text: str, start: int, langs: tuple[str, ...], role: str, window: int = 40) -> re.Match[str] | None:
    """A cue of `role` ending right before `start` (whitespace between allowed); match offsets are
    relative to `start - window`."""
    before = text[max(0, start - window) : start]
    for lang in langs:
        pat = _cue_regex(lang, role, "before")
        m = pat.search(before) if pat else None
        if m:
            return m
    return None


def cue_after(text: str, end: int, langs: tuple[str, ...], role: str) -> tuple[int, str | None] | None:
    """(end offset, value) of a cue of `role` starting right after `end`."""
    for lang in langs:
        pat = _cue_regex(lang, role, "after")
        m = pat.match(text, end) if pat else None
        if m:
            phrase = m.group().strip().lower()
            value = next((v for p, v in cues(lang, role) if re.fullmatch(_phrase_regex(p), phrase, re.I)), None)
            return m.end(), value
    return None


def cue_near(text: str, start: int, end: int, langs: tuple[str, ...], role: str) -> bool:
    """True if a cue of `role` occurs anywhere in text[start:end]."""
    for lang in langs:
        pat = _cue_regex(lang, role, "near")
        if pat and pat.search(text, start, end):
            return True
    return False


def unit_after(text: str, end: int, langs: tuple[str, ...]) -> tuple[int, Unit] | None:
    """The longest unit phrase right after `end`: (its end offset, the unit)."""
    best: tuple[int, Unit] | None = None
    for lang in langs:
        for unit in units(lang):
            if unit.before:
                continue
            m = unit.pattern.match(text, end)
            if m and m.end() > end and (best is None or m.end() > best[0]):
                best = (m.end(), unit)
    return best


def unit_before(text: str, start: int, langs: tuple[str, ...]) -> tuple[int, Unit] | None:
    """A currency symbol right before `start` ("$50m", "€ 12"): (its start offset, the unit)."""
    before = text[max(0, start - 6) : start]
    for lang in langs:
        for unit in units(lang):
            if unit.before:
                m = unit.pattern.search(before)
                # "US$" and "$" both match; the longer one comes first in the table.
                if m and (m.start() == 0 or not before[m.start() - 1].isalnum()):
                    return start - len(before) + m.start(), unit
    return None


@lru_cache(maxsize=None)
def ordinal_words(lang: str) -> dict[str, float]:
    """Ordinal word (lemma) -> value."""
    return {r[0]: float(r[1]) for r in load_table(lang, "ordinal_words") if len(r) >= 2}


@lru_cache(maxsize=None)
def head_verbs(lang: str) -> frozenset[str]:
    """Verbs whose subject is what a number after them measures ("unemployment rose to 5%")."""
    return frozenset(load_list(lang, "quantity_head_verbs"))


@lru_cache(maxsize=None)
def pass_nouns(lang: str) -> frozenset[str]:
    """Nouns between a number and what it measures ("a total of", «в размере»)."""
    return frozenset(load_list(lang, "quantity_pass_nouns"))
