"""Name keys: when two written names count as the very same name."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
ACRONYM_MAX = 3  # short all-caps names keep their case: US (a country) is not "Us" (a pronoun)


def mention_key(name: str) -> str:
    """Case-, space- and ё-insensitive key of a name."""
    return _SPACE.sub(" ", name.replace("ё", "е").replace("Ё", "Е")).strip().casefold()


def identity_key(name: str) -> str:
    """Key under which two names are identical: case-, space- and ё-insensitive, except short acronyms."""
    key = mention_key(name)
    return name.strip() if len(key) <= ACRONYM_MAX and name.strip().isupper() else key
