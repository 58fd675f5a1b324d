"""Pairwise verdicts between entity names of one type, each with the rule that decided.

Type-aware: persons compare as full names (a shared first name never suffices), places
through exonyms and without generic words, other types as whole names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from rashomon.entities.grouping import mention_key
from rashomon.names import match_names, name_key, parse_person, same_person
from rashomon.names.persons import is_first_name
from rashomon.resolve.keys import identity_key
from rashomon.resolve.places import exonym_label, place_forms

TYPO_MIN_KEY = 7  # a one-letter typo is only recognisable in a long surname key
TYPO_DOMINANCE = 3  # the correctly spelled host needs this many times the typo's mentions
VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class Verdict:
    """Whether two names are one entity, by which rule, with a 0..1 score and a reason."""

    same: bool
    rule: str
    score: float
    why: str


def person_kind(name: str) -> str:
    """'full' (first name or initial plus surname), 'surname' (one surname word) or 'first' (first name only)."""
    parsed = parse_person(name)
    if not parsed.surname:
        return "first"
    if parsed.first or parsed.initials or parsed.patronymic:
        return "full"
    return "surname"


@lru_cache(maxsize=8192)
def surname_key(name: str) -> str:
    """Comparison key of a person's surname (the whole name's key if it has none)."""
    parsed = parse_person(name)
    return name_key(parsed.surname or name)


def _place_verdict(a: str, b: str) -> Verdict:
    """Exonym table first, then the spelling matcher on the names without generic words."""
    core_a, group_a = place_forms(a)
    core_b, group_b = place_forms(b)
    if group_a is not None and group_a == group_b:
        return Verdict(True, "exonym", 1.0, f"{a} and {b} are listed names of {exonym_label(group_a)} (lang/places/exonyms.tsv)")
    if group_a is not None and group_b is not None:
        return Verdict(False, "exonym", 0.0, f"exonyms of different places: {exonym_label(group_a)} / {exonym_label(group_b)}")
    m = match_names(core_a, core_b)
    stripped = [f"'{x}' read as '{c}'" for x, c in ((a, core_a), (b, core_b)) if x != c]
    note = f"; generic words dropped: {', '.join(stripped)}" if stripped else ""
    return Verdict(m.same, "place-name" if stripped else "name-match", m.score, m.why + note)


def _person_verdict(a: str, b: str) -> Verdict:
    """Full names through same_person (surname must match, first names must agree)."""
    if len(a.split()) > 1 or len(b.split()) > 1:
        m = same_person(a, b)
        return Verdict(m.same, "same-person", m.score, m.why)
    m = match_names(a, b)
    return Verdict(m.same, "name-match", m.score, m.why)


@lru_cache(maxsize=262144)
def compare(a: str, b: str, etype: str) -> Verdict:
    """Verdict on two entity names of the same type."""
    if identity_key(a) == identity_key(b):
        return Verdict(True, "same-name", 1.0, f"identical names '{a}'")
    if identity_key(a) != mention_key(a) or identity_key(b) != mention_key(b):
        if mention_key(a) == mention_key(b):
            return Verdict(False, "acronym", 0.0, f"'{a}' and '{b}' differ in case and one is a short acronym")
    if etype == "LOC":
        return _place_verdict(a, b)
    if etype == "PERSON":
        return _person_verdict(a, b)
    m = match_names(a, b)
    return Verdict(m.same, "name-match", m.score, m.why)


def surname_fits(surname: str, full: str) -> Verdict:
    """Whether a surname-only mention is the surname of a full name."""
    last = parse_person(full).surname
    if not last:
        return Verdict(False, "surname", 0.0, f"{full} has no surname")
    m = match_names(surname, last)
    return Verdict(m.same, "surname", m.score, f"'{surname}' is the surname of '{full}': {m.why}" if m.same else m.why)


def typo_of(word: str, host: str) -> Verdict | None:
    """A one-vowel insertion or deletion in a long surname key (Lukshenko / Lukashenko), else None."""
    a, b = surname_key(word), surname_key(host)
    if min(len(a), len(b)) < TYPO_MIN_KEY or abs(len(a) - len(b)) != 1 or is_first_name(word):
        return None
    ops = Levenshtein.editops(a, b)
    if len(ops) != 1 or ops[0].tag == "replace":
        return None
    op = ops[0]
    letter = a[op.src_pos] if op.tag == "delete" else b[op.dest_pos]
    if letter not in VOWELS:
        return None
    return Verdict(True, "typo", Levenshtein.normalized_similarity(a, b),
                   f"'{word}' is '{parse_person(host).surname or host}' with vowel '{letter}' "
                   f"{'added' if op.tag == 'delete' else 'dropped'} ({a} / {b}), "
                   "in an article where the full spelling dominates")
