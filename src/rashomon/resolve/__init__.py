"""Cross-article entity resolution: clusters of article entities across spellings and scripts.

Public API: :func:`cluster_entities` -> list of :class:`EntityCluster` (each with the
:class:`Merge` records explaining it); :func:`load_aliases` -> :class:`AliasRules` from a
user alias file (TSV or YAML) that forces or forbids merges.
"""

from rashomon.resolve.aliases import AliasRule, AliasRules, load_aliases
from rashomon.resolve.cluster import cluster_entities
from rashomon.resolve.model import EntityCluster, Merge

__all__ = ["AliasRule", "AliasRules", "EntityCluster", "Merge", "cluster_entities", "load_aliases"]
