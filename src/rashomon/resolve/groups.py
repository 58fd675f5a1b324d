"""Union-find over article entities that keeps merge explanations and refuses unsafe joins.

A join is refused when the two groups hold different entity types, when an alias rule keeps
their names apart, or (complete linkage) when any two of their names compare as different
entities: chains such as A~B, B~C never smuggle in A≁C.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rashomon.resolve.keys import identity_key
from rashomon.resolve.model import Merge

MAX_LINKAGE_NAMES = 24  # names per side checked for complete linkage; bounds the cost per join

Compare = Callable[[str, str, str], bool]


@dataclass
class _Group:
    members: list[int]
    types: set[str]
    names: dict[str, str]  # identity_key -> name, the names complete linkage checks
    tags: dict[int, set[int]] = field(default_factory=dict)  # different-rule -> name positions
    merges: list[Merge] = field(default_factory=list)


class Groups:
    """Disjoint sets of node indexes with per-group names, types, alias tags and merges."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.groups: dict[int, _Group] = {}

    def add(self, etype: str, linkage_name: str | None, tags: dict[int, set[int]]) -> int:
        """Add a singleton; `linkage_name` is None for names that must not constrain (surnames)."""
        index = len(self.parent)
        self.parent.append(index)
        names = {identity_key(linkage_name): linkage_name} if linkage_name else {}
        self.groups[index] = _Group([index], {etype}, names, {k: set(v) for k, v in tags.items()})
        return index

    def find(self, i: int) -> int:
        """Root of i's group (with path halving)."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def group(self, i: int) -> _Group:
        """The group record holding node i."""
        return self.groups[self.find(i)]

    def conflict(self, i: int, j: int, same: Compare | None) -> str | None:
        """Why the groups of i and j may not join, or None if they may."""
        ga, gb = self.group(i), self.group(j)
        if not ga.types & gb.types:
            return f"types differ: {'/'.join(sorted(ga.types))} vs {'/'.join(sorted(gb.types))}"
        for rule, positions in ga.tags.items():
            other = gb.tags.get(rule)
            if other and other != positions:
                return f"alias rule {rule + 1} keeps these names apart"
        if same is not None:
            etype = sorted(ga.types & gb.types)[0]
            for x in list(ga.names.values())[:MAX_LINKAGE_NAMES]:
                for y in list(gb.names.values())[:MAX_LINKAGE_NAMES]:
                    if not same(x, y, etype):
                        return f"'{x}' and '{y}' are different entities"
        return None

    def join(self, i: int, j: int, merge: Merge) -> int:
        """Merge the groups of i and j, recording why; returns the new root."""
        ra, rb = self.find(i), self.find(j)
        if ra == rb:
            return ra
        ga, gb = self.groups[ra], self.groups[rb]
        if len(ga.members) < len(gb.members):
            ra, rb, ga, gb = rb, ra, gb, ga
        self.parent[rb] = ra
        ga.members.extend(gb.members)
        ga.types |= gb.types
        for key, name in gb.names.items():
            ga.names.setdefault(key, name)
        for rule, positions in gb.tags.items():
            ga.tags.setdefault(rule, set()).update(positions)
        ga.merges.extend(gb.merges)
        ga.merges.append(merge)
        del self.groups[rb]
        return ra

    def roots(self) -> list[int]:
        """Every group's root, in order of first member."""
        return sorted(self.groups, key=lambda r: min(self.groups[r].members))
