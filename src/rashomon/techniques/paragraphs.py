"""The paragraph stage: which techniques each paragraph (text line) carries, decided from all its evidence.

The token and sentence models are thresholded one span at a time. Whether a paragraph holds a
technique also depends on the rest of the article (a loaded article is loaded throughout) and on
the other evidence in the line, so a per-technique logistic model re-decides every (line,
technique) from: the line's highest token and sentence probabilities and mean token probability,
whether the span decoder or the lexicon found the technique there, the article's means of those,
how many other techniques the line holds, its length and its language. Model spans in a paragraph
the stage rejects are dropped (lexicon spans stay); with `paragraph_stage = "label"`, a paragraph it
accepts with no span gets one on its likeliest sentence. Fitted on out-of-fold probabilities
(`training.paragraph_fit`); docs/quality_history.md has what each setting is worth on the newest articles.

A second stage (`techniques.paragraph_encoder`, on by default) adds one feature per technique: a
logistic model (`ParagraphEncoder`) over the mean of the paragraph's word vectors (the multilingual
encoder's subword embeddings, shared by English and Russian, so the English paragraphs inform the
Russian ones; `paragraph_word_vectors`). A model trained with `paragraph_vectors = "sentence"`
reads the paragraph's sentence embedding instead, which costs a full encoder pass over every
paragraph, about as much as parsing, for the same accuracy on the newest articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

import numpy as np

from ..intervals import trim_space
from .formats import line_spans

if TYPE_CHECKING:
    from .decode import ModelSpan
    from .model import Scores

FEATURES: tuple[str, ...] = (
    "tok_max", "sent_max", "tok_mean", "found", "rule",
    "art_tok", "art_found", "art_sent",
    "others", "log_len", "ru", "ru_tok", "ru_sent", "ru_found",
)


ENCODED_FEATURES: tuple[str, ...] = FEATURES + ("emb",)
# A paragraph is embedded from at most this many characters: the encoder's cost grows with the
# text, and the stage was fitted on the same cut.
ENCODER_CHARS = 2000
ENCODER_CLIP = 10.0  # bound on the encoder feature (a logit), as in training


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
        # Lines (and the parser's sentences) are in order and do not overlap: then every query's
        # matches are one run of indices, found for all queries at once (`ranges`).
        self.disjoint = bool((self.order == np.arange(len(spans))).all() and (self.ends[:-1] <= self.starts[1:]).all())

    def ranges(self, s: np.ndarray, e: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For disjoint intervals in order: per query [s, e), the run [a, b) of intervals overlapping it."""
        s, e = np.asarray(s, dtype=np.int64), np.asarray(e, dtype=np.int64)
        a = np.searchsorted(self.ends, s, side="right")
        b = np.searchsorted(self.starts, np.maximum(e, s + 1), side="left")
        return a, np.maximum(a, b)

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
    if index.disjoint:
        known = [(col[label], s, e) for label, s, e in spans if label in col]
        if not known:
            return out
        J, S, E = (np.asarray(x, dtype=np.int64) for x in zip(*known))
        a, b = index.ranges(S, E)
        # +1 where a span's run of lines opens, -1 where it closes, summed down the lines.
        delta = np.zeros((len(lines) + 1, len(col)), dtype=np.int64)
        np.add.at(delta, (a, J), 1)
        np.add.at(delta, (b, J), -1)
        return np.cumsum(delta[:-1], axis=0) > 0
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
    L0 = np.asarray([s for s, _ in lines], dtype=np.int64)
    L1 = np.asarray([e for _, e in lines], dtype=np.int64)
    ta, tb = np.searchsorted(ends, L0, side="right"), np.searchsorted(starts, L1, side="left")
    sa, sb = sents.ranges(L0, L1) if sents.disjoint else (None, None)
    for k, (ls, le) in enumerate(lines):
        a, b = ta[k], tb[k]
        if b > a:
            tok_max[k] = token_prob[a:b].max(0)
            tok_mean[k] = token_prob[a:b].mean(0)
            n_tok[k] = b - a
        if sa is not None:
            if sb[k] > sa[k]:
                sent_max[k] = sent_prob[sents.order[sa[k] : sb[k]]].max(0)
            continue
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
class ParagraphEncoder:
    """Per-technique logistic weights over a paragraph's sentence embedding and a Russian flag."""

    mean: np.ndarray  # (513,): the embedding's 512 dimensions, then the flag
    scale: np.ndarray
    weights: np.ndarray  # (n_labels, 513)
    bias: np.ndarray  # (n_labels,)
    active: np.ndarray  # (n_labels,) bool: labels with too few examples give 0

    @staticmethod
    def inputs(vectors: np.ndarray, lang: str | np.ndarray) -> np.ndarray:
        """(n, 513) the embeddings with the language flag appended."""
        ru = (np.asarray(lang) == "ru").astype(np.float32)
        return np.hstack([vectors, np.broadcast_to(ru, (len(vectors),))[:, None]])

    def logits(self, vectors: np.ndarray, lang: str | np.ndarray) -> np.ndarray:
        """(n, n_labels) the encoder feature of each paragraph (a clipped logit; 0 for inactive labels)."""
        z = ((self.inputs(vectors, lang) - self.mean) / self.scale) @ self.weights.T + self.bias
        return np.clip(np.where(self.active, z, 0.0), -ENCODER_CLIP, ENCODER_CLIP)

    def to_json(self) -> dict[str, Any]:
        """Plain lists for model.json."""
        return {"mean": np.round(self.mean, 6).tolist(), "scale": np.round(self.scale, 6).tolist(),
                "weights": np.round(self.weights, 6).tolist(), "bias": np.round(self.bias, 6).tolist(),
                "active": self.active.astype(bool).tolist()}

    @classmethod
    def from_json(cls, d: dict[str, Any], n_labels: int) -> "ParagraphEncoder":
        """Read `to_json` output; ValueError when the shapes do not fit `n_labels`."""
        arr = lambda k: np.asarray(d[k], dtype=float)  # noqa: E731
        enc = cls(arr("mean"), arr("scale"), arr("weights"), arr("bias"), np.asarray(d["active"], dtype=bool))
        D = enc.mean.shape[0] if enc.mean.ndim == 1 else -1
        if D < 2 or enc.scale.shape != (D,) or enc.weights.shape != (n_labels, D) or enc.bias.shape != (n_labels,) \
                or enc.active.shape != (n_labels,):
            raise ValueError("paragraph encoder arrays do not match the stage's labels")
        return enc


