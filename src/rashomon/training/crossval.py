"""Cross-validation by article, out-of-fold threshold tuning, and the README quality table.

Folds group articles by id across corpora (SemEval-2023 English re-annotates the PTC-2020
articles under the same ids) and by content (a story re-published under another id), so no
copy of a held-out article is trained on. Everything data-dependent is fitted inside each
fold: the vocabulary and its pruning, the word-vector projection, the weights; thresholds
are nested: fold k is decoded with thresholds tuned on the other folds' out-of-fold
probabilities. Fold 0 holds the newest articles by id (`TrainConfig.time_share`), so its
figures are a shift-aware estimate, reported apart from the random folds 1..k-1; under the
"time" fold scheme (`TrainConfig.fold_scheme`) the models scoring folds 1..k-1 are fitted
without fold 0. The shipped thresholds are tuned on all out-of-fold probabilities.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from ..techniques.decode import decode, run_extend
from ..techniques.evaluate import ParagraphReport, SpanReport, score_ptc, score_semeval23, span_scores
from ..techniques.formats import GoldArticle, GoldSpan
from ..techniques.model import Scores, TechniqueModel
from ..techniques.paragraphs import ParagraphStage, listed_lines, regate
from ..techniques.taxonomy import PTC2020_TO_SEMEVAL2023, SEMEVAL2023_LABELS, to_ptc2020
from .config import TrainConfig
from .data import Prepared, assign_folds, prepare
from .fit import fit
from .paragraph_fit import fit_encoded_stage, fit_stage, row_vectors, stage_rows
from .tune import choose_floor, combo_stats, tune

# Extra spans per article (the rule layer), added to the model's: fn(text, language) -> [(label, s, e)]
ExtraFn = Callable[[str, str], list[tuple[str, int, int]]]


@dataclass
class CVResult:
    """Thresholds tuned on all folds and the nested held-out reports."""

    thresholds: dict[str, Any]
    ptc: SpanReport | None = None
    semeval_spans: dict[str, SpanReport] = field(default_factory=dict)
    semeval: dict[str, ParagraphReport] = field(default_factory=dict)  # random grouped folds
    folds: int = 0
    newest: dict[str, ParagraphReport] = field(default_factory=dict)  # fold 0 when time-ordered
    newest_articles: dict[str, int] = field(default_factory=dict)
    newest_stage: dict[str, ParagraphReport] = field(default_factory=dict)  # fold 0, paragraph stage "gate"
    newest_stage_label: dict[str, ParagraphReport] = field(default_factory=dict)  # ... and "label"
    newest_stage_encoded: dict[str, ParagraphReport] = field(default_factory=dict)  # "label" with the encoder
    stage: ParagraphStage | None = None
    stage_encoded: ParagraphStage | None = None  # the stage with the sentence encoder's feature
    floors: dict[str, float] = field(default_factory=dict)  # lowest threshold per language (choose_floor)

    def summary(self) -> dict[str, Any]:
        """Headline numbers for model.json."""
        out: dict[str, Any] = {"folds": self.folds}
        if self.ptc:
            for name, m in (("span_identification", self.ptc.si), ("label_aware_span", self.ptc.labelled)):
                out[f"ptc2020_{name}_f1"] = round(m.f1, 4)
                out[f"ptc2020_{name}_precision"] = round(m.precision, 4)
                out[f"ptc2020_{name}_recall"] = round(m.recall, 4)
        for tag, reports in (("", self.semeval), ("newest_", self.newest)):
            for lang, rep in reports.items():
                out[f"semeval2023_{lang}_{tag}paragraph_micro_f1"] = round(rep.micro.f1, 4)
                out[f"semeval2023_{lang}_{tag}paragraph_precision"] = round(rep.micro.precision, 4)
                out[f"semeval2023_{lang}_{tag}paragraph_recall"] = round(rep.micro.recall, 4)
        for tag, reports in (("stage_gate", self.newest_stage), ("stage_label", self.newest_stage_label),
                             ("stage_encoded", self.newest_stage_encoded)):
            for lang, rep in reports.items():
                out[f"semeval2023_{lang}_newest_{tag}_paragraph_micro_f1"] = round(rep.micro.f1, 4)
                out[f"semeval2023_{lang}_newest_{tag}_paragraph_precision"] = round(rep.micro.precision, 4)
                out[f"semeval2023_{lang}_newest_{tag}_paragraph_recall"] = round(rep.micro.recall, 4)
        for lang, n in self.newest_articles.items():
            out[f"semeval2023_{lang}_newest_articles"] = n
        return out

    def markdown(self) -> str:
        """Per-technique F1 table for the README Quality section."""
        langs = sorted(self.semeval)
        head = "| technique | PTC-2020 span F1 (label-aware) |" + "".join(
            f" SemEval-2023 {l} paragraph F1 (gold) |" for l in langs
        )
        rows = [head, "|---|---:|" + "---:|" * len(langs)]
        if self.ptc or self.semeval:
            cells = [f"{self.ptc.labelled.f1:.3f} (SI {self.ptc.si.f1:.3f})" if self.ptc else "–"]
            cells += [f"{self.semeval[l].micro.f1:.3f} (micro)" for l in langs]
            rows.append("| **all** | " + " | ".join(cells) + " |")
        for label in SEMEVAL2023_LABELS:
            ptc_name = to_ptc2020(label)
            c = "–"
            if self.ptc and ptc_name in self.ptc.per_label and ptc_name and _owner(label):
                m = self.ptc.per_label[ptc_name]
                c = f"{m.f1:.3f} ({m.n_gold})"
            cells = [c]
            for l in langs:
                m = self.semeval[l].per_label.get(label)
                cells.append(f"{m.f1:.3f} ({m.n_gold})" if m else "–")
            if any(x != "–" for x in cells):
                rows.append(f"| {label} | " + " | ".join(cells) + " |")
        return "\n".join(rows)


def _owner(label: str) -> bool:
    """True for the one 2023 label that stands for its PTC class in the table (no double rows)."""
    return label in PTC2020_TO_SEMEVAL2023.values()


def out_of_fold(
    items: list[Prepared], labels: list[str], cfg: TrainConfig, log: Callable[[str], None]
) -> tuple[list[int], bool, list[Scores], TechniqueModel]:
    """Fold of each article, whether fold 0 is the newest, and out-of-fold probabilities.

    Under `cfg.fold_scheme` "time" (with a newest fold 0 and at least two older folds) an older
    fold's model is fitted on the other older folds only, so the newest articles train nothing
    that scores older ones.
    """
    folds, time_fold = assign_folds([it.gold for it in items], cfg.folds, cfg.seed, cfg.time_share)
    scores: list[Scores | None] = [None] * len(items)
    model = None
    # With a single older fold its model would have nothing left to train on: random scheme then.
    older = set(folds) - {0}
    apart = {0} if time_fold and cfg.fold_scheme == "time" and len(older) > 1 else set()
    for k in range(cfg.folds):
        if k not in folds:
            continue  # fewer groups than folds
        model = fit([it for it, f in zip(items, folds) if f != k and (k == 0 or f not in apart)], labels, cfg)
        if cfg.prune > 0:
            model.compact(cfg.prune)  # score exactly what would ship
        for i, (it, f) in enumerate(zip(items, folds)):
            if f == k:
                scores[i] = model.score(it.gold.text, it.gold.language, it.sentences)
        log(f"fold {k + 1}/{cfg.folds} fitted and scored")
    return folds, time_fold, scores, model  # type: ignore[return-value]


def cross_validate(
    articles: list[GoldArticle],
    labels: list[str],
    cfg: TrainConfig,
    extra: ExtraFn | None = None,
    log: Callable[[str], None] = print,
) -> CVResult:
    """Out-of-fold probabilities, all-fold thresholds and nested held-out reports."""
    items = [prepare(g, labels) for g in articles]
    folds, time_fold, scores, model = out_of_fold(items, labels, cfg, log)
    return evaluate_oof(
        items, folds, scores, model, labels, cfg.folds, extra, cfg.span_weight, cfg.min_threshold, time_fold,
        cfg.floor_grid, cfg.stage_l2 if cfg.paragraph_stage else None,
        cfg.encoder_l2 if cfg.paragraph_stage and cfg.paragraph_encoder else None, log,
        vectors=cfg.paragraph_vectors,
    )


def evaluate_oof(
    items: list[Prepared],
    folds: list[int],
    scores: list[Scores],
    model: TechniqueModel,
    labels: list[str],
    k: int,
    extra: ExtraFn | None = None,
    span_weight: float = 1.0,
    min_threshold: float = 0.0,
    time_fold: bool = False,
    floor_grid: tuple[float, ...] = (),
    stage_l2: float | None = None,
    encoder_l2: float | None = None,
    log: Callable[[str], None] | None = None,
    vectors: str = "words",
) -> CVResult:
    """Tune thresholds (all folds; and per fold on the others) and score the nested predictions.

    With `time_fold`, fold 0 (the newest articles) is scored apart (`newest`) and the other
    reports cover the random folds only. With `floor_grid`, the lowest allowed threshold of
    each language is chosen from it on held-out folds (for fold k: on the other folds only).
    With `stage_l2`, the paragraph stage is fitted too (`res.stage`, on every fold's rows) and,
    with `time_fold`, scored on fold 0 by a stage fitted on the older folds alone (`newest_stage`).
    With `encoder_l2` too, so is the stage with the sentence encoder's feature (`stage_encoded`).
    """
    golds = [it.gold for it in items]
    fixed = {i: extra(g.text, g.language) for i, g in enumerate(golds)} if extra else {}
    pairs = list(zip(golds, scores))
    stats = combo_stats(pairs, labels, fixed, extend=run_extend(model))
    fold_arr = np.asarray(folds)

    def floors(mask: np.ndarray | None) -> float | dict[str, float]:
        if not floor_grid:
            return min_threshold
        return choose_floor(stats, labels, fold_arr, mask, floor_grid, span_weight)

    chosen = floors(None)
    thresholds = tune(stats, labels, span_weight=span_weight, min_threshold=chosen)
    preds: dict[int, list[tuple[str, int, int]]] = {}
    fold_th: dict[int, dict[str, Any]] = {}
    for f in range(k):
        held = fold_arr != f
        th = fold_th[f] = tune(stats, labels, held, span_weight=span_weight, min_threshold=floors(held))
        for i, (g, sc) in enumerate(pairs):
            if folds[i] == f:
                spans = [(s.label, s.start, s.end) for s in decode(model, sc, th)]
                preds[i] = spans + fixed.get(i, [])
    res = CVResult(thresholds, folds=k)
    if stage_l2 is not None:
        _stage(res, golds, scores, model, labels, fold_arr, fixed, thresholds, stage_l2, time_fold, stats,
               fold_th.get(0), span_weight, floors, encoder_l2, log, vectors)
    langs = sorted({g.language for g in golds})
    res.floors = dict(chosen) if isinstance(chosen, dict) else {lang: chosen for lang in langs}
    random_fold = [not (time_fold and f == 0) for f in folds]
    if time_fold:
        for lang in sorted({g.language for g in golds}):
            idx = [i for i, g in enumerate(golds) if g.corpus == "semeval2023" and g.language == lang and folds[i] == 0]
            if idx and any(golds[i].lines for i in idx):
                res.newest[lang] = score_semeval23([golds[i] for i in idx], {golds[i].id: preds[i] for i in idx})
                res.newest_articles[lang] = len(idx)
    ptc = [i for i, g in enumerate(golds) if g.corpus == "ptc2020" and random_fold[i]]
    if ptc:
        ptc_gold = [_ptc_named(golds[i]) for i in ptc]
        res.ptc = score_ptc(ptc_gold, {golds[i].id: preds[i] for i in ptc})
    for lang in sorted({g.language for g in golds}):
        idx = [i for i, g in enumerate(golds) if g.corpus == "semeval2023" and g.language == lang and random_fold[i]]
        if not idx:
            continue
        sub = [golds[i] for i in idx]
        pred = {golds[i].id: preds[i] for i in idx}
        if any(g.lines for g in sub):
            res.semeval[lang] = score_semeval23(sub, pred)
        gold_spans = {g.id: [(s.label, s.start, s.end) for s in g.spans] for g in sub}
        res.semeval_spans[lang] = span_scores(pred, gold_spans, SEMEVAL2023_LABELS)
    return res


def _stage(res: CVResult, golds: list[GoldArticle], scores: list[Scores], model: TechniqueModel, labels: list[str],
           fold_arr: np.ndarray, fixed: dict[int, list[tuple[str, int, int]]], thresholds: dict[str, Any],
           l2: float, time_fold: bool, stats: Any, fold0_th: dict[str, Any] | None, span_weight: float,
           floors: Callable[[np.ndarray], Any], encoder_l2: float | None = None,
           log: Callable[[str], None] | None = None, vectors: str = "words") -> None:
    """Fit the shipped paragraph stage (and its encoder variant) and, with a newest fold, their
    honest fold-0 estimates."""
    found = {i: [(s.label, s.start, s.end) for s in decode(model, sc, thresholds)] + fixed.get(i, [])
             for i, sc in enumerate(scores)}
    rows = stage_rows(golds, scores, found, fixed, labels)
    if not len(rows.Y):
        return  # no paragraph labels (PTC-2020 only): nothing to fit a stage on
    res.stage = fit_stage(rows, labels, fold_arr[rows.article], l2)
    V = None
    if encoder_l2 is not None:
        V = row_vectors(golds, rows, log, vectors)
        res.stage_encoded = fit_encoded_stage(V, rows, labels, fold_arr[rows.article], l2, encoder_l2, vectors)
    older = sorted(set(fold_arr.tolist()) - {0})
    if not time_fold or len(older) < 2 or fold0_th is None:
        return
    # The older rows' `found` must not come from thresholds that saw fold 0: each older fold is
    # decoded with thresholds tuned on the other older folds only.
    strict: dict[int, list[tuple[str, int, int]]] = {}
    for f in older:
        held = (fold_arr != f) & (fold_arr != 0)
        th = tune(stats, labels, held, span_weight=span_weight, min_threshold=floors(held))
        for i in np.flatnonzero(fold_arr == f):
            strict[int(i)] = [(s.label, s.start, s.end) for s in decode(model, scores[i], th)] + fixed.get(int(i), [])
    old_rows = stage_rows(golds, scores, strict, fixed, labels, only=set(strict))
    stage = fit_stage(old_rows, labels, fold_arr[old_rows.article], l2)
    stages = [("gate", stage, res.newest_stage), ("label", stage, res.newest_stage_label)]
    if V is not None and encoder_l2 is not None:
        # The same lines as `rows` (other `found`): their embeddings by (article, line start).
        at = {(int(a), int(s)): k for k, (a, s) in enumerate(zip(rows.article, rows.lines[:, 0]))}
        V_old = V[[at[(int(a), int(s))] for a, s in zip(old_rows.article, old_rows.lines[:, 0])]]
        encoded = fit_encoded_stage(V_old, old_rows, labels, fold_arr[old_rows.article], l2, encoder_l2, vectors)
        stages.append(("label", encoded, res.newest_stage_encoded))
    keep = set(SEMEVAL2023_LABELS)
    for lang in sorted({g.language for g in golds}):
        idx = [i for i, g in enumerate(golds) if g.corpus == "semeval2023" and g.language == lang and fold_arr[i] == 0]
        if not idx or not any(golds[i].lines for i in idx):
            continue
        for mode, stage, reports in stages:
            out = {}
            for i in idx:
                g, sc = golds[i], scores[i]
                model_spans = decode(model, sc, fold0_th)
                rules = fixed.get(i, [])
                km, added = regate(stage, g.text, sc, listed_lines(g.text), model_spans, rules, mode == "label")
                out[g.id] = [t for t in ([(s.label, s.start, s.end) for s, k in zip(model_spans, km) if k]
                                         + rules + [a[:3] for a in added]) if t[0] in keep]
            reports[lang] = score_semeval23([golds[i] for i in idx], out)


def _ptc_named(g: GoldArticle) -> GoldArticle:
    """A copy of a PTC article with its labels back in PTC-2020 names (for score_ptc)."""
    spans = [GoldSpan(to_ptc2020(s.label) or s.label, s.start, s.end) for s in g.spans]
    return GoldArticle(g.id, g.text, g.language, spans, g.lines, g.corpus)
