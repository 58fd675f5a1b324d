"""Place names: exonym groups (Warsaw ~ Warszawa ~ Варшава) and generic words (region, область).

Both tables are data files under ``rashomon/lang/places/``, read on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rashomon.lang import read_rows
from rashomon.resolve.keys import identity_key

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")


@lru_cache(maxsize=1)
def _exonym_index() -> dict[str, int]:
    """Map each listed name's key to its line number; names listed twice map to -1 (ambiguous)."""
    index: dict[str, int] = {}
    for number, fields in enumerate(read_rows("places", "exonyms.tsv")):
        for name in fields:
            key = identity_key(name)
            if key:
                index[key] = number if index.get(key, number) == number else -1
    return index


@lru_cache(maxsize=1)
def _exonym_names() -> tuple[tuple[str, ...], ...]:
    """Every exonym line as a tuple of names, in file order."""
    return tuple(tuple(fields) for fields in read_rows("places", "exonyms.tsv"))


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Casefolded generic place words of every language."""
    return frozenset(fields[0].casefold() for fields in read_rows("places", "generic_words.tsv"))


def exonym_group(name: str) -> int | None:
    """Line number of the place a name is listed under, or None if unlisted or ambiguous."""
    group = _exonym_index().get(identity_key(name))
    return None if group is None or group < 0 else group


def exonym_label(group: int) -> str:
    """The English name heading an exonym line, for explanations."""
    return _exonym_names()[group][0]


def strip_generic(name: str) -> str:
    """Drop generic place words ('Homiel region' -> 'Homiel'); keep the name if nothing is left."""
    words = name.split()
    kept = [w for w in words if w.casefold().rstrip(".") not in _generic_words()]
    return " ".join(kept) if kept and len(kept) < len(words) else name


def place_forms(name: str) -> tuple[str, int | None]:
    """The proper part of a place name and its exonym group (looked up before and after stripping)."""
    core = strip_generic(name)
    group = exonym_group(name)
    return core, group if group is not None else exonym_group(core)
