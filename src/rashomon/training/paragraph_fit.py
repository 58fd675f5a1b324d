"""Fit the paragraph stage (`techniques.paragraphs`) on out-of-fold probabilities.

Rows are the listed lines of SemEval-2023 articles, one column per technique. The `found`
feature must come from thresholds that did not see the row's article, as at run time; each
label gets an L2-regularised logistic model (scipy's L-BFGS), and one probability threshold per
language is chosen for micro-F1 on predictions cross-fitted over the folds (with the lexicon's
lines, which the component always keeps).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..techniques.formats import GoldArticle, line_spans
from ..techniques.model import Scores
from ..techniques.paragraphs import ENCODER_CLIP, FEATURES, ParagraphEncoder, ParagraphStage, line_features

MIN_POSITIVES = 8  # fewer positive lines: the label keeps the span decision
GRID = tuple(round(x, 2) for x in np.arange(0.10, 0.70, 0.02))
FLOOR_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)


@dataclass
class StageRows:
    """Features and gold of every listed line: X (n, labels, features), Y (n, labels)."""

    X: np.ndarray
    Y: np.ndarray
    other: np.ndarray  # gold labels of the line the model does not know (always missed)
    lang: np.ndarray
    article: np.ndarray  # index into the article list
    lines: np.ndarray | None = None  # (n, 2) each line's (start, end) in its article

    def take(self, mask: np.ndarray) -> "StageRows":
        """The rows where mask holds."""
        lines = None if self.lines is None else self.lines[mask]
        return StageRows(self.X[mask], self.Y[mask], self.other[mask], self.lang[mask], self.article[mask], lines)

    def with_column(self, col: np.ndarray) -> "StageRows":
        """The rows with one more feature per label (col: (n, labels))."""
        return StageRows(np.concatenate([self.X, col[..., None]], axis=-1), self.Y, self.other, self.lang,
                         self.article, self.lines)


def stage_rows(
    golds: list[GoldArticle],
    scores: list[Scores],
    found: dict[int, list[tuple[str, int, int]]],
    rules: dict[int, list[tuple[str, int, int]]],
    labels: list[str],
    only: set[int] | None = None,
) -> StageRows:
    """Rows of the articles with paragraph labels (and in `only`, when given)."""
    X, Y, other, lang, art, spans = [], [], [], [], [], []
    known = set(labels)
    for i, (g, sc) in enumerate(zip(golds, scores)):
        if not g.lines or (only is not None and i not in only):
            continue
        all_lines = line_spans(g.text)
        listed = sorted(n for n in g.lines if 0 < n <= len(all_lines))
        lines = [all_lines[n - 1] for n in listed]
        X.append(line_features(g.text, lines, sc.starts, sc.ends, sc.sentences, sc.token_prob, sc.sent_prob,
                               g.language, labels, found.get(i, []), rules.get(i, [])))
        Y.append(np.asarray([[l in g.lines[n] for l in labels] for n in listed], dtype=bool).reshape(len(listed), len(labels)))
        other += [len(g.lines[n] - known) for n in listed]
        lang += [g.language] * len(listed)
        art += [i] * len(listed)
        spans += lines
    F, L = len(FEATURES), len(labels)
    return StageRows(np.concatenate(X) if X else np.zeros((0, L, F)), np.concatenate(Y) if Y else np.zeros((0, L), bool),
                     np.asarray(other, dtype=int), np.asarray(lang), np.asarray(art, dtype=int),
                     np.asarray(spans, dtype=np.int64).reshape(len(spans), 2))


def _standardiser(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column mean and scale every stage weight is fitted on (and read back with at run time)."""
    return X.mean(0), X.std(0) + 1e-6


