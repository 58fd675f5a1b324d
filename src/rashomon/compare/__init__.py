"""Where accounts diverge: stories across articles and languages, claims aligned within them,
and conflicts (actor, quantity, date, stance), agreements and what only one side reports —
across articles and across sources inside one article. Every position points at a span."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..model import Article
from .detect import Finding, detect
from .embed import Embedder
from .stories import Story, group_stories
from .units import ClaimUnit, build_units

__all__ = ["compare_articles"]


def _clusters(articles: list[Article], aliases: Any = None):  # noqa: ANN202 - list[EntityCluster]
    from ..resolve import cluster_entities

    return cluster_entities(articles, aliases=aliases)


def _position(unit: ClaimUnit, span: tuple[int, int] | None, texts: dict[str, str]) -> dict[str, Any]:
    """{article, source_name, text, start, end} for a claim, or the sub-span that matters in it."""
    s, e = span if span else (unit.claim.start, unit.claim.end)
    return {
        "article": unit.article,
        "source_name": unit.source,
        "text": texts[unit.article][s:e],
        "start": s,
        "end": e,
        "claim": unit.claim.id,
        "claim_text": unit.claim.text,
        "stance": unit.claim.stance,
    }


def _finding(kind_prefix: str, n: int, f: Finding, units: list[ClaimUnit], texts: dict[str, str],
             story: Story) -> dict[str, Any]:
    return {
        "id": f"{kind_prefix}{n}",
        "kind": f.kind,
        "topic": f.topic,
        "story": story.id,
        "why": f.why,
        "score": round(f.score, 3),
        "positions": [_position(units[k], f.spans.get(k), texts) for k in f.units],
    }


def compare_articles(articles: list[Article], *, aliases: Any = None) -> dict[str, Any]:
    """The `compare` document: {articles, entities, stories, conflicts, agreements, unique}."""
    from .. import __version__

    clusters = _clusters(articles, aliases)
    cluster_of = {member: c.id for c in clusters for member in c.members}
    names = {c.id: c.name for c in clusters}
    kinds = {c.id: c.type for c in clusters}
    clusters_of: dict[str, set[str]] = defaultdict(set)
    for (art_id, _ent), cid in cluster_of.items():
        if kinds[cid] in ("PERSON", "ORG", "LOC"):
            clusters_of[art_id].add(cid)
    embed = Embedder()
    stories = group_stories(articles, clusters_of, names, embed)
    by_id = {a.id: a for a in articles}
    texts = {a.id: a.text for a in articles}
    conflicts: list[dict[str, Any]] = []
    agreements: list[dict[str, Any]] = []
    unique: list[dict[str, Any]] = []
    for story in stories:
        units = build_units([by_id[i] for i in story.articles], cluster_of)
        if not units:
            continue
        vecs = embed([u.claim.text for u in units])
        found, alike, alone = detect(units, vecs)
        for f in found:
            conflicts.append(_finding("x", len(conflicts) + 1, f, units, texts, story))
        for f in alike:
            agreements.append(_finding("a", len(agreements) + 1, f, units, texts, story))
        for k in alone:
            unique.append({"id": f"u{len(unique) + 1}", "story": story.id, **_position(units[k], None, texts)})
    return {
        "rashomon": __version__,
        "articles": [{"id": a.id, "title": a.title, "source": a.source, "outlet": a.outlet,
                      "published": a.published, "language": a.language} for a in articles],
        "entities": [{"id": c.id, "name": c.name, "type": c.type, "aliases": c.aliases, "articles": c.articles}
                     for c in clusters],
        "stories": [{"id": s.id, "articles": s.articles, "topic": s.topic} for s in stories],
        "conflicts": conflicts,
        "agreements": agreements,
        "unique": unique,
    }
