"""Blocks for grouping an article's names: `variant_same` can only say yes inside one.

`variant_same(a, b)` is true only if (1) the mention keys are equal, or (2) the strings it
hands to `match_names` (a one-word name itself, or the parsed surname) have equal comparison
keys, or keys of six letters or more that differ by a few vowel alternations alone (see
`_spelling_blocks`), or (3) one is Latin and the other Cyrillic (the learned spelling model).
Blocks (1) and (2) are exact; for (3) every Latin name meets every Cyrillic one while that
is at most `CROSS_SCRIPT_PAIRS` comparisons, and beyond that (thousands of names in both
scripts: hostile input, never seen in news) only names sharing a key or skeleton prefix.
So grouping is all-pairs-exact on ordinary articles and near-linear on any article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable
from functools import lru_cache

CROSS_SCRIPT_PAIRS = 20_000
_VOWEL_MASK = str.maketrans({v: "*" for v in "aoei"})  # the letters match.VOWEL_ALTERNATIONS swap
_NOT_CONSONANT = re.compile(r"[aeiouyj\s'-]+")


def compared_strings(name: str) -> list[str]:
    """What variant_same passes on to match_names for this name: the word, and the surname."""
    from ..names import parse_person

    out = [name.strip()] if len(name.split()) == 1 else []
    surname = parse_person(name).surname
    if surname:
        out.append(surname.strip())
    return out


def _script_keys(names: Iterable[str]) -> tuple[int, int]:
    """How many names offer a Latin and how many a Cyrillic string to match_names."""
    from ..names.keys import name_key
    from ..names.translit import has_cyrillic

    latin = cyrillic = 0
    for name in names:
        scripts = {has_cyrillic(s) for s in compared_strings(name) if name_key(s)}
        latin += False in scripts
        cyrillic += True in scripts
    return latin, cyrillic


def _spelling_blocks(key: str) -> list[str]:
    """Blocks shared by every key that match_names could call equal or a vowel variant of `key`.

    Short keys must be equal. Longer ones may differ by at most len // LETTERS_PER_VOWEL_EDIT
    vowel swaps at the same positions: cut the key into one more piece than that and some
    piece is untouched, so two variants share (vowel-masked key, piece number, piece).
    """
    from ..names.match import LETTERS_PER_VOWEL_EDIT, MIN_FUZZY_LEN

    if len(key) < MIN_FUZZY_LEN:
        return ["k:" + key]
    mask = key.translate(_VOWEL_MASK)
    parts = len(key) // LETTERS_PER_VOWEL_EDIT + 1
    bounds = [j * len(key) // parts for j in range(parts + 1)]
    return [f"v:{mask}:{j}:{key[bounds[j] : bounds[j + 1]]}" for j in range(parts)]


def _spelling(text: str, query: bool, cross_all: bool) -> set[str]:
    """Blocks of one string match_names may be asked about: its spelling, and its script."""
    from ..names.keys import name_key
    from ..names.translit import has_cyrillic

    key = name_key(text)
    if not key:
        return set()
    keys = set(_spelling_blocks(key))
    script = "cyr" if has_cyrillic(text) != query else "lat"  # a query wants the other script
    if cross_all:
        keys.add(f"x:{script}")
    else:
        skeleton = _NOT_CONSONANT.sub("", key)
        keys.update((f"x:{script}:{key[:2]}", f"y:{script}:{skeleton[:2]}"))
    return keys


@lru_cache(maxsize=65536)  # articles repeat their names, and grouping indexes them more than once
def _block_keys(name: str, query: bool, cross_all: bool) -> frozenset[str]:
    """Block keys of a name; a query looks up cross-script blocks of the other script.

    Two full names merge only if their first names agree too (same_person), so a full
    name sits in surname+first-name blocks ("|F:"), a name with no first name in "|-",
    and every name in "|*" for queries that carry no first name. Thousands of
    "X Group" / "Y Group" then never meet each other.
    """
    from ..names import parse_person
    from ..names.persons import first_name_groups
    from .grouping import mention_key

    keys = {"m:" + mention_key(name)}
    first = parse_person(name).first if len(name.split()) > 1 else ""
    firsts: set[str] = set()
    if first:
        firsts = {"g:" + g for g in first_name_groups(first)} | _spelling(first, query, cross_all)
    for s in compared_strings(name):
        for block in _spelling(s, query, cross_all):
            if query:
                if first:
                    keys.add(f"{block}|-")
                    keys.update(f"{block}|F:{f}" for f in firsts)
                else:
                    keys.add(f"{block}|*")
            else:
                keys.add(f"{block}|*")
                if first:
                    keys.update(f"{block}|F:{f}" for f in firsts)
                else:
                    keys.add(f"{block}|-")
    return frozenset(keys)


class NameIndex:
    """Items registered under a name; `candidates(name)` is a superset of the items whose
    name `variant_same` could call the same as `name`."""

    def __init__(self, names: Iterable[str]) -> None:
        latin, cyrillic = _script_keys(names)
        self.cross_all = latin * cyrillic <= CROSS_SCRIPT_PAIRS
        self._blocks: dict[str, list[Hashable]] = defaultdict(list)

    def _keys(self, name: str, query: bool) -> frozenset[str]:
        """Block keys of a name in this index (`_block_keys`)."""
        return _block_keys(name, query, self.cross_all)

    def add(self, name: str, item: Hashable) -> None:
        """Register an item under a name."""
        for key in self._keys(name, query=False):
            self._blocks[key].append(item)

    def candidates(self, name: str) -> set[Hashable]:
        """Items sharing a block with `name`."""
        out: set[Hashable] = set()
        for key in self._keys(name, query=True):
            out.update(self._blocks.get(key, ()))
        return out
