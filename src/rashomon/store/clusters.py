"""Corpus entity clusters: rebuilt from every stored article after each ingest batch."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Article
from . import schema
from .migrations import set_meta, write_transaction

if TYPE_CHECKING:
    from .repository import Store


@dataclass
class StoredCluster:
    """What the store keeps of a cluster (duck-types rashomon.resolve.EntityCluster)."""

    id: str
    name: str
    type: str
    aliases: list[str]
    articles: list[str]
    members: list[tuple[str, str]]
    merges: list[Any] = field(default_factory=list)
    mentions: int = 0


def compute_clusters(articles: list[Article]) -> list[Any]:
    """Cross-article clusters from rashomon.resolve, or a same-name fallback when it is absent."""
    try:
        from ..resolve import cluster_entities
    except ImportError:
        return _same_name_clusters(articles)
    return cluster_entities(articles)


def _same_name_clusters(articles: list[Article]) -> list[StoredCluster]:
    """Fallback without rashomon.resolve: entities join only on identical (casefolded) name and type."""
    groups: dict[tuple[str, str], StoredCluster] = {}
    for art in articles:
        for ent in art.entities:
            key = (ent.name.casefold(), ent.type)
            cl = groups.setdefault(key, StoredCluster("", ent.name, ent.type, [], [], []))
            cl.members.append((art.id, ent.id))
            cl.aliases = sorted(set(cl.aliases) | set(ent.aliases) | {ent.name}, key=str.casefold)
            if art.id not in cl.articles:
                cl.articles.append(art.id)
            cl.mentions += len(ent.mentions)
    out = sorted(groups.values(), key=lambda c: (-len(c.articles), -c.mentions, c.name.casefold()))
    for i, cl in enumerate(out, start=1):
        cl.id = f"E{i}"
    return out


def _merge_dict(merge: Any) -> dict[str, Any]:
    return {k: getattr(merge, k, None) for k in ("a", "b", "rule", "score", "why")}


def refresh_clusters(store: Store) -> int:
    """Recompute and replace every cluster in one transaction; returns how many there are."""
    articles = store.load_articles(full=False)  # entities and mentions are all clusters read
    clusters = compute_clusters(articles)
    cl_rows = [{"id": c.id, "name": c.name, "type": c.type, "aliases": list(c.aliases),
                "articles": list(c.articles), "n_articles": len(c.articles),
                "n_mentions": int(getattr(c, "mentions", 0) or 0),
                "merges": [_merge_dict(m) for m in getattr(c, "merges", [])]} for c in clusters]
    member_rows = [{"cluster_id": c.id, "article_id": a, "entity_id": e} for c in clusters for a, e in c.members]
    with write_transaction(store.engine) as conn:
        conn.execute(schema.cluster_members.delete())
        conn.execute(schema.clusters.delete())
        if cl_rows:
            conn.execute(schema.clusters.insert(), cl_rows)
        if member_rows:
            conn.execute(schema.cluster_members.insert(), member_rows)
        set_meta(conn, "clusters_fresh", "1")
        set_meta(conn, "clusters_articles", str(len(articles)))
    return len(cl_rows)


def clusters_stale(store: Store) -> bool:
    """True when articles were added or removed since the clusters were computed."""
    return store.meta("clusters_fresh") != "1" or store.meta("clusters_articles") != str(store.count())