_WORD = re.compile(r"\w[\w'\u2019-]*")


def paragraph_word_vectors(text: str, lines: list[tuple[int, int]]) -> np.ndarray:
    """(n_lines, 512) unit-length means of the lines' word vectors (the encoder's subword embeddings
    averaged per word, hyphenated words by their parts; first ENCODER_CHARS characters each): what
    the sentence encoder adds to the stage at a small part of its cost (docs/quality_history.md)."""
    from .wordvec import PIECE_DIM, raw_vectors

    words = [_WORD.findall(text[s:e][:ENCODER_CHARS]) for s, e in lines]
    out = np.zeros((len(lines), PIECE_DIM), dtype=np.float32)
    flat = [w for ws in words for w in ws]
    if not flat:
        return out
    # One tokenizer call for the article's words not seen before (a word's vector does not depend
    # on the others); most were looked up by the token model a moment ago (wordvec.WORD_CACHE).
    found = raw_vectors(flat, parts=True)
    rows = np.stack([found[w] for w in flat])
    at = 0
    for k, ws in enumerate(words):
        if ws:
            v = rows[at : at + len(ws)].mean(0)
            n = float(np.linalg.norm(v))
            out[k] = v / n if n else v
            at += len(ws)
    return out


PARAGRAPH_VECTORS = ("words", "sentence")  # what an encoder stage may read of a paragraph (its meta "vectors")


def line_vectors(text: str, lines: list[tuple[int, int]], kind: str) -> np.ndarray:
    """The stage encoder's input for each line: "words" (mean word vectors) or "sentence" (the encoder)."""
    return paragraph_word_vectors(text, lines) if kind == "words" else paragraph_vectors(text, lines)


