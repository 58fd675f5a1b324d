"""Place exonyms (Warsaw ~ Warszawa ~ Варшава, US ~ United States): one place per line of
``rashomon/lang/places/exonyms.tsv``, read on first use. Grouping inside an article and
clustering across articles both read it."""

from __future__ import annotations

from functools import lru_cache

from ..lang import read_rows
from .keys import identity_key


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


def exonym_group(name: str) -> int | None:
    """Line number of the place a name is listed under, or None if unlisted or ambiguous."""
    group = _exonym_index().get(identity_key(name))
    return None if group is None or group < 0 else group


def exonym_label(group: int) -> str:
    """The English name heading an exonym line, for explanations."""
    return _exonym_names()[group][0]
