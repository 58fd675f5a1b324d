"""Story gold and story scores: which dev-set articles report the same event, and how well a
clustering agrees — pair precision, recall and F1, and the largest story against the largest
gold story (a chaining clustering shows up there first).

Gold: BASIL (one triplet = one story, every article pair judged) and tgcontest_ru_dev (40
judged pairs, `same_story` 1 or 0). Document and unit ids are those of
`rashomon.evaluation.divergences`; a unit's split (`tune` / `test`) is `split_of(unit)`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Iterable, Mapping

from ..compare.stories import StoryOptions, group_stories
from ..model import Article
from .divergences import basil_units, split_of, tg_units, unit_documents


@dataclass
class StoryGold:
    """Gold for one evaluated set: documents, judged pairs, and the gold stories' sizes."""

    docs: list[str]
    # None: every pair of `docs` is judged, same story iff same label in `labels`.
    pairs: list[tuple[str, str, bool]] | None
    labels: dict[str, str]  # doc -> gold story (for all-pairs gold and for the largest story)
    largest: int


@dataclass
class StoryScore:
    """Pair precision / recall / F1 and the largest predicted story vs the largest gold one."""

    precision: float
    recall: float
    f1: float
    n_pred: int  # predicted same-story pairs among the judged ones
    n_gold: int  # gold same-story pairs
    largest: int
    gold_largest: int

    def as_dict(self) -> dict[str, float | int]:
        """Rounded figures, for JSON output."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "n_pred": self.n_pred, "n_gold": self.n_gold, "largest": self.largest,
                "gold_largest": self.gold_largest}


def _keep(unit: str, split: str | None, units: Collection[str] | None) -> bool:
    if units is not None and unit not in units:
        return False
    return split is None or split == "all" or split_of(unit) == split


def basil_gold(data: Path, split: str | None = None, units: Collection[str] | None = None) -> StoryGold:
    """BASIL: every article pair is judged; same triplet = same story. `split`: 'tune', 'test'
    or None / 'all'; `units`: only these triplets."""
    labels: dict[str, str] = {}
    for unit in basil_units(data):
        if _keep(unit, split, units):
            for doc in unit_documents(data, unit):
                labels[doc.id] = unit
    sizes = Counter(labels.values())
    return StoryGold(sorted(labels), None, labels, max(sizes.values(), default=0))


def tg_gold(data: Path, split: str | None = None, units: Collection[str] | None = None) -> StoryGold:
    """tgcontest: only the 40 listed pairs are judged. Gold stories join same-story pairs and
    identical texts (one article appears on several lines)."""
    pairs: list[tuple[str, str, bool]] = []
    text_of: dict[str, str] = {}
    same_units = set(tg_units(data, 1))
    for unit in tg_units(data, None):
        if not _keep(unit, split, units):
            continue
        a, b = unit_documents(data, unit)
        text_of[a.id], text_of[b.id] = a.text, b.text
        pairs.append((a.id, b.id, unit in same_units))
    parent = {d: d for d in text_of}

    def find(d: str) -> str:
        while parent[d] != d:
            d = parent[d]
        return d

    by_text: dict[str, str] = {}
    for d, t in text_of.items():
        parent[find(d)] = find(by_text.setdefault(t, d))
    for a, b, same in pairs:
        if same:
            parent[find(a)] = find(b)
    labels = {d: find(d) for d in text_of}
    # Counted in documents, as predicted stories are: a text repeated on two lines counts twice.
    largest = max(Counter(labels.values()).values(), default=0)
    return StoryGold(sorted(text_of), pairs, labels, largest)


def score_stories(stories: Iterable[Iterable[str]] | Mapping[str, str], gold: StoryGold) -> StoryScore:
    """Score a clustering (lists of doc ids, or doc -> story) against `gold`.

    Documents the clustering does not place are singletons. `largest` is over the documents
    of `gold` only.
    """
    if isinstance(stories, Mapping):
        story_of = dict(stories)
    else:
        story_of = {doc: f"s{n}" for n, members in enumerate(stories) for doc in members}
    pred = {d: story_of.get(d, f"alone:{d}") for d in gold.docs}
    if gold.pairs is None:
        # All pairs: count same-label pairs from the contingency table, not by enumeration.
        both = Counter((pred[d], gold.labels[d]) for d in gold.docs)
        tp = sum(c * (c - 1) // 2 for c in both.values())
        n_pred = sum(c * (c - 1) // 2 for c in Counter(pred.values()).values())
        n_gold = sum(c * (c - 1) // 2 for c in Counter(gold.labels.values()).values())
    else:
        tp = sum(1 for a, b, same in gold.pairs if same and pred[a] == pred[b])
        n_pred = sum(1 for a, b, _ in gold.pairs if pred[a] == pred[b])
        n_gold = sum(1 for _, _, same in gold.pairs if same)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    largest = max(Counter(pred.values()).values(), default=0)
    return StoryScore(p, r, f1, n_pred, n_gold, largest, gold.largest)


def largest_story(stories: Iterable[Iterable[str]]) -> int:
    """Members of the largest story (for corpora with no gold)."""
    return max((len(list(s)) for s in stories), default=0)


def dev_articles(data: Path, units: Iterable[str], *, jobs: int = 1) -> list[Article]:
    """Analyse the documents of `units` (each once). Article.id is the doc id with '/' made '_'
    (a valid article id); Article.source is the doc id; title, date and outlet as the corpus gives."""
    from ..api import Analyzer
    from ..ingest.text import article_from_text
    from ..settings import load_options

    docs = {doc.id: doc for unit in units for doc in unit_documents(data, unit)}
    items = []
    for doc in docs.values():
        art = article_from_text(doc.text, doc.id, title_from_first_line=False)
        art.id = doc.id.replace("/", "_")
        art.title, art.published, art.outlet = doc.title, doc.published, doc.outlet
        items.append(art)
    out = []
    for item in Analyzer(load_options()).pipe(items, jobs=jobs):
        if isinstance(item, Article):
            out.append(item)
    return out


def group_documents(articles: list[Article], *, options: StoryOptions | None = None) -> list[list[str]]:
    """Stories over `articles` as `compare` builds them (entity clusters, embeddings), as lists
    of each article's `source` (the doc id for `dev_articles`)."""
    from ..compare.embed import Embedder
    from ..resolve import cluster_entities

    clusters = cluster_entities(articles)
    clusters_of: dict[str, set[str]] = defaultdict(set)
    for c in clusters:
        if c.type in ("PERSON", "ORG", "LOC"):
            for art_id, _ in c.members:
                clusters_of[art_id].add(c.id)
    names = {c.id: c.name for c in clusters}
    source = {a.id: a.source or a.id for a in articles}
    stories = group_stories(articles, dict(clusters_of), names, Embedder(), options=options)
    return [[source[i] for i in s.articles] for s in stories]