def paragraph_vectors(text: str, lines: list[tuple[int, int]]) -> np.ndarray:
    """(n_lines, 512) unit-length sentence embeddings of the lines (first ENCODER_CHARS characters each)."""
    from ..encoder import BATCH, encode_batch

    texts = [text[s:e][:ENCODER_CHARS] for s, e in lines]
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    return np.concatenate([encode_batch(texts[k:k + BATCH]) for k in range(0, len(texts), BATCH)])


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
    # "label": a line no span shows is marked only if its strongest token or sentence probability reaches this
    evidence_floor: dict[str, float] | None = None
    encoder: ParagraphEncoder | None = None  # with one, the last feature is its logit ("emb")

    @property
    def features(self) -> tuple[str, ...]:
        """The feature names its weights are over."""
        return ENCODED_FEATURES if self.encoder is not None else FEATURES

    def with_encoder(self, X: np.ndarray, text: str, lines: list[tuple[int, int]], lang: str) -> np.ndarray:
        """X with the encoder feature appended when the stage has an encoder (else X itself)."""
        if self.encoder is None:
            return X
        vectors = line_vectors(text, lines, self.meta.get("vectors", "sentence"))
        emb = self.encoder.logits(vectors, lang) if len(lines) else np.zeros((0, len(self.labels)))
        return np.concatenate([X, emb[..., None]], axis=-1)

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

    def evidence(self, X: np.ndarray) -> np.ndarray:
        """(n_lines, n_labels) the line's strongest token or sentence probability of each label."""
        tok, sent = X[..., FEATURES.index("tok_max")], X[..., FEATURES.index("sent_max")]
        return 1.0 / (1.0 + np.exp(-np.maximum(tok, sent)))

    def floor(self, lang: str) -> float:
        """The evidence floor of `lang` (0 for a stage fitted without one)."""
        table = self.evidence_floor or {}
        return float(table.get(lang, table.get("en", 0.0)))

    def to_json(self) -> dict[str, Any]:
        """The stage as plain lists for model.json."""
        out = {
            "features": list(self.features),
            "labels": self.labels,
            "mean": np.round(self.mean, 6).tolist(),
            "scale": np.round(self.scale, 6).tolist(),
            "weights": np.round(self.weights, 6).tolist(),
            "bias": np.round(self.bias, 6).tolist(),
            "active": self.active.astype(bool).tolist(),
            "thresholds": self.thresholds,
            "gate_thresholds": self.gate_thresholds or self.thresholds,
            "evidence_floor": self.evidence_floor or {},
            "meta": self.meta,
        }
        if self.encoder is not None:
            out["encoder"] = self.encoder.to_json()
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "ParagraphStage":
        """Read `to_json` output; ValueError when its features are not this version's."""
        features = ENCODED_FEATURES if d.get("encoder") else FEATURES
        if tuple(d.get("features", ())) != features:
            raise ValueError(f"paragraph stage features {d.get('features')} are not {list(features)}")
        arr = lambda k: np.asarray(d[k], dtype=float)  # noqa: E731
        stage = cls(list(d["labels"]), arr("mean"), arr("scale"), arr("weights"), arr("bias"),
                    np.asarray(d["active"], dtype=bool), {k: float(v) for k, v in d["thresholds"].items()},
                    dict(d.get("meta", {})),
                    {k: float(v) for k, v in d.get("gate_thresholds", d["thresholds"]).items()},
                    {k: float(v) for k, v in d.get("evidence_floor", {}).items()})
        if d.get("encoder"):
            stage.encoder = ParagraphEncoder.from_json(d["encoder"], len(stage.labels))
        L, F = len(stage.labels), len(features)
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
    a label no kept span shows gets a span of that label when its strongest token or sentence
    probability reaches the stage's evidence floor: the line's likeliest sentence for it (the stage
    says the paragraph uses the technique, not where; the sentence is the best guess).
    """
    found = [(m.label, m.start, m.end) for m in model_spans] + rules
    X = line_features(text, lines, sc.starts, sc.ends, sc.sentences, sc.token_prob, sc.sent_prob, sc.lang,
                      stage.labels, found, rules)
    X = stage.with_encoder(X, text, lines, sc.lang)
    keep = stage.decide(X, sc.lang, gate=not label_lines)
    col = {l: j for j, l in enumerate(stage.labels)}
    index = _Intervals(lines)

    def kept(label: str, s: int, e: int) -> bool:
        j = col.get(label)
        if j is None or not len(lines):
            return True
        over = index.overlapping(s, e)
        return not len(over) or bool(keep[over, j].any())

    if index.disjoint and model_spans and len(lines):
        # Lines holding the label, counted down the lines: a span's run of lines holds one when the count grows.
        held = np.vstack([np.zeros((1, keep.shape[1]), dtype=np.int64), np.cumsum(keep, axis=0)])
        a, b = index.ranges([m.start for m in model_spans], [m.end for m in model_spans])
        keep_model = [j is None or bb == aa or bool(held[bb, j] > held[aa, j])
                      for j, aa, bb in zip((col.get(m.label) for m in model_spans), a.tolist(), b.tolist())]
    else:
        keep_model = [kept(m.label, m.start, m.end) for m in model_spans]
    if not label_lines:
        return keep_model, []
    prob = stage.probabilities(X)
    shown = _in_lines(lines, [f for f, k in zip(found, keep_model + [True] * len(rules)) if k], col)
    # A line is marked only with some evidence of its own; the article's prior alone is not shown.
    backed = stage.evidence(X) >= stage.floor(sc.lang)
    marked = np.nonzero(keep & ~shown & backed)
    sents = _Intervals(sc.sentences) if len(marked[0]) else None
    added = []
    for k, j in zip(*marked):
        s, e = _likeliest_sentence(text, sc, sents, lines[k], j)
        added.append((stage.labels[j], s, e, float(prob[k, j])))
    return keep_model, added


def _likeliest_sentence(text: str, sc: "Scores", sents: _Intervals, line: tuple[int, int], j: int) -> tuple[int, int]:
    """The sentence of the line (clipped to it) scoring highest for label column j: its sentence
    probability or its strongest token's, whichever is higher; the whole line without sentences.

    The stage decides paragraphs; showing its likeliest sentence keeps the highlight as narrow as
    the evidence allows (paragraph scoring is the same, since the sentence lies inside the line)."""
    ls, le = line
    best, span = -1.0, line
    for k in sents.overlapping(ls, le):
        s, e = trim_space(text, max(sc.sentences[k][0], ls), min(sc.sentences[k][1], le))
        if e <= s:
            continue
        a, b = np.searchsorted(sc.ends, s, side="right"), np.searchsorted(sc.starts, e, side="left")
        score = max(float(sc.sent_prob[k, j]), float(sc.token_prob[a:b, j].max()) if b > a else 0.0)
        if score > best:
            best, span = score, (int(s), int(e))
    return span
