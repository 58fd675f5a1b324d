"""Read-side questions the web app and API ask: overview, article lists, entities, facets."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from ..script import has_cyrillic
from . import schema
from .repository import Store
from .search import Filters, search

CONTEXT = 70  # characters of context either side of a mention


def script_of(name: str) -> str:
    """'Cyrillic' or 'Latin' (the scripts in play), for grouping name variants."""
    return "Cyrillic" if has_cyrillic(name) else "Latin"


def cluster_map(conn: Connection, article_ids: list[str] | None = None) -> dict[tuple[str, str], dict[str, str]]:
    """(article id, entity id) -> {id, name} of its corpus cluster."""
    cm, cl = schema.cluster_members, schema.clusters
    stmt = select(cm.c.article_id, cm.c.entity_id, cl.c.id, cl.c.name).join(cl, cl.c.id == cm.c.cluster_id)
    if article_ids is not None:
        stmt = stmt.where(cm.c.article_id.in_(article_ids))
    return {(r[0], r[1]): {"id": r[2], "name": r[3]} for r in conn.execute(stmt)}


def _grouped(conn: Connection, column, limit: int | None = None) -> list[tuple[str | None, int]]:  # noqa: ANN001
    stmt = select(column, func.count()).group_by(column).order_by(func.count().desc(), column)
    if limit:
        stmt = stmt.limit(limit)
    return [(r[0], int(r[1])) for r in conn.execute(stmt)]


def speaker_counts(conn: Connection, limit: int = 15) -> list[dict[str, Any]]:
    """Most-quoted speakers resolved to an entity, joined across articles through entity clusters.

    Unresolved speaker phrases ("who", "no one", "the author") are not someone to follow.
    """
    q = schema.quotes
    clusters = cluster_map(conn)
    counts: Counter[tuple[str | None, str]] = Counter()
    articles: dict[tuple[str | None, str], set[str]] = {}
    for aid, ent, name in conn.execute(select(q.c.article_id, q.c.speaker_entity, q.c.speaker_name)
                                       .where(q.c.speaker_name.is_not(None))
                                       .where(q.c.speaker_entity.is_not(None))):
        cl = clusters.get((aid, ent)) if ent else None
        key = (cl["id"], cl["name"]) if cl else (None, name)
        counts[key] += 1
        articles.setdefault(key, set()).add(aid)
    return [{"cluster": k[0], "name": k[1], "quotes": n, "articles": len(articles[k])}
            for k, n in counts.most_common(limit)]


def overview(store: Store) -> dict[str, Any]:
    """Corpus at a glance: articles by outlet, language and date; techniques; speakers; entities."""
    art, tech, cl = schema.articles, schema.techniques, schema.clusters
    with store.read() as conn:
        total = conn.execute(select(func.count()).select_from(art)).scalar_one()
        entities = [dict(r) for r in conn.execute(
            select(cl.c.id, cl.c.name, cl.c.type, cl.c.n_articles, cl.c.n_mentions)
            .order_by(cl.c.n_mentions.desc(), cl.c.n_articles.desc(), cl.c.id).limit(20)).mappings()]
        return {
            "articles": int(total),
            "outlets": _grouped(conn, art.c.outlet),
            "languages": _grouped(conn, art.c.language),
            "dates": sorted(_grouped(conn, art.c.published_date), key=lambda x: x[0] or "~"),
            "techniques": _grouped(conn, tech.c.label),
            "speakers": speaker_counts(conn),
            "entities": entities,
        }


def article_summaries(store: Store, filters: Filters | None = None, *, limit: int = 100,
                      offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Articles (newest first) with layer counts; (page, total)."""
    with store.read() as conn:
        hits, total = search(conn, "", filters, limit=limit, offset=offset)
        ids = [h.article_id for h in hits]
        counts: dict[str, dict[str, int]] = {i: {} for i in ids}
        for name in ("entities", "quotes", "claims", "techniques"):
            table = getattr(schema, name)
            for aid, n in conn.execute(select(table.c.article_id, func.count()).where(table.c.article_id.in_(ids))
                                       .group_by(table.c.article_id)):
                counts[aid][name] = int(n)
    rows = [{"id": h.article_id, "title": h.title, "outlet": h.outlet, "language": h.language,
             "published": h.published, **{k: counts[h.article_id].get(k, 0)
                                          for k in ("entities", "quotes", "claims", "techniques")}} for h in hits]
    return rows, total


def facets(store: Store) -> dict[str, list[str]]:
    """Values for the search filters: outlets, languages, technique labels, speakers."""
    art, tech, q = schema.articles, schema.techniques, schema.quotes
    with store.read() as conn:
        return {
            "outlets": [o for o, _ in _grouped(conn, art.c.outlet) if o],
            "languages": [x for x, _ in _grouped(conn, art.c.language) if x],
            "techniques": sorted(t for t, _ in _grouped(conn, tech.c.label) if t),
            "speakers": sorted({s for s, _ in _grouped(conn, q.c.speaker_name, 300) if s}, key=str.casefold),
        }


def entity_list(store: Store, *, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """Corpus entity clusters, most mentioned first."""
    cl = schema.clusters
    with store.read() as conn:
        return [dict(r) for r in conn.execute(
            select(cl.c.id, cl.c.name, cl.c.type, cl.c.aliases, cl.c.n_articles, cl.c.n_mentions)
            .order_by(cl.c.n_mentions.desc(), cl.c.id).limit(limit).offset(offset)).mappings()]
