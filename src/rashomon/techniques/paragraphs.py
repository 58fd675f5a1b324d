"""The paragraph stage: which techniques each paragraph (text line) carries, decided from all its evidence.

The token and sentence models are thresholded one span at a time. Whether a paragraph holds a
technique also depends on the rest of the article (a loaded article is loaded throughout) and on
the other evidence in the line, so a per-technique logistic model re-decides every (line,
technique) from: the line's highest token and sentence probabilities and mean token probability,
whether the span decoder or the lexicon found the technique there, the article's means of those,
how many other techniques the line holds, its length and its language. Model spans in a paragraph
the stage rejects are dropped (lexicon spans stay); with `paragraph_stage = "label"`, a paragraph it
accepts with no span becomes a span of its own. Fitted on out-of-fold probabilities
(`training.paragraph_fit`); README Quality has what each setting is worth on the newest articles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

import numpy as np

from .formats import line_spans

if TYPE_CHECKING:
    from .decode import ModelSpan
    from .model import Scores

FEATURES: tuple[str, ...] = (
    "tok_max", "sent_max", "tok_mean", "found", "rule",
    "art_tok", "art_found", "art_sent",
    "others", "log_len", "ru", "ru_tok", "ru_sent", "ru_found",
)


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def listed_lines(text: str, sentences: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: the paragraphs SemEval-2023 labels; with `sentences`,
    only the lines holding one of them (one language's paragraphs of a mixed article)."""
    lines = [(s, e) for s, e in line_spans(text) if text[s:e].strip()]
    if sentences is None:
        return lines
    index = _Intervals(sentences)
    return [(s, e) for s, e in lines if len(index.overlapping(s, e))]


class _Intervals:
    """Which of a list of intervals overlap [s, e), by bisection (huge articles: no scan per query)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.order = np.argsort(np.asarray([s for s, _ in spans], dtype=np.int64), kind="stable")
        self.starts = np.asarray([spans[k][0] for k in self.order], dtype=np.int64)
        # An empty interval still holds its start (a blank listed line).
        self.ends = np.asarray([max(spans[k][1], spans[k][0] + 1) for k in self.order], dtype=np.int64)
        self.reach = np.maximum.accumulate(self.ends) if len(spans) else self.ends

    def overlapping(self, s: int, e: int) -> np.ndarray:
        """Original indices of the intervals overlapping [s, e)."""
        a = int(np.searchsorted(self.reach, s, side="right"))
        b = int(np.searchsorted(self.starts, max(e, s + 1), side="left"))
        k = np.arange(a, max(a, b))
        return self.order[k[self.ends[k] > s]]


def _in_lines(lines: list[tuple[int, int]], spans: Iterable[tuple[str, int, int]], col: dict[str, int]) -> np.ndarray:
    """(n_lines, n_labels) bool: a span of the label overlaps the line."""
    out = np.zeros((len(lines), len(col)), dtype=bool)
    if not lines:
        return out
    index = _Intervals(lines)
    for label, s, e in spans:
        j = col.get(label)
        if j is not None:
            out[index.overlapping(s, e), j] = True
    return out


def line_features(
    text: str,
    lines: list[tuple[int, int]],
    starts: np.ndarray,
    ends: np.ndarray,
    sentences: list[tuple[int, int]],
    token_prob: np.ndarray,
    sent_prob: np.ndarray,
    lang: str,
    labels: list[str],
    found: Iterable[tuple[str, int, int]],
    rules: Iterable[tuple[str, int, int]],
) -> np.ndarray:
    """(n_lines, n_labels, len(FEATURES)) evidence of each line and label.

    `found` holds every span the article would show (model and lexicon), `rules` the lexicon's alone.
    """
    L = len(labels)
    n = len(lines)
    col = {l: j for j, l in enumerate(labels)}
    found_in = _in_lines(lines, found, col)
    rule_in = _in_lines(lines, rules, col)
    tok_max = np.zeros((n, L))
    tok_mean = np.zeros((n, L))
    sent_max = np.zeros((n, L))
    n_tok = np.zeros(n)
    sents = _Intervals(sentences)
    for k, (ls, le) in enumerate(lines):
        a, b = np.searchsorted(ends, ls, side="right"), np.searchsorted(starts, le, side="left")
        if b > a:
            tok_max[k] = token_prob[a:b].max(0)
            tok_mean[k] = token_prob[a:b].mean(0)
            n_tok[k] = b - a
        inside = sents.overlapping(ls, le)
        if len(inside):
            sent_max[k] = sent_prob[inside].max(0)
    X = np.zeros((n, L, len(FEATURES)))
    if not n:
        return X
    lt, ls_, lm = _logit(tok_max), _logit(sent_max), _logit(tok_mean)
    ru = float(lang == "ru")
    f = found_in.astype(float)
    X[..., 0], X[..., 1], X[..., 2], X[..., 3], X[..., 4] = lt, ls_, lm, f, rule_in
    X[..., 5] = lt.mean(0)
    X[..., 6] = f.mean(0)
    X[..., 7] = ls_.mean(0)
    X[..., 8] = f.sum(1, keepdims=True) - f
    X[..., 9] = np.log1p(n_tok)[:, None]
    X[..., 10] = ru
    X[..., 11], X[..., 12], X[..., 13] = ru * lt, ru * ls_, ru * f
    return X


@dataclass
class ParagraphStage:
    """Per-label logistic weights over FEATURES (standardised) and a probability threshold per language."""

    labels: list[str]
    mean: np.ndarray  # (n_labels, n_features)
    scale: np.ndarray
    weights: np.ndarray
    bias: np.ndarray  # (n_labels,)
    active: np.ndarray  # (n_labels,) bool: labels with too few examples keep the span decision
    thresholds: dict[str, float]  # "label": a line carries the label at this probability
    meta: dict[str, Any]
    gate_thresholds: dict[str, float] | None = None  # "gate": a found label stays at this probability

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        """(n_lines, n_labels) probability that the line carries the label."""
        z = (((X - self.mean) / self.scale) * self.weights).sum(-1) + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def decide(self, X: np.ndarray, lang: str, gate: bool = False) -> np.ndarray:
        """(n_lines, n_labels) bool; an inactive label keeps what the spans said (feature `found`).

        `gate` uses the thresholds tuned for keeping found spans only (nothing added)."""
        table = (self.gate_thresholds or self.thresholds) if gate else self.thresholds
        keep = self.probabilities(X) >= table.get(lang, table.get("en", 0.5))
        return np.where(self.active, keep, X[..., FEATURES.index("found")] > 0)

    def to_json(self) -> dict[str, Any]:
        """The stage as plain lists for model.json."""
        return {
            "features": list(FEATURES),
            "labels": self.labels,
            "mean": np.round(self.mean, 6).tolist(),
            "scale": np.round(self.scale, 6).tolist(),
            "weights": np.round(self.weights, 6).tolist(),
            "bias": np.round(self.bias, 6).tolist(),
            "active": self.active.astype(bool).tolist(),
            "thresholds": self.thresholds,
            "gate_thresholds": self.gate_thresholds or self.thresholds,
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "ParagraphStage":
        """Read `to_json` output; ValueError when its features are not this version's."""
        if tuple(d.get("features", ())) != FEATURES:
            raise ValueError(f"paragraph stage features {d.get('features')} are not {list(FEATURES)}")
        arr = lambda k: np.asarray(d[k], dtype=float)  # noqa: E731
        stage = cls(list(d["labels"]), arr("mean"), arr("scale"), arr("weights"), arr("bias"),
                    np.asarray(d["active"], dtype=bool), {k: float(v) for k, v in d["thresholds"].items()},
                    dict(d.get("meta", {})),
                    {k: float(v) for k, v in d.get("gate_thresholds", d["thresholds"]).items()})
        L, F = len(stage.labels), len(FEATURES)
        if stage.mean.shape != (L, F) or stage.weights.shape != (L, F) or stage.bias.shape != (L,):
            raise ValueError("paragraph stage arrays do not match its labels and features")
        return stage


