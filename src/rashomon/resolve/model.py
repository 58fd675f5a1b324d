"""Records of cross-article entity resolution: clusters and the merges that built them."""

from __future__ import annotations

from dataclasses import dataclass, field

from rashomon.model import Entity


@dataclass(frozen=True, slots=True)
class Merge:
    """One decision that joined two groups: the names compared, the rule, its score and why."""

    a: str
    b: str
    rule: str
    score: float
    why: str


@dataclass(slots=True)
class EntityCluster:
    """One real-world referent across articles, with every alias and the merges that built it."""

    id: str
    name: str
    type: str
    aliases: list[str]
    articles: list[str]
    members: list[tuple[str, str]]  # (article id, entity id)
    merges: list[Merge] = field(default_factory=list)
    mentions: int = 0  # mention count over all member entities


@dataclass(slots=True)
class Node:
    """An article entity as the resolver sees it."""

    index: int
    article: str
    entity: Entity
    forms: frozenset[str]  # casefolded name, aliases, mention texts and normal forms
    kind: str  # "full", "surname", "first" (person parts) or "name" (any other type)

    @property
    def name(self) -> str:
        """The entity's display name within its article."""
        return self.entity.name

    @property
    def type(self) -> str:
        """The entity type (PERSON, ORG, LOC, OTHER)."""
        return self.entity.type

    @property
    def weight(self) -> int:
        """How many mentions the entity has in its article."""
        return len(self.entity.mentions)
