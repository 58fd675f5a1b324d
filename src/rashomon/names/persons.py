"""Person names: split into parts and decide whether two mentions are the same person.

First-name variants across languages come from ``rashomon/lang/en/first_names.tsv``;
patronymic endings from ``rashomon/lang/ru/names_patronymic_suffixes.tsv``. Surnames are
compared with :func:`rashomon.names.match.match_names`; a shared first name never merges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rashomon.lang import read_rows
from rashomon.names.keys import name_key, romanise
from rashomon.names.match import Match, match_names

# A word, or a run of dotted initials such as "A." / "A.G." / "Ю.".
_TOKEN = re.compile(r"(?:[^\W\d_]\.)+(?:[^\W\d_](?![^\W\d_]))?|[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
_INITIAL = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class PersonName:
    """A person name split into parts; missing parts are empty."""

    raw: str
    first: str = ""
    patronymic: str = ""
    surname: str = ""
    initials: tuple[str, ...] = ()  # initials given instead of first name / patronymic

    @property
    def first_initial(self) -> str:
        """Romanised initial of the first name, from the full name or the first initial."""
        source = self.first or (self.initials[0] if self.initials else "")
        return romanise(source)[:1]


@lru_cache(maxsize=1)
def _group_members() -> dict[str, tuple[str, ...]]:
    """Map each group's canonical name to all its variants (diminutives keep their ~)."""
    groups = (fields[0].split() for fields in read_rows("en", "first_names.tsv"))
    return {variants[0]: tuple(variants) for variants in groups}


def _plain(variant: str) -> str:
    """A variant without its diminutive marker."""
    return variant.lstrip("~")


@lru_cache(maxsize=1)
def _first_name_groups() -> dict[str, frozenset[str]]:
    """Map the comparison key of each first-name variant to the groups containing it."""
    index: dict[str, set[str]] = {}
    for canonical, variants in _group_members().items():
        for variant in variants:
            index.setdefault(name_key(_plain(variant)), set()).add(canonical)
    return {k: frozenset(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def _patronymic_suffixes() -> tuple[str, ...]:
    """Key endings that mark a patronymic when the word sits where one is expected."""
    return tuple(f[0] for f in read_rows("ru", "names_patronymic_suffixes.tsv"))


def first_name_groups(name: str) -> frozenset[str]:
    """Canonical groups a first name belongs to (e.g. 'Alyaksandr' -> {'Alexander'})."""
    return _first_name_groups().get(name_key(name), frozenset())


def is_first_name(word: str) -> bool:
    """True if the word is a known first name in any listed spelling."""
    return bool(first_name_groups(word))


def looks_patronymic(word: str) -> bool:
    """True if the word ends like a patronymic (-ovich, -evna ...)."""
    return name_key(word).endswith(_patronymic_suffixes())


def _split_tokens(name: str) -> tuple[list[str], list[str]]:
    """Separate words from initials ('A.G. Lukashenko' -> ['Lukashenko'], ['A', 'G'])."""
    words, initials = [], []
    for token in _TOKEN.findall(name):
        letters = _INITIAL.findall(token)
        if "." in token or len(letters) == 1:
            initials.extend(letters)
        else:
            words.append(token)
    return words, initials


def _order_three(raw: str, w: list[str], initials: tuple[str, ...]) -> PersonName:
    """Three words: 'First Patronymic Surname', 'Surname First Patronymic' or 'First Middle Surname'."""
    if looks_patronymic(w[2]) and is_first_name(w[1]) and not looks_patronymic(w[1]):
        return PersonName(raw, w[1], w[2], w[0], initials)
    return PersonName(raw, w[0], w[1], w[2], initials)


@lru_cache(maxsize=65536)  # PersonName is frozen; entity grouping asks about each name many times
def parse_person(name: str) -> PersonName:
    """Split a full name into first name, patronymic (or middle name), surname and initials."""
    words, initials_list = _split_tokens(name)
    initials = tuple(initials_list)
    if not words:
        return PersonName(name, initials=initials)
    if len(words) == 1:
        # A lone known first name is a first name only when nothing else is given.
        if is_first_name(words[0]) and not initials:
            return PersonName(name, first=words[0])
        return PersonName(name, surname=words[0], initials=initials)
    if len(words) == 2:
        # Russian documents put the surname first: 'Лукашенко Александр'.
        if is_first_name(words[1]) and not is_first_name(words[0]):
            return PersonName(name, words[1], "", words[0], initials)
        return PersonName(name, words[0], "", words[1], initials)
    if len(words) == 3:
        return _order_three(name, words, initials)
    return PersonName(name, words[0], " ".join(words[1:-1]), words[-1], initials)


def _first_names_agree(a: PersonName, b: PersonName) -> tuple[bool, str]:
    """Whether the first names (or initials) of two mentions are compatible, and why."""
    if a.first and b.first:
        shared = first_name_groups(a.first) & first_name_groups(b.first)
        if shared:
            return True, f"first names {a.first} ~ {b.first} (group {sorted(shared)[0]})"
        m = match_names(a.first, b.first)
        return m.same, f"first names {a.first} {'~' if m.same else '≠'} {b.first} ({m.why})"
    if a.first_initial and b.first_initial:
        full = a if a.first else b if b.first else None
        letters = _initials_of(full.first) if full else {a.first_initial}
        other = b.first_initial if full is a else a.first_initial
        ok = other in letters
        return ok, f"first initial {other.upper()} {'fits' if ok else 'does not fit'} {sorted(letters)}"
    return True, "first name missing on one side"


def _initials_of(first: str) -> set[str]:
    """Romanised initials of every known variant of a first name (Олександр -> a, o)."""
    letters = {romanise(first)[:1]}
    for group in first_name_groups(first):
        letters.update(romanise(v)[:1] for v in _group_members()[group] if not v.startswith("~"))
    return letters


def _patronymics_agree(a: PersonName, b: PersonName) -> tuple[bool, str]:
    """Patronymics must match when both mentions give one in full."""
    if not (a.patronymic and b.patronymic):
        return True, ""
    m = match_names(a.patronymic, b.patronymic)
    return m.same, f"; patronymics {a.patronymic} {'~' if m.same else '≠'} {b.patronymic}"


def same_person(name_a: str, name_b: str) -> Match:
    """Decide whether two mentions name the same person; the surname must match."""
    a, b = parse_person(name_a), parse_person(name_b)
    if not a.surname or not b.surname:
        return Match(name_a, name_b, 0.0, False, "no surname on one side: a first name alone never merges")
    surname = match_names(a.surname, b.surname)
    if not surname.same:
        return Match(name_a, name_b, surname.score, False, f"surnames differ: {surname.why}")
    first_ok, first_why = _first_names_agree(a, b)
    patr_ok, patr_why = _patronymics_agree(a, b)
    same = first_ok and patr_ok
    score = surname.score if same else surname.score * 0.5
    why = f"surnames {a.surname} ~ {b.surname} ({surname.why}); {first_why}{patr_why}"
    return Match(name_a, name_b, score, same, why)
