"""Where accounts diverge: stories across articles and languages, claims aligned within them,
and conflicts between sources (quantity, date, actor, place, origin, polarity, modality),
agreements, updates an article makes to its own figures, and what only one side
reports. Every position points at a span; every conflict carries a calibrated confidence."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..model import Article
from .detect import Candidate, detect
from .embed import Embedder
from .result import ArticleRef, ClusterRef, Comparison, Finding, Position, StoryRef, Unique
from .stories import Story, group_stories
from .units import ClaimUnit, build_units

__all__ = ["Comparison", "compare_articles"]


def _clusters(articles: list[Article], aliases: Any = None):  # noqa: ANN202 - list[EntityCluster]
    from ..resolve import cluster_entities

    return cluster_entities(articles, aliases=aliases)


def _position(unit: ClaimUnit, span: tuple[int, int] | None, texts: dict[str, str]) -> Position:
    """A claim's position, or the sub-span that matters in it."""
    s, e = span if span else (unit.claim.start, unit.claim.end)
    return Position(unit.article, unit.source, unit.source_entity, texts[unit.article][s:e], s, e,
                    unit.claim.id or None, unit.claim.text, unit.claim.stance)


def _finding(prefix: str, n: int, c: Candidate, units: list[ClaimUnit], texts: dict[str, str],
             story: Story) -> Finding:
    return Finding(f"{prefix}{n}", c.kind, c.topic, c.why, round(c.confidence, 3), story.id,
                   [_position(units[k], c.spans.get(k), texts) for k in c.units], c.frame, c.slot,
                   dict(c.features))


def compare_articles(articles: list[Article], *, aliases: Any = None, min_confidence: float | None = None,
                     options: Any = None) -> Comparison:
    """Compare articles: stories, then conflicts ranked by confidence, agreements, updates, unique claims.

    Conflicts below `min_confidence` (default: `options.compare.min_confidence`, packaged 0.5)
    are counted in `hidden` but not listed.
    """
    from .. import __version__

    if min_confidence is None:
        if options is None:
            from ..settings import load_options

            options = load_options()
        min_confidence = options.compare.min_confidence
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
    found: list[tuple[Candidate, list[ClaimUnit], Story]] = []
    alike: list[tuple[Candidate, list[ClaimUnit], Story]] = []
    revised: list[tuple[Candidate, list[ClaimUnit], Story]] = []
    unique: list[Unique] = []
    for story in stories:
        members = [by_id[i] for i in story.articles]
        units = build_units(members, cluster_of, kinds)
        if not units:
            continue
        vecs = embed([u.claim.text for u in units])
        result = detect(units, vecs, members, cluster_of)
        found += [(c, units, story) for c in result.conflicts]
        alike += [(c, units, story) for c in result.agreements]
        revised += [(c, units, story) for c in result.updates]
        for k in result.unique:
            unique.append(Unique(f"u{len(unique) + 1}", story.id, _position(units[k], None, texts)))
    found.sort(key=lambda t: -t[0].confidence)  # stable: equal confidence keeps story order
    shown = [t for t in found if t[0].confidence >= min_confidence]
    return Comparison(
        version=__version__,
        articles=[ArticleRef(a.id, a.title, a.source, a.outlet, a.published, a.language) for a in articles],
        entities=[ClusterRef(c.id, c.name, c.type, list(c.aliases), list(c.articles)) for c in clusters],
        stories=[StoryRef(s.id, list(s.articles), s.topic) for s in stories],
        conflicts=[_finding("x", n, c, u, texts, s) for n, (c, u, s) in enumerate(shown, 1)],
        agreements=[_finding("a", n, c, u, texts, s) for n, (c, u, s) in enumerate(alike, 1)],
        updates=[_finding("r", n, c, u, texts, s) for n, (c, u, s) in enumerate(revised, 1)],
        unique=unique,
        min_confidence=min_confidence,
        hidden=len(found) - len(shown),
    )
