"""Listed names of one thing: place exonyms (Warsaw ~ Warszawa ~ Варшава, US ~ United States), one
place per line of ``rashomon/lang/places/exonyms.tsv``, which grouping inside an article and
clustering across articles both read; and organisation aliases (GOP ~ Republican Party, Госдума
~ Государственная дума), one per line of ``rashomon/lang/orgs/aliases.tsv``, read by grouping
inside an article. Each file is read on first use."""

from __future__ import annotations

from functools import lru_cache

from ..lang import read_rows
from .keys import identity_key


@lru_cache(maxsize=None)
def _index(folder: str, filename: str) -> dict[str, int]:
    """Map each listed name's key to its line number; names listed twice map to -1 (ambiguous)."""
    index: dict[str, int] = {}
    for number, fields in enumerate(read_rows(folder, filename)):
        for name in fields:
            key = identity_key(name)
            if key:
                index[key] = number if index.get(key, number) == number else -1
    return index


def _group(folder: str, filename: str, name: str) -> int | None:
    group = _index(folder, filename).get(identity_key(name))
    return None if group is None or group < 0 else group


@lru_cache(maxsize=1)
def _exonym_names() -> tuple[tuple[str, ...], ...]:
    """Every exonym line as a tuple of names, in file order."""
    return tuple(tuple(fields) for fields in read_rows("places", "exonyms.tsv"))


def exonym_group(name: str) -> int | None:
    """Line number of the place a name is listed under, or None if unlisted or ambiguous."""
    return _group("places", "exonyms.tsv", name)


def org_group(name: str) -> int | None:
    """Line number of the organisation a name is listed under (lang/orgs/aliases.tsv), or None."""
    return _group("orgs", "aliases.tsv", name)


def exonym_label(group: int) -> str:
    """The English name heading an exonym line, for explanations."""
    return _exonym_names()[group][0]
