"""Stories: articles about the same event, across languages, that cannot chain.

Two articles are scored by how alike their openings read (title + lead, multilingual
embeddings, so an English and a Russian report of one event meet), how many content lemmas
they share (same language only) and how many corpus entities they share; articles published
further apart than `max_days` are never one story. Stories are built by average linkage: a
story takes in another only when its members are alike *on average*, so A~B~C~D does not
unite A with D the way union-find over pairs did. Candidate pairs come from blocking (shared
entities, plus each article's nearest openings among those published within the window), so
cost grows near-linearly with a dated corpus.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np

from ..model import Article
from .embed import Embedder

_CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_CROSS_LEX = 0.3  # lemma overlap assumed for a pair in two languages


@dataclass
class Story:
    """A group of articles about one event."""

    id: str
    articles: list[str]
    topic: str


@dataclass(frozen=True)
class StoryOptions:
    """Weights and thresholds of story grouping (tuned on the dev set's tune half, README Quality)."""

    max_days: int = 7  # articles published further apart are not one story
    threshold: float = 1.1  # least average pair score for two stories to merge
    lex_weight: float = 1.5  # weight of shared content lemmas (same language)
    entity_weight: float = 0.3  # weight of shared corpus entities
    date_penalty: float = 0.0  # taken off when both leads name days and share none (off: did not help)
    lead_chars: int = 1500  # how much of the text after the title is read
    neighbours: int = 10  # nearest openings each article is paired with (blocking)
    block: int = 40  # an entity shared by more articles pairs each only with its date neighbours


def _day(article: Article) -> date | None:
    try:
        return date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return None


def _opening(article: Article, chars: int) -> str:
    lead = " ".join(p.text for p in article.paragraphs[:3])[:chars]
    return f"{article.title}\n{lead}" if article.title else lead


def _lemmas(article: Article, chars: int) -> frozenset[str]:
    """Content lemmas of the lead (and title words when the title is not part of the text)."""
    first = article.paragraphs[0].start if article.paragraphs else 0
    out = {t.lemma.lower() for t in article.tokens
           if t.start < first + chars and t.pos in _CONTENT and len(t.text) > 1}
    if article.title and article.title not in article.text[:first + chars]:
        out.update(w.lower() for w in article.title.split() if len(w) > 1 and w[:1].isalnum())
    return frozenset(out)


def _lead_days(article: Article, chars: int) -> frozenset[str]:
    """Month-day ('11-08') of every day-exact date in the lead: the event's day, when two
    reports of one topic are about different days (a forecast for the 8th vs the 16th)."""
    first = article.paragraphs[0].start if article.paragraphs else 0
    return frozenset(d.iso[-5:] for d in article.dates
                     if d.start < first + chars and d.granularity == "day" and d.iso and len(d.iso) >= 7)


def _cosine(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


class _Scorer:
    """Pair scores of one corpus, each computed once."""

    def __init__(self, articles: list[Article], clusters_of: dict[str, set[str]], vecs: np.ndarray,
                 opts: StoryOptions) -> None:
        self.opts = opts
        self.vecs = vecs
        self.days = [_day(a) for a in articles]
        self.langs = [a.language for a in articles]
        self.lemmas = [_lemmas(a, opts.lead_chars) for a in articles]
        self.ents = [clusters_of.get(a.id, set()) for a in articles]
        self.lead_days = [_lead_days(a, opts.lead_chars) for a in articles] if opts.date_penalty else []
        self._memo: dict[tuple[int, int], float] = {}

    def apart(self, i: int, j: int) -> bool:
        """Both dated and further apart than the window."""
        di, dj = self.days[i], self.days[j]
        return bool(di and dj and abs((di - dj).days) > self.opts.max_days)

    def __call__(self, i: int, j: int) -> float:
        """How alike two articles' openings are, on the scale of the embedding cosine."""
        key = (i, j) if i < j else (j, i)
        if key not in self._memo:
            if self.apart(i, j):
                score = 0.0
            else:
                o = self.opts
                score = float(self.vecs[i] @ self.vecs[j]) + o.entity_weight * _cosine(self.ents[i], self.ents[j])
                if self.langs[i] == self.langs[j]:
                    score += o.lex_weight * _cosine(self.lemmas[i], self.lemmas[j])
                else:
                    # Lemmas cannot be shared across languages: credit a typical same-story
                    # overlap, so a translation needs an embedding cosine of about 0.65.
                    score += o.lex_weight * _CROSS_LEX
                if o.date_penalty and self.lead_days[i] and self.lead_days[j] \
                        and not self.lead_days[i] & self.lead_days[j]:
                    score -= o.date_penalty
            self._memo[key] = score
        return self._memo[key]


def _candidates(articles: list[Article], clusters_of: dict[str, set[str]], vecs: np.ndarray,
                scorer: _Scorer, opts: StoryOptions) -> set[tuple[int, int]]:
    """Blocked candidate pairs: shared entities, and nearest openings within the time window."""
    n = len(articles)
    days = scorer.days
    pairs: set[tuple[int, int]] = set()
    index: dict[str, list[int]] = defaultdict(list)
    for i, art in enumerate(articles):
        for c in clusters_of.get(art.id, ()):
            index[c].append(i)
    for members in index.values():
        if len(members) > opts.block:
            # A very common entity links each article only to its date neighbours.
            members = sorted(members, key=lambda i: (days[i] or date.min, i))
            width = 6
        else:
            width = len(members)
        for x in range(len(members)):
            for y in range(x + 1, min(len(members), x + 1 + width)):
                a, b = members[x], members[y]
                pairs.add((min(a, b), max(a, b)))
    # Nearest openings: dated articles only against those within the window (sorted by day),
    # undated ones against all, in chunks, keeping the top `neighbours` of each row.
    order = sorted(range(n), key=lambda i: (days[i] is not None, days[i] or date.min, i))
    undated = [i for i in order if days[i] is None]
    dated = [i for i in order if days[i] is not None]
    k = opts.neighbours
    chunk = 256
    for start in range(0, n, chunk):
        rows = order[start:start + chunk]
        dated_rows = [i for i in rows if days[i] is not None]
        if dated_rows:
            lo, hi = days[dated_rows[0]], days[dated_rows[-1]]
            cols = undated + [j for j in dated if abs((days[j] - lo).days) <= opts.max_days
                              or abs((days[j] - hi).days) <= opts.max_days or lo <= days[j] <= hi]
        else:
            cols = order
        sims = vecs[rows] @ vecs[cols].T
        take = min(k + 1, len(cols))
        if take == 0:
            continue
        top = np.argpartition(-sims, take - 1, axis=1)[:, :take]
        for r, i in enumerate(rows):
            for c in top[r]:
                j = cols[int(c)]
                if j != i:
                    pairs.add((min(i, j), max(i, j)))
    return {p for p in pairs if not scorer.apart(*p)}


def _link(a: list[int], b: list[int], score: _Scorer) -> float:
    """Average pair score between two stories (average linkage)."""
    return sum(score(i, j) for i in a for j in b) / (len(a) * len(b))


def group_stories(articles: list[Article], clusters_of: dict[str, set[str]], names: dict[str, str],
                  embed: Embedder, *, options: StoryOptions | None = None) -> list[Story]:
    """Average-linkage stories over blocked candidate pairs, within a time window."""
    opts = options or StoryOptions()
    n = len(articles)
    vecs = embed([_opening(a, opts.lead_chars) for a in articles]) if n else np.zeros((0, 512))
    score = _Scorer(articles, clusters_of, vecs, opts)
    edges = sorted(((score(i, j), i, j) for i, j in _candidates(articles, clusters_of, vecs, score, opts)),
                   reverse=True) if n > 1 else []
    story_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    # Best pairs first; a merge must hold on average over every cross pair, so one strong link
    # cannot drag two stories together. Repeat while merges happen: a merge can lift a link.
    changed = True
    while changed:
        changed = False
        for s, i, j in edges:
            if s < opts.threshold:
                break
            a, b = story_of[i], story_of[j]
            if a == b or _link(members[a], members[b], score) < opts.threshold:
                continue
            if len(members[a]) < len(members[b]):
                a, b = b, a
            for m in members.pop(b):
                story_of[m] = a
                members[a].append(m)
            changed = True
    stories = []
    for group in sorted((sorted(g) for g in members.values()), key=lambda m: (-len(m), m[0])):
        counts: dict[str, int] = defaultdict(int)
        for i in group:
            for c in clusters_of.get(articles[i].id, ()):
                counts[c] += 1
        top = sorted(counts, key=lambda c: (-counts[c], c))[:3]
        topic = ", ".join(names.get(c, c) for c in top)
        stories.append(Story(f"S{len(stories) + 1}", [articles[i].id for i in group], topic))
    return stories
