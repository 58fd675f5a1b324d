"""Place names: exonym groups (Warsaw ~ Warszawa ~ Варшава) and generic words (region, область).

Both tables are data files under ``rashomon/lang/places/``, read on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rashomon.entities.exonyms import exonym_group, exonym_label
from rashomon.lang import read_rows

__all__ = ["exonym_group", "exonym_label", "place_forms", "strip_generic"]

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Casefolded generic place words of every language."""
    return frozenset(fields[0].casefold() for fields in read_rows("places", "generic_words.tsv"))


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
