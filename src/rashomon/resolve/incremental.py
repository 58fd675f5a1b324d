"""Incremental resolution: place new articles' entities among already-built clusters.

A stored cluster is found through the same block keys the full run compares on
(:func:`lookup_keys`), and only the clusters found that way take part. Each one enters as a
group of proxy nodes (its names), joined before the phases run, so the merge decisions are the
full run's own (:func:`rashomon.resolve.cluster_entities` phases over a small candidate set).
What the full run could see and this cannot: co-occurrence context of stored articles
(``surname+context``), and merges that only a later article would have reordered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rashomon.model import Article, Entity
from rashomon.names import name_key
from rashomon.resolve.blocking import PREFIX, block_keys
from rashomon.resolve.cluster import _clusters, _Resolver
from rashomon.resolve.keys import identity_key
from rashomon.resolve.model import EntityCluster, Merge
from rashomon.resolve.places import place_forms
from rashomon.resolve.rules import compare, person_kind, surname_key

STORED = "stored"  # rule of the proxy joins that rebuild a stored cluster; never reported
_PROXY = "\x00stored:"  # article id prefix of a stored cluster's proxy article


@lru_cache(maxsize=65536)
def lookup_keys(name: str, etype: str) -> tuple[str, ...]:
    """Keys under which a name meets the names it can be compared with: its block keys cut to
    the block prefix (as blocking groups them), plus a place's exonym group."""
    if etype == "PERSON":
        keys = block_keys(surname_key(name))
    elif etype == "LOC":
        core, group = place_forms(name)
        keys = block_keys(name_key(core)) + ([f"x:{group}"] if group is not None else [])
    else:
        keys = block_keys(name_key(name))
    return tuple(sorted({k if k.startswith("x:") else k[: 2 + PREFIX] for k in keys}))


def joinable(name: str, etype: str) -> bool:
    """False for names no phase ever joins to another (a person's first name alone)."""
    return etype != "PERSON" or person_kind(name) != "first"


class NewNames:
    """The new entities' joinable names, indexed by lookup key."""

    def __init__(self, names: list[tuple[str, str]]) -> None:
        self.by_key: dict[tuple[str, str], list[str]] = {}
        for name, etype in names:
            if joinable(name, etype):
                for key in lookup_keys(name, etype):
                    self.by_key.setdefault((etype, key), []).append(name)

    def keys(self) -> list[tuple[str, str]]:
        """Every (type, key) a new name has."""
        return sorted(self.by_key)

    def related(self, stored: list[tuple[str, str]]) -> bool:
        """Whether a new name sharing a block with a stored (name, type) compares as the same
        entity: a stored cluster with no such name can join no new entity, so it stays out."""
        # Identical names (compare's first rule) first: a cluster that shares a name with a new
        # entity is found without comparing its other names, which may call the spelling model.
        for name, etype in stored:
            ident = identity_key(name)
            for key in lookup_keys(name, etype):
                if any(identity_key(new) == ident for new in self.by_key.get((etype, key), ())):
                    return True
        for name, etype in stored:
            for key in lookup_keys(name, etype):
                if any(compare(new, name, etype).same for new in self.by_key.get((etype, key), ())):
                    return True
        return False


@dataclass
class Placement:
    """Where one group of new entities goes: `stored` ids it joins (empty: a new cluster)."""

    cluster: EntityCluster  # new members only; name, aliases, mentions and merges from them
    stored: list[str] = field(default_factory=list)


def place_entities(articles: list[Article], known: dict[str, list[tuple[str, str]]]) -> list[Placement]:
    """Cluster the entities of `articles` together with the stored clusters in `known`
    (cluster id -> its (name, type) pairs); one Placement per group holding a new entity."""
    proxies = [Article(id=f"{_PROXY}{cid}", text="",
                       entities=[Entity(f"n{i}", name, etype, [], []) for i, (name, etype) in enumerate(names)])
               for cid, names in known.items() if names]
    everything = proxies + articles  # stored first, as in a full run over the ingest order
    resolver = _Resolver(everything, None)
    first: dict[str, int] = {}
    for node in resolver.nodes:
        if node.article.startswith(_PROXY):
            head = first.setdefault(node.article, node.index)
            if head != node.index:
                resolver.groups.join(head, node.index, Merge(resolver.nodes[head].name, node.name, STORED, 1.0, ""))
    resolver.run()
    out = []
    for cluster in _clusters(resolver, everything, None):
        stored = list(dict.fromkeys(a[len(_PROXY):] for a, _ in cluster.members if a.startswith(_PROXY)))
        members = [(a, e) for a, e in cluster.members if not a.startswith(_PROXY)]
        if not members:
            continue
        cluster.members = members
        cluster.articles = [a for a in cluster.articles if not a.startswith(_PROXY)]
        cluster.merges = [m for m in cluster.merges if m.rule != STORED]
        out.append(Placement(cluster, stored))
    return out
