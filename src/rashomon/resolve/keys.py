"""Identity keys: when two entity names count as the very same name (kept in `entities.keys`,
which grouping inside an article uses too)."""

from __future__ import annotations

from rashomon.entities.keys import ACRONYM_MAX, identity_key

__all__ = ["ACRONYM_MAX", "identity_key"]
