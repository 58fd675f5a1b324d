"""Where accounts diverge: stories across articles and languages, claims aligned within them,
and conflicts between sources (quantity, date, actor, place, origin, polarity, modality),
agreements, updates an article makes to its own figures, and what only one side
reports. Every position points at a span; every conflict carries a calibrated confidence."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model import Article
from .detect import Candidate, detect
from .embed import Embedder
from .rebuttal import find_rebuttals
from .result import ArticleRef, ClusterRef, Comparison, Finding, Position, StoryRef, Unique
from .stories import Story, group_stories
from .units import ClaimUnit, build_units

__all__ = ["Comparison", "StoryFindings", "compare_articles", "compare_story"]


def _clusters(articles: list[Article], aliases: Any = None):  # noqa: ANN202 - list[EntityCluster]
    from ..resolve import cluster_entities

    return cluster_entities(articles, aliases=aliases)


def _position(unit: ClaimUnit, span: tuple[int, int] | None, texts: dict[str, str],
              source: tuple[str, str | None] | None = None) -> Position:
    """A claim's position, or the sub-span that matters in it; `source` (name, entity) says whose
    position it is when that is not the claim's own speaker (a claim another source restates to
    deny it, a denial the author reports)."""
    s, e = span if span else (unit.claim.start, unit.claim.end)
    name, entity = source if source is not None else (unit.source, unit.source_entity)
    return Position(unit.article, name, entity, texts[unit.article][s:e], s, e,
                    unit.claim.id or None, unit.claim.text, unit.claim.stance)


def _finding(prefix: str, n: int, c: Candidate, units: list[ClaimUnit], texts: dict[str, str],
             story: Story) -> Finding:
    return Finding(f"{prefix}{n}", c.kind, c.topic, c.why, round(c.confidence, 3), story.id,
                   [_position(units[k], c.spans.get(k), texts, c.sources.get(k)) for k in c.units], c.frame, c.slot,
                   dict(c.features))


@dataclass
class StoryFindings:
    """What one story yields, in positions (no unit indices): small enough to send between processes."""

    conflicts: list[Finding]
    agreements: list[Finding]
    updates: list[Finding]
    unique: list[Unique]
    ranks: list[float]  # each conflict's unrounded confidence: the order across stories


def compare_story(story: Story, members: list[Article], cluster_of: dict[tuple[str, str], str],
                  kinds: dict[str, str], embed: Embedder | None = None) -> StoryFindings:
    """Align the claims of one story's articles and read conflicts, agreements, updates and unique
    claims off them (ids are numbered later, over all stories)."""
    units = build_units(members, cluster_of, kinds)
    if not units:
        return StoryFindings([], [], [], [], [])
    texts = {a.id: a.text for a in members}
    embed = embed or Embedder()
    vecs = embed([u.claim.text for u in units])
    rebuttals = find_rebuttals(units, members, cluster_of)
    restated = embed([r.restatement for r in rebuttals]) if rebuttals else np.zeros((0, 512))
    result = detect(units, vecs, members, cluster_of, rebuttals=(rebuttals, restated))
    return StoryFindings([_finding("", 0, c, units, texts, story) for c in result.conflicts],
                         [_finding("", 0, c, units, texts, story) for c in result.agreements],
                         [_finding("", 0, c, units, texts, story) for c in result.updates],
                         [Unique("", story.id, _position(units[k], None, texts)) for k in result.unique],
                         [c.confidence for c in result.conflicts])


def _numbered(prefix: str, found: list[Finding]) -> list[Finding]:
    for n, f in enumerate(found, 1):
        f.id = f"{prefix}{n}"
    return found


def compare_articles(articles: list[Article], *, aliases: Any = None, min_confidence: float | None = None,
                     options: Any = None, client: Any = None) -> Comparison:
    """Compare articles: stories, then conflicts ranked by confidence, agreements, updates, unique claims.

    Conflicts below `min_confidence` (default: `options.compare.min_confidence`, packaged 0.5)
    are counted in `hidden` but not listed. With a Dask `client` (`rashomon.scaleout.connect`),
    stories are aligned in parallel on its workers, each story's articles sent once; the
    result is the same.
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
    embed = Embedder(client)  # with a client, the openings are embedded on the workers
    stories = group_stories(articles, clusters_of, names, embed)
    by_id = {a.id: a for a in articles}
    per_story: list[StoryFindings]
    if client is None:
        per_story = [compare_story(s, [by_id[i] for i in s.articles], cluster_of, kinds, embed) for s in stories]
    else:
        from ..scaleout import map_ordered

        jobs = []
        for s in stories:
            members = [by_id[i] for i in s.articles]
            ids = {a.id for a in members}
            local = {k: v for k, v in cluster_of.items() if k[0] in ids}
            jobs.append((s, members, local, {v: kinds[v] for v in local.values()}))
        per_story = list(map_ordered(client, compare_story, jobs))
    ranked = [(rank, c) for r in per_story for rank, c in zip(r.ranks, r.conflicts)]
    ranked.sort(key=lambda t: -t[0])  # stable: equal confidence keeps story order
    found = [c for _rank, c in ranked]
    shown = [c for rank, c in ranked if rank >= min_confidence]
    unique = [u for r in per_story for u in r.unique]
    for n, u in enumerate(unique, 1):
        u.id = f"u{n}"
    return Comparison(
        version=__version__,
        articles=[ArticleRef(a.id, a.title, a.source, a.outlet, a.published, a.language) for a in articles],
        entities=[ClusterRef(c.id, c.name, c.type, list(c.aliases), list(c.articles)) for c in clusters],
        stories=[StoryRef(s.id, list(s.articles), s.topic) for s in stories],
        conflicts=_numbered("x", shown),
        agreements=_numbered("a", [c for r in per_story for c in r.agreements]),
        updates=_numbered("r", [c for r in per_story for c in r.updates]),
        unique=unique,
        min_confidence=min_confidence,
        hidden=len(found) - len(shown),
    )
