"""Training data: corpus folders read into gold articles, each turned into arrays, and folds.

Folds group articles by id across corpora (a PTC article and its SemEval-2023 re-annotation
share an id), so no article leaks into its own held-out copy.
"""

from __future__ import annotations

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


def group_folds(articles: list[GoldArticle], k: int, seed: int) -> list[int]:
    """Fold number of each article, grouped by article id across corpora."""
    ids = sorted({g.id for g in articles})
    order = np.random.default_rng(seed).permutation(len(ids))
    fold_of = {ids[i]: n % k for n, i in enumerate(order)}
    return [fold_of[g.id] for g in articles]