def regate(
    stage: ParagraphStage,
    text: str,
    sc: "Scores",
    lines: list[tuple[int, int]],
    model_spans: list["ModelSpan"],
    rules: list[tuple[str, int, int]],
    label_lines: bool = False,
) -> tuple[list[bool], list[tuple[str, int, int, float]]]:
    """Which model spans to keep by the stage's line decisions, and (with `label_lines`) the
    (label, start, end, probability) of the lines to add.

    A model span is kept when a line it overlaps carries its label (labels the stage does not
    know are kept). Rule (lexicon) spans are evidence and always stay: each explains itself, and
    `rules = "confirmed"` is the setting that filters them. With `label_lines`, a line that carries
    a label no kept span shows becomes a span of that label: the whole line, because the stage
    says the paragraph uses the technique, not where.
    """
    found = [(m.label, m.start, m.end) for m in model_spans] + rules
    X = line_features(text, lines, sc.starts, sc.ends, sc.sentences, sc.token_prob, sc.sent_prob, sc.lang,
                      stage.labels, found, rules)
    keep = stage.decide(X, sc.lang, gate=not label_lines)
    col = {l: j for j, l in enumerate(stage.labels)}
    index = _Intervals(lines)

    def kept(label: str, s: int, e: int) -> bool:
        j = col.get(label)
        if j is None or not len(lines):
            return True
        over = index.overlapping(s, e)
        return not len(over) or bool(keep[over, j].any())

    keep_model = [kept(m.label, m.start, m.end) for m in model_spans]
    if not label_lines:
        return keep_model, []
    prob = stage.probabilities(X)
    shown = _in_lines(lines, [f for f, k in zip(found, keep_model + [True] * len(rules)) if k], col)
    added = [(stage.labels[j], lines[k][0], lines[k][1], float(prob[k, j])) for k, j in zip(*np.nonzero(keep & ~shown))]
    return keep_model, added
