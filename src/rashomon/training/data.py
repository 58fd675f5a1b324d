"""Training data: corpus folders read into gold articles, each turned into arrays, and folds.

Folds group articles by id across corpora (a PTC article and its SemEval-2023 re-annotation
share an id) and by content: a story re-published under another id (5-word shingles, one
text containing at least `NEAR_DUPLICATE` of the other's) is the same group, so no article
leaks into its own held-out copy. The newest articles by id (SemEval ids follow collection
time) can be set apart as one fold: a shift-aware estimate next to the random folds.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np

from ..techniques.features import misc_names, misc_pairs, sentence_index, split_sentences, tokenize
from ..techniques.formats import GoldArticle, read_corpus
from ..techniques.lexicon import FAMILIES, lexicon
from ..techniques.taxonomy import SEMEVAL2023_LABELS, to_semeval2023


@dataclass
class Prepared:
    """One article turned into arrays."""

    gold: GoldArticle
    words: list[str]
    starts: np.ndarray
    ends: np.ndarray
    sentences: list[tuple[int, int]]
    sent_of: np.ndarray
    y_tok: np.ndarray  # (n_tokens, n_labels) bool
    y_sent: np.ndarray  # (n_sentences, n_labels) bool
    misc: tuple[np.ndarray, np.ndarray]  # (token, misc feature) pairs


def load_training(data_paths: Iterable[str | Path]) -> list[GoldArticle]:
    """Read corpus folders; labels renamed to SemEval-2023; articles without spans skipped."""
    out = []
    for path in data_paths:
        for g in read_corpus(path):
            if not g.spans:
                continue
            for s in g.spans:
                s.label = to_semeval2023(s.label)
            out.append(g)
    return out


def prepare(g: GoldArticle, labels: list[str]) -> Prepared:
    """Tokens, sentences, lexicon cues and gold label matrices for one article."""
    toks = tokenize(g.text)
    hits = [(h.family, h.start, h.end) for h in lexicon(g.language).find(g.text)]
    misc = misc_pairs(g.text, toks, hits, misc_names(FAMILIES))
    sents = split_sentences(g.text)
    sent_of = sentence_index(toks.starts, sents)
    y = np.zeros((len(toks.words), len(labels)), dtype=bool)
    col = {l: j for j, l in enumerate(labels)}
    for s in g.spans:
        j = col.get(s.label)
        if j is not None:
            y[(toks.starts < s.end) & (toks.ends > s.start), j] = True
    ys = np.zeros((len(sents), len(labels)), dtype=bool)
    inside = sent_of >= 0
    np.logical_or.at(ys, sent_of[inside], y[inside])
    return Prepared(g, toks.words, toks.starts, toks.ends, sents, sent_of, y, ys, misc)


def modelled_labels(articles: list[GoldArticle], min_examples: int) -> list[str]:
    """Techniques with enough annotated spans, in taxonomy order."""
    counts: dict[str, int] = {}
    for g in articles:
        for s in g.spans:
            counts[s.label] = counts.get(s.label, 0) + 1
    return [l for l in SEMEVAL2023_LABELS if counts.get(l, 0) >= min_examples]


NEAR_DUPLICATE = 0.3  # share of the shorter text's 5-word shingles found in the other (max 0.78 seen)
SHINGLE = 5
_WORD = re.compile(r"\w+")
_COMMON = 30  # a shingle in this many articles is boilerplate, not evidence of a shared story


def _shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def article_groups(articles: list[GoldArticle], containment: float = NEAR_DUPLICATE) -> list[str]:
    """Group key of each article: its id, merged with every id whose text nearly duplicates it."""
    sh: dict[str, set[str]] = {}
    for g in articles:
        sh.setdefault(g.id, set()).update(_shingles(g.text))
    parent = {i: i for i in sh}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    holders: dict[str, list[str]] = {}
    for i in sorted(sh):
        for s in sh[i]:
            holders.setdefault(s, []).append(i)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in holders.values():
        if 1 < len(ids) < _COMMON:
            shared.update((a, b) for n, a in enumerate(ids) for b in ids[n + 1 :])
    for (a, b), n in shared.items():
        if n >= containment * max(1, min(len(sh[a]), len(sh[b]))):
            ra, rb = root(a), root(b)
            parent[max(ra, rb)] = min(ra, rb)
    return [root(g.id) for g in articles]


def newest(articles: list[GoldArticle], share: float, groups: list[str] | None = None) -> list[bool]:
    """Articles in the newest `share` of each language's SemEval-2023 ids (whole groups).

    SemEval ids rise with collection time, so these are the shift-aware test set: topics and
    wording the older articles have not seen.
    """
    groups = groups if groups is not None else [g.id for g in articles]
    picked: set[str] = set()
    for lang in sorted({g.language for g in articles}):
        ids = sorted({g.id for g in articles if g.corpus == "semeval2023" and g.language == lang}, key=_id_key)
        new = set(ids[int(len(ids) * (1 - share)) :]) if share > 0 else set()
        picked.update(grp for g, grp in zip(articles, groups) if g.id in new)
    return [grp in picked for grp in groups]


def _id_key(article_id: str) -> tuple[int, str]:
    return (int(article_id), article_id) if article_id.isdigit() else (0, article_id)


def group_folds(articles: list[GoldArticle], k: int, seed: int, time_share: float = 0.0) -> list[int]:
    """Fold of each article; groups (id + near duplicates) never straddle folds (see `assign_folds`)."""
    return assign_folds(articles, k, seed, time_share)[0]


def assign_folds(articles: list[GoldArticle], k: int, seed: int, time_share: float = 0.0) -> tuple[list[int], bool]:
    """Fold of each article, and whether fold 0 is the newest articles.

    With `time_share` > 0, fold 0 holds the newest articles (see `newest`) and the others are
    spread at random over folds 1..k-1; otherwise, or when too few older groups would be left
    to fill those folds, all k folds are random. A corpus with fewer groups than folds is
    grouped by id only.
    """
    groups = article_groups(articles)
    if len(set(groups)) < k:  # a tiny corpus of one story: near-duplicate groups would leave folds empty
        groups = [g.id for g in articles]
    held = newest(articles, time_share, groups) if time_share > 0 else [False] * len(articles)
    fixed = {grp for grp, h in zip(groups, held) if h}
    if len(set(groups) - fixed) < k - 1:
        fixed = set()
    rest = sorted(set(groups) - fixed)
    order = np.random.default_rng(seed).permutation(len(rest))
    first = 1 if fixed else 0
    fold_of = {rest[i]: first + n % (k - first) for n, i in enumerate(order)}
    fold_of.update({grp: 0 for grp in fixed})
    return [fold_of[grp] for grp in groups], bool(fixed)
