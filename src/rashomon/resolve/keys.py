"""Identity keys: when two entity names count as the very same name."""

from __future__ import annotations

from rashomon.entities.grouping import mention_key

ACRONYM_MAX = 3  # short all-caps names keep their case: US (a country) is not "Us" (a pronoun)


def identity_key(name: str) -> str:
    """Key under which two names are identical: case-, space- and ё-insensitive, except short acronyms."""
    key = mention_key(name)
    return name.strip() if len(key) <= ACRONYM_MAX and name.strip().isupper() else key
