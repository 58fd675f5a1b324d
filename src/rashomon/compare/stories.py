"""Stories: articles about the same event, across languages, from shared corpus entities,
multilingual embeddings of their openings, and publication time. Candidate pairs come only
from shared entities (blocking), so cost grows near-linearly with the corpus."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np

from ..model import Article
from .embed import Embedder

MAX_DAYS = 14  # articles further apart than this are not one story
_BLOCK = 40  # an entity shared by more articles pairs each only with its date neighbours
_WINDOW = 6


@dataclass
class Story:
    """A group of articles about one event."""

    id: str
    articles: list[str]
    topic: str


def _day(article: Article) -> date | None:
    try:
        return date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return None


def _opening(article: Article) -> str:
    paras = [p.text for p in article.paragraphs[:3]]
    return " ".join([article.title or ""] + paras)[:1000]


def group_stories(articles: list[Article], clusters_of: dict[str, set[str]], names: dict[str, str],
                  embed: Embedder) -> list[Story]:
    """Union articles that share named entities and read alike, within MAX_DAYS."""
    n = len(articles)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[str, list[int]] = defaultdict(list)
    for i, art in enumerate(articles):
        for c in clusters_of.get(art.id, ()):
            index[c].append(i)
    days = [_day(a) for a in articles]
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        if len(members) > _BLOCK:
            # Blocking: a very common entity links each article only to its date neighbours,
            # so cost stays linear in the corpus (a chain still unites a large story).
            members = sorted(members, key=lambda i: (days[i] or date.min, i))
            pairs = ((members[x], members[y]) for x in range(len(members))
                     for y in range(x + 1, min(len(members), x + 1 + _WINDOW)))
        else:
            pairs = ((members[x], members[y]) for x in range(len(members)) for y in range(x + 1, len(members)))
        for a, b in pairs:
            shared[(min(a, b), max(a, b))] += 1
    vecs = embed([_opening(a) for a in articles]) if n > 1 else np.zeros((n, 512))
    for (i, j), count in shared.items():
        if days[i] and days[j] and abs((days[i] - days[j]).days) > MAX_DAYS:
            continue
        sim = float(vecs[i] @ vecs[j])
        if count >= 3 or (count >= 2 and sim >= 0.3) or (count >= 1 and sim >= 0.55):
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    stories = []
    for members in sorted(groups.values(), key=lambda m: (-len(m), m[0])):
        counts: dict[str, int] = defaultdict(int)
        for i in members:
            for c in clusters_of.get(articles[i].id, ()):
                counts[c] += 1
        top = sorted(counts, key=lambda c: (-counts[c], c))[:3]
        topic = ", ".join(names.get(c, c) for c in top)
        stories.append(Story(f"S{len(stories) + 1}", [articles[i].id for i in members], topic))
    return stories