def _fit_logistic(X: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Mean, scale, weights and bias of an L2 logistic regression on standardised X."""
    from scipy.optimize import minimize

    mean, scale = _standardiser(X)
    Z = (X - mean) / scale

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = Z @ w[:-1] + w[-1]
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        eps = 1e-9
        value = -(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)).sum() + l2 * (w[:-1] ** 2).sum()
        grad = np.append(Z.T @ (p - y) + 2 * l2 * w[:-1], (p - y).sum())
        return float(value), grad

    w = minimize(loss, np.zeros(Z.shape[1] + 1), jac=True, method="L-BFGS-B").x
    return mean, scale, w[:-1], float(w[-1])


def _fit_weights(rows: StageRows, labels: list[str], l2: float) -> ParagraphStage:
    L, F = len(labels), rows.X.shape[-1]
    mean, scale, weights = np.zeros((L, F)), np.ones((L, F)), np.zeros((L, F))
    bias, active = np.zeros(L), np.zeros(L, dtype=bool)
    for j in range(L):
        y = rows.Y[:, j].astype(float)
        if y.sum() < MIN_POSITIVES or y.sum() == len(y):
            continue
        mean[j], scale[j], weights[j], bias[j] = _fit_logistic(rows.X[:, j, :], y, l2)
        active[j] = True
    return ParagraphStage(list(labels), mean, scale, weights, bias, active, {}, {}, {})


def micro_f1(pred: np.ndarray, rows: StageRows) -> float:
    """Paragraph micro-F1 of line decisions (labels the model does not know count as missed)."""
    tp = float((pred & rows.Y).sum())
    fp = float((pred & ~rows.Y).sum())
    fn = float((~pred & rows.Y).sum() + rows.other.sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cross_fitted(rows: StageRows, labels: list[str], groups: np.ndarray, l2: float) -> np.ndarray:
    """(n, labels) probabilities of each row from weights fitted without its group.

    A label too rare to model without the group keeps the span decision there (1 where a span was
    found, else 0), as `ParagraphStage.decide` does; its weights would be zeros, a flat 0.5."""
    prob = np.zeros(rows.Y.shape)
    found = rows.X[..., FEATURES.index("found")] > 0
    for g in np.unique(groups):
        part = groups == g
        fold = _fit_weights(rows.take(~part), labels, l2)
        p = fold.probabilities(rows.X[part])
        p[:, ~fold.active] = found[part][:, ~fold.active]
        prob[part] = p
    return prob


def fit_stage(rows: StageRows, labels: list[str], groups: np.ndarray, l2: float) -> ParagraphStage:
    """Weights on all rows; thresholds per language from predictions cross-fitted over `groups`."""
    stage = _fit_weights(rows, labels, l2)
    stage.meta = {"l2": l2, "rows": int(len(rows.Y)), "cross_fit_groups": int(len(np.unique(groups)))}
    if len(np.unique(groups)) < 2:
        stage.thresholds = {lang: 0.5 for lang in sorted(set(rows.lang.tolist()))}
        stage.gate_thresholds = dict(stage.thresholds)
        stage.evidence_floor = {lang: 0.0 for lang in stage.thresholds}
        return stage
    prob = cross_fitted(rows, labels, groups, l2)
    found = rows.X[..., FEATURES.index("found")] > 0
    rule = rows.X[..., FEATURES.index("rule")] > 0
    evidence = stage.evidence(rows.X)
    stage.evidence_floor = {}
    for lang in sorted(set(rows.lang.tolist())):
        sel = rows.lang == lang
        sub = rows.take(sel)
        # Labels without a model keep the span decision, as `decide` does; lexicon spans always stay.
        best = max(GRID, key=lambda t: micro_f1(np.where(stage.active, prob[sel] >= t, found[sel]) | rule[sel], sub))
        stage.thresholds[lang] = float(best)
        # "gate" adds nothing: only lines where a span was found can keep the label.
        gate = max(GRID, key=lambda t: micro_f1(np.where(stage.active, prob[sel] >= t, True) & found[sel] | rule[sel], sub))
        stage.gate_thresholds[lang] = float(gate)
        # "label" marks a line no span shows only with evidence of its own: the highest floor that
        # scores best (ties to the higher: fewer lines shown on the article's prior alone).
        f1 = {f: micro_f1(np.where(stage.active, (prob[sel] >= best) & (found[sel] | (evidence[sel] >= f)), found[sel])
                          | rule[sel], sub) for f in FLOOR_GRID}
        stage.evidence_floor[lang] = float(max(FLOOR_GRID, key=lambda f: (round(f1[f], 6), f)))
    return stage


def row_vectors(golds: list[GoldArticle], rows: StageRows, log: Callable[[str], None] | None = None,
                vectors: str = "words") -> np.ndarray:
    """(n, 512) the stage encoder's input for every row's line ("words" or "sentence", see
    techniques.paragraphs.line_vectors), as the component computes it at run time."""
    from ..techniques.paragraphs import line_vectors

    if rows.lines is None:
        raise ValueError("these rows were built without their line spans")
    out = np.zeros((len(rows.Y), 512), dtype=np.float32)
    arts = np.unique(rows.article)
    for n, a in enumerate(arts):
        k = np.flatnonzero(rows.article == a)
        out[k] = line_vectors(golds[int(a)].text, [tuple(x) for x in rows.lines[k].tolist()], vectors)
        if log and (n + 1) % 100 == 0:
            log(f"paragraph embeddings: {n + 1}/{len(arts)} articles")
    return out


def fit_encoder(V: np.ndarray, rows: StageRows, labels: list[str], l2: float) -> ParagraphEncoder:
    """Per-label logistic weights from the rows' embeddings (and language) to their gold labels."""
    X = ParagraphEncoder.inputs(V, rows.lang)
    L, D = len(labels), X.shape[1]
    weights, bias, active = np.zeros((L, D)), np.zeros(L), np.zeros(L, dtype=bool)
    mean, scale = _standardiser(X)  # one X for every label: _fit_logistic standardises it the same way
    for j in range(L):
        y = rows.Y[:, j].astype(float)
        if y.sum() < MIN_POSITIVES or y.sum() == len(y):
            continue
        _, _, weights[j], bias[j] = _fit_logistic(X, y, l2)
        active[j] = True
    return ParagraphEncoder(mean, scale, weights, bias, active)


def encoder_column(V: np.ndarray, rows: StageRows, labels: list[str], groups: np.ndarray, l2: float) -> np.ndarray:
    """(n, labels) the encoder feature of each row from an encoder fitted without its group."""
    col = np.zeros(rows.Y.shape)
    for g in np.unique(groups):
        part = groups == g
        enc = fit_encoder(V[~part], rows.take(~part), labels, l2)
        col[part] = enc.logits(V[part], rows.lang[part])
    return np.clip(col, -ENCODER_CLIP, ENCODER_CLIP)


def fit_encoded_stage(V: np.ndarray, rows: StageRows, labels: list[str], groups: np.ndarray, l2: float,
                      encoder_l2: float, vectors: str = "words") -> ParagraphStage:
    """A stage whose last feature is the encoder's: fitted on the encoder's cross-fitted column (as
    an unseen article would get it), with the encoder itself fitted on all rows."""
    col = encoder_column(V, rows, labels, groups, encoder_l2)
    stage = fit_stage(rows.with_column(col), labels, groups, l2)
    stage.encoder = fit_encoder(V, rows, labels, encoder_l2)
    stage.meta["encoder_l2"] = encoder_l2
    stage.meta["vectors"] = vectors
    return stage
