"""Stories: articles about the same event, across languages, that cannot chain.

A pair of articles scores how alike their openings read (title + lead, multilingual
embeddings, so an English and a Russian report of one event meet), how many content lemmas
they share (same language only) and how many corpus entities they share. Stories are built by
average linkage: a story takes in another only when their members are alike *on average*, so
A~B~C~D does not unite A with D the way union-find over pairs did; no story spans more than
`max_days` between its dated articles. Two reports whose leads name different days (a forecast
for 8 November and one for 16 November, read alike otherwise) are different events, and pay
`day_weight` for it; so do two leads that name one administrative level with different names
(a forecast for the Amur region and one for the Omsk region), `place_weight`. Candidate pairs
come from blocking (shared entities, plus each article's nearest openings among those published
within the window), so cost grows near-linearly with a dated corpus (undated articles are
compared with all others in one chunked matrix product, to find their nearest openings)."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np

from ..dates import named_day
from ..lang import load_words
from ..model import Article
from ..wordpatterns import trie
from .embed import Embedder

_CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_CROSS_LEX = 0.3  # lemma overlap assumed for a pair in two languages
_MONTH_DAY = re.compile(r"\d\d-\d\d$")
_STEM = 4  # letters of a place name compared (see _lead_places)


@dataclass
class Story:
    """A group of articles about one event."""

    id: str
    articles: list[str]
    topic: str


@dataclass(frozen=True)
class StoryOptions:
    """Weights and thresholds of story grouping (tuned on the dev set's tune half, docs/quality_history.md)."""

    max_days: int = 7  # no story spans more days between its dated articles
    threshold: float = 1.1  # least average pair score for two stories to merge
    lex_weight: float = 1.5  # weight of shared content lemmas (same language)
    entity_weight: float = 0.3  # weight of shared corpus entities
    lead_chars: int = 1500  # how much of the text after the title is read
    neighbours: int = 10  # nearest openings each article is paired with (blocking)
    block: int = 12  # an entity shared by more articles pairs each only with its date neighbours
    lead_sentences: int = 2  # the sentences whose explicit days name the event's day
    # Penalty (times 1 - cosine of the two leads' day sets) when both leads name days.
    day_weight: float = 3.0
    # Penalty (times 1 - cosine of the two leads' place names) per administrative level both
    # leads name ("Omsk region" vs "Amur region").
    place_weight: float = 1.0


def article_day(article: Article) -> date | None:
    try:
        return date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return None


def opening(article: Article, chars: int) -> str:
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


def _lead_days(article: Article, sentences: int) -> frozenset[str]:
    """Days the lead names explicitly (a day number with its month: "8 ноября", "Nov. 8",
    "12.11.2019", or a holiday on a fixed day: «в День Победы»), as MM-DD; weekdays and "today"
    are left out, they shift with the writing day, and so are deadlines ("by 5 April", «до 5
    апреля»: `lang/<code>/deadline_words.txt`), which limit the event rather than date it."""
    if not article.sentences or sentences < 1:
        return frozenset()
    end = article.sentences[min(sentences, len(article.sentences)) - 1].end
    return frozenset(d.iso[-5:] for d in article.dates
                     if d.start < end and d.granularity == "day" and d.iso and _MONTH_DAY.search(d.iso)
                     and (any(ch.isdigit() for ch in d.text) or named_day(d.text))
                     and not _deadline(article.text, d.start))


_DEADLINE_REACH = 24  # characters before a date searched for its deadline word


@lru_cache(maxsize=1)
def _deadline_words() -> re.Pattern[str]:
    """A deadline word (or phrase) ending right before a date, as one pattern."""
    return re.compile(rf"(?<![\w-])(?:{trie(sorted(load_words('deadline_words')))}) $")


def _deadline(text: str, start: int) -> bool:
    """Whether the date at `start` is a limit ("by 5 April", «до 5 апреля»), not the event's day."""
    before = re.sub(r"\s+", " ", text[max(0, start - _DEADLINE_REACH) : start].lower())  # «не\xa0позднее»
    return _deadline_words().search(before) is not None


def _lead_places(article: Article, sentences: int) -> frozenset[str]:
    """Places the lead names with their level, as "level|name" ("область|омск"): a level noun
    in lower case with its modifiers right before it ("Омской области", "Hubei province") or a
    name right after it ("провинции Хубэй"), one of them capitalised not at a sentence start;
    gazetteer-free, from the lead's tokens only."""
    if not article.sentences or sentences < 1:
        return frozenset()
    end = article.sentences[min(sentences, len(article.sentences)) - 1].end
    starts = {s.start for s in article.sentences}
    levels = load_words("place_levels")  # nouns naming an administrative level
    toks = article.tokens

    def named(j: int, k: int) -> bool:
        t = toks[j]
        return t.sent == toks[k].sent and t.pos in ("ADJ", "PROPN") and (t.head == k or toks[k].head == j)

    out = set()
    for k, tok in enumerate(toks):
        if tok.start >= end:
            break
        level = tok.lemma.lower()
        if level not in levels or not tok.text.islower():
            continue
        mods = []
        j = k - 1
        while j >= 0 and named(j, k):
            mods.insert(0, toks[j])
            j -= 1
        if not mods and k + 1 < len(toks) and named(k + 1, k) and toks[k + 1].pos == "PROPN":
            mods = [toks[k + 1]]
        if any(m.text[:1].isupper() and m.start not in starts for m in mods):
            # Names by their first letters: inflected and foreign names lemmatise unevenly
            # («Хубэй» -> «хубэя»); a shared stem is read as one place (no penalty).
            out.add(level + "|" + " ".join(m.lemma.lower()[:_STEM] for m in mods))
    return frozenset(out)


def _place_sums(places: frozenset[str]) -> tuple[dict[str, float], dict[str, int]]:
    """Places as one unit vector per level, and the levels named (sums for StoryGroup)."""
    by_level: dict[str, set[str]] = defaultdict(set)
    for p in places:
        by_level[p.split("|", 1)[0]].add(p)
    vec: dict[str, float] = {}
    for names in by_level.values():
        vec.update(_unit(names))
    return vec, {level: 1 for level in by_level}


def _place_penalty(a_vec: dict[str, float], a_levels: dict[str, int], b_vec: dict[str, float],
                   b_levels: dict[str, int]) -> float:
    """Summed over pairs and the levels both name: 1 - cosine of their names at that level."""
    shared = sum(n * b_levels.get(level, 0) for level, n in a_levels.items())
    return shared - _dot(a_vec, b_vec) if shared else 0.0


def _unit(items: frozenset[str] | set[str]) -> dict[str, float]:
    """A set as a unit-length sparse vector: dot products of two are their set cosine."""
    w = 1.0 / math.sqrt(len(items)) if items else 0.0
    return {x: w for x in items}


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Set cosine."""
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[x] for x, w in a.items() if x in b)


def _add(into: dict[str, float], other: dict[str, float]) -> None:
    for x, w in other.items():
        into[x] = into.get(x, 0.0) + w


class StoryGroup:
    """A story being built, held as sums: the average pair score of two groups is then exact
    at the cost of a few dot products, however large they grow.

    A pair scores cos(openings) + entity_weight·cos(entities) + lex_weight·cos(lemmas), the
    lemma term only within one language (a pair in two languages is credited _CROSS_LEX), minus
    day_weight·(1 - cos(lead days)) when both leads name days. The day term's sums:
    `lead_days` (day -> summed unit weights) and `lead_dated` (members whose lead names a day).
    Likewise minus place_weight·Σ(1 - cos(names)) over the administrative levels both leads name:
    `places` ("level|name" -> summed unit weights, one unit vector per level and member) and
    `place_levels` (level -> members whose lead names it).
    """

    __slots__ = ("members", "vec", "ents", "lemmas", "langs", "first", "last", "lead_days", "lead_dated",
                 "places", "place_levels")

    def __init__(self, i: object, vec: np.ndarray, ents: dict[str, float], lemmas: dict[str, float], lang: str,
                 day: date | None, lead_days: frozenset[str] = frozenset(),
                 places: frozenset[str] = frozenset()) -> None:
        self.members = [i]
        self.vec = vec.astype(np.float64)
        self.ents = dict(ents)
        self.lemmas = {lang: dict(lemmas)}
        self.langs = {lang: 1}
        self.first = self.last = day
        self.lead_days = _unit(lead_days)
        self.lead_dated = 1 if lead_days else 0
        self.places, self.place_levels = _place_sums(places)

    @classmethod
    def of_article(cls, key: object, article: Article, vec: np.ndarray, clusters: frozenset[str] | set[str],
                   opts: StoryOptions, lemmas: frozenset[str] | None = None) -> "StoryGroup":
        """One article as a story of its own, from its opening vector and corpus entity clusters."""
        if lemmas is None:
            lemmas = _lemmas(article, opts.lead_chars)
        return cls(key, vec, _unit(clusters), _unit(lemmas), article.language, article_day(article),
                   _lead_days(article, opts.lead_sentences), _lead_places(article, opts.lead_sentences))

    @classmethod
    def from_sums(cls, members: list, vec: np.ndarray, ents: dict[str, float],
                  lemmas: dict[str, dict[str, float]], langs: dict[str, int], first: date | None,
                  last: date | None, *, lead_days: dict[str, float] | None = None,
                  lead_dated: int = 0, places: dict[str, float] | None = None,
                  place_levels: dict[str, int] | None = None) -> "StoryGroup":
        """A story from stored running sums (rashomon.store.stories), scored exactly as one built here
        (without `lead_days` / `lead_dated` or `places` / `place_levels` its members count as
        leads naming no day or no place)."""
        group = cls.__new__(cls)
        group.members = list(members)
        group.vec = np.asarray(vec, dtype=np.float64)
        group.ents = dict(ents)
        group.lemmas = {lang: dict(v) for lang, v in lemmas.items()}
        group.langs = dict(langs)
        group.first, group.last = first, last
        group.lead_days = dict(lead_days or {})
        group.lead_dated = lead_dated
        group.places = dict(places or {})
        group.place_levels = dict(place_levels or {})
        return group

    def link(self, other: "StoryGroup", opts: StoryOptions) -> float:
        """Average pair score between the two groups' members (average linkage)."""
        pairs = len(self.members) * len(other.members)
        same = sum(n * other.langs.get(lang, 0) for lang, n in self.langs.items())
        lex = sum(_dot(v, other.lemmas[lang]) for lang, v in self.lemmas.items() if lang in other.lemmas)
        total = (float(self.vec @ other.vec) + opts.entity_weight * _dot(self.ents, other.ents)
                 + opts.lex_weight * (lex + _CROSS_LEX * (pairs - same)))
        # Summed over the pairs whose leads both name days: 1 - cosine of their day sets.
        total -= opts.day_weight * (self.lead_dated * other.lead_dated - _dot(self.lead_days, other.lead_days))
        if opts.place_weight:
            total -= opts.place_weight * _place_penalty(self.places, self.place_levels, other.places, other.place_levels)
        return total / pairs

    def span_with(self, other: "StoryGroup") -> int:
        """Days between the earliest and latest dated member if the two were one story."""
        days = [d for d in (self.first, self.last, other.first, other.last) if d is not None]
        return (max(days) - min(days)).days if days else 0

    def absorb(self, other: "StoryGroup") -> None:
        """Take in the other group's members and sums."""
        self.members += other.members
        self.vec += other.vec
        _add(self.ents, other.ents)
        for lang, v in other.lemmas.items():
            _add(self.lemmas.setdefault(lang, {}), v)
            self.langs[lang] = self.langs.get(lang, 0) + other.langs[lang]
        _add(self.lead_days, other.lead_days)
        self.lead_dated += other.lead_dated
        _add(self.places, other.places)
        for level, n in other.place_levels.items():
            self.place_levels[level] = self.place_levels.get(level, 0) + n
        days = [d for d in (self.first, other.first) if d is not None]
        self.first = min(days) if days else None
        days = [d for d in (self.last, other.last) if d is not None]
        self.last = max(days) if days else None


def _candidates(articles: list[Article], clusters_of: dict[str, set[str]], vecs: np.ndarray,
                days: list[date | None], opts: StoryOptions) -> set[tuple[int, int]]:
    """Blocked candidate pairs: shared entities, and nearest openings within the time window."""
    n = len(articles)
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
    return pairs


def group_stories(articles: list[Article], clusters_of: dict[str, set[str]], names: dict[str, str],
                  embed: Embedder, *, options: StoryOptions | None = None) -> list[Story]:
    """Average-linkage stories over blocked candidate pairs, within a time window."""
    opts = options or StoryOptions()
    n = len(articles)
    vecs = embed([opening(a, opts.lead_chars) for a in articles]) if n else np.zeros((0, 512))
    days = [article_day(a) for a in articles]
    ents = [frozenset(clusters_of.get(a.id, ())) for a in articles]
    lemmas = [_lemmas(a, opts.lead_chars) for a in articles]
    groups = [StoryGroup.of_article(i, a, vecs[i], ents[i], opts, lemmas[i]) for i, a in enumerate(articles)]
    pairs = sorted(p for p in (_candidates(articles, clusters_of, vecs, days, opts) if n > 1 else ())
                   if groups[p[0]].span_with(groups[p[1]]) <= opts.max_days)
    # Pair scores as StoryGroup.link gives them for two single articles, with C-speed set overlaps.
    cos = np.einsum("ij,ij->i", vecs[[i for i, _ in pairs]], vecs[[j for _, j in pairs]]) if pairs else []
    edges = []
    for (i, j), c in zip(pairs, cos):
        lex = _overlap(lemmas[i], lemmas[j]) if articles[i].language == articles[j].language else _CROSS_LEX
        score = float(c) + opts.entity_weight * _overlap(ents[i], ents[j]) + opts.lex_weight * lex
        a, b = groups[i], groups[j]
        if a.lead_dated and b.lead_dated:
            score -= opts.day_weight * (1.0 - _dot(a.lead_days, b.lead_days))
        if opts.place_weight and a.place_levels and b.place_levels:
            score -= opts.place_weight * _place_penalty(a.places, a.place_levels, b.places, b.place_levels)
        if score >= opts.threshold:
            edges.append((score, i, j))
    edges.sort(reverse=True)
    story_of = list(range(n))
    # Best pairs first; a merge must hold on average over every cross pair, so one strong link
    # cannot drag two stories together. A second pass catches links a merge has lifted.
    for _pass in range(2):
        for _score, i, j in edges:
            ka, kb = story_of[i], story_of[j]
            a, b = groups[ka], groups[kb]
            if ka == kb or a.span_with(b) > opts.max_days or a.link(b, opts) < opts.threshold:
                continue
            if len(a.members) < len(b.members):
                ka, kb, a, b = kb, ka, b, a
            for m in b.members:
                story_of[m] = ka
            a.absorb(b)
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(story_of[i], []).append(i)
    stories = []
    for group in sorted(members.values(), key=lambda m: (-len(m), m[0])):
        counts: dict[str, int] = defaultdict(int)
        for i in group:
            for c in clusters_of.get(articles[i].id, ()):
                counts[c] += 1
        top = sorted(counts, key=lambda c: (-counts[c], c))[:3]
        topic = ", ".join(names.get(c, c) for c in top)
        stories.append(Story(f"S{len(stories) + 1}", [articles[i].id for i in group], topic))
    return stories
