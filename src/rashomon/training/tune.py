"""Per-language, per-technique decision thresholds, chosen on out-of-fold probabilities.

For every article, technique and (token threshold, sentence threshold) pair on a grid we
count once what the decoded spans would score: the SemEval-2020 label-aware span sums
and the SemEval-2023 paragraph true/false positives. Rule spans are decoded alongside, so
thresholds account for what the lexicons already flag. Any subset of articles (all folds,
or all but one for nested estimates) is then tuned by summing those counts and running
coordinate ascent on the objective: paragraph micro-F1 plus, where span gold exists,
label-aware span micro-F1.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

import numpy as np

from ..techniques.decode import NEVER, label_spans
from ..techniques.evaluate import _pairs_sum, merge_spans
from ..techniques.formats import GoldArticle, line_spans
from ..techniques.model import Scores

TOKEN_GRID = (NEVER, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3)
SENT_GRID = (NEVER,) + tuple(np.round(np.arange(0.9, 0.09, -0.05), 2))
COMBOS: tuple[tuple[float, float], ...] = tuple(product(TOKEN_GRID, SENT_GRID))
Pairs = list[tuple[GoldArticle, Scores]]
Fixed = dict[int, list[tuple[str, int, int]]]  # article index -> rule spans


@dataclass
class ComboStats:
    """Counts per (article, label, combo): span (p_num, n_pred, r_num), paragraph (tp, fp, fn)."""

    span: np.ndarray
    n_gold: np.ndarray  # (article, label) gold spans
    para: np.ndarray
    has_span: np.ndarray  # article has span gold that counts for the span objective
    has_para: np.ndarray  # article has paragraph gold
    lang: np.ndarray


def _lines_hit(lines: list[tuple[int, int]], spans: list[tuple[int, int]]) -> set[int]:
    starts = np.asarray([s for s, _ in lines])
    out: set[int] = set()
    for s, e in spans:
        a = int(np.searchsorted(starts, s, side="right")) - 1
        b = int(np.searchsorted(starts, max(s, e - 1), side="right")) - 1
        out.update(range(a + 1, b + 2))  # 1-based line numbers
    return out


def combo_stats(
    pairs: Pairs,
    labels: list[str],
    fixed: Fixed | None = None,
    span_corpora: tuple[str, ...] = ("ptc2020",),
    extend: float = 1.0,
) -> ComboStats:
    """Count, once, what every threshold pair would score on every article and label (runs grown by `extend`)."""
    n, L, C = len(pairs), len(labels), len(COMBOS)
    span = np.zeros((n, L, C, 3), dtype=np.float32)
    para = np.zeros((n, L, C, 3), dtype=np.float32)
    n_gold = np.zeros((n, L), dtype=np.float32)
    fixed = fixed or {}
    for i, (g, sc) in enumerate(pairs):
        lines = line_spans(g.text) if g.lines else None
        for j, label in enumerate(labels):
            gold = [(s.start, s.end) for s in g.spans if s.label == label and s.end > s.start]
            n_gold[i, j] = len(gold)
            rules = [(s, e) for l, s, e in fixed.get(i, []) if l == label]
            gl = {k for k, v in (g.lines or {}).items() if label in v}
            listed = set(g.lines or {})
            for c, (tt, ts) in enumerate(COMBOS):
                spans = merge_spans([(m.start, m.end) for m in label_spans(sc, j, label, tt, ts, extend)] + rules)
                if g.corpus in span_corpora:
                    a, b = _pairs_sum(spans, gold)
                    span[i, j, c] = (a, len(spans), b)
                if lines is not None:
                    hit = _lines_hit(lines, spans) & listed
                    para[i, j, c] = (len(hit & gl), len(hit - gl), len(gl - hit))
    has_span = np.asarray([g.corpus in span_corpora for g, _ in pairs])
    has_para = np.asarray([bool(g.lines) for g, _ in pairs])
    return ComboStats(span, n_gold, para, has_span, has_para, np.asarray([g.language for g, _ in pairs]))


def _f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def tune_subset(
    st: ComboStats,
    labels: list[str],
    mask: np.ndarray,
    passes: int = 3,
    span_weight: float = 1.0,
    min_threshold: float = 0.0,
) -> dict[str, dict[str, float]]:
    """(token, sentence) threshold per label maximising the objective on the masked articles.

    Objective: paragraph micro-F1 + span_weight x label-aware span F1 (where span gold exists).
    Thresholds below `min_threshold` are never chosen, so weak evidence is not shown.
    """
    choice = _choose(st, labels, mask, passes, span_weight, min_threshold)
    return {
        "token": {l: float(COMBOS[c][0]) for l, c in zip(labels, choice)},
        "sentence": {l: float(COMBOS[c][1]) for l, c in zip(labels, choice)},
    }


def _choose(
    st: ComboStats, labels: list[str], mask: np.ndarray, passes: int, span_weight: float, min_threshold: float
) -> np.ndarray:
    """Combo index per label chosen by coordinate ascent (see tune_subset)."""
    allowed = [c for c, (tt, ts) in enumerate(COMBOS) if min(tt, ts) >= min_threshold]
    sm = mask & st.has_span
    pm = mask & st.has_para
    S = st.span[sm].sum(0)  # (L, C, 3)
    G = st.n_gold[sm].sum(0)  # (L,)
    P = st.para[pm].sum(0)  # (L, C, 3)
    use_span, use_para = bool(sm.any()), bool(pm.any())
    choice = np.zeros(len(labels), dtype=int)  # combo 0 = (NEVER, NEVER)
    for _ in range(passes):
        for j in range(len(labels)):
            others = np.ones(len(labels), dtype=bool)
            others[j] = False
            s_rest = S[others, choice[others]].sum(0)
            p_rest = P[others, choice[others]].sum(0)
            g_all = G.sum()
            best, best_c = -1.0, choice[j]
            for c in allowed:
                obj = 0.0
                if use_span:
                    pn, npred, rn = s_rest + S[j, c]
                    prec = pn / npred if npred else 0.0
                    rec = rn / g_all if g_all else 0.0
                    obj += span_weight * (2 * prec * rec / (prec + rec) if prec + rec else 0.0)
                if use_para:
                    obj += _f1(*(p_rest + P[j, c]))
                if obj > best + 1e-9:
                    best, best_c = obj, c
            choice[j] = best_c
    return choice


def _objective(st: ComboStats, mask: np.ndarray, choice: np.ndarray, span_weight: float) -> tuple[np.ndarray, np.ndarray]:
    """Summed (span p_num, n_pred, r_num, n_gold) and paragraph (tp, fp, fn) of the masked articles at `choice`."""
    labels = np.arange(len(choice))
    sm, pm = mask & st.has_span, mask & st.has_para
    span = st.span[sm][:, labels, choice].sum((0, 1))
    para = st.para[pm][:, labels, choice].sum((0, 1))
    return np.append(span, st.n_gold[sm].sum()), para


def choose_floor(
    st: ComboStats,
    labels: list[str],
    folds: np.ndarray,
    mask: np.ndarray | None = None,
    grid: tuple[float, ...] = (0.25,),
    span_weight: float = 1.0,
) -> dict[str, float]:
    """Lowest allowed threshold per language, chosen on held-out folds of the masked articles.

    For each candidate floor, every fold is decoded with thresholds tuned on the others and
    the summed counts give the objective (paragraph micro-F1 + span_weight x span F1); on a
    tie the higher floor wins (fewer weak flags for the same score).
    """
    mask = np.ones(len(st.lang), dtype=bool) if mask is None else mask
    out: dict[str, float] = {}
    for lang in sorted(set(st.lang[mask].tolist())):
        in_lang = mask & (st.lang == lang)
        best, best_floor = -1.0, min(grid)
        for floor in sorted(grid, reverse=True):
            span, para = np.zeros(4), np.zeros(3)
            for f in sorted(set(folds[in_lang].tolist())):
                train = in_lang & (folds != f)
                if not train.any():
                    continue
                choice = _choose(st, labels, train, 3, span_weight, floor)
                s, p = _objective(st, in_lang & (folds == f), choice, span_weight)
                span += s
                para += p
            obj = _f1(*para)
            if span[3]:
                prec = span[0] / span[1] if span[1] else 0.0
                rec = span[2] / span[3]
                obj += span_weight * (2 * prec * rec / (prec + rec) if prec + rec else 0.0)
            if obj > best + 1e-9:
                best, best_floor = obj, floor
        out[lang] = best_floor
    return out


def tune(
    st: ComboStats,
    labels: list[str],
    mask: np.ndarray | None = None,
    span_weight: float = 1.0,
    min_threshold: float | dict[str, float] = 0.0,
) -> dict[str, dict[str, dict[str, float]]]:
    """Thresholds per language (token and sentence kinds) on the masked articles (default all).

    `min_threshold` is one floor or one per language (see choose_floor).
    """
    mask = np.ones(len(st.lang), dtype=bool) if mask is None else mask
    out: dict[str, dict[str, dict[str, float]]] = {"token": {}, "sentence": {}}
    for lang in sorted(set(st.lang.tolist())):
        floor = min_threshold.get(lang, 0.0) if isinstance(min_threshold, dict) else min_threshold
        th = tune_subset(st, labels, mask & (st.lang == lang), span_weight=span_weight, min_threshold=floor)
        out["token"][lang] = th["token"]
        out["sentence"][lang] = th["sentence"]
    return out
