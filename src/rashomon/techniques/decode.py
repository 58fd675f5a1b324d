"""Turn model probabilities into technique spans with an explanation naming the evidence.

Token runs above a technique's token threshold become spans; a run grows over its
neighbours while they score at least `run_extend` times the threshold (hysteresis: the model
finds the core of a phrase, annotators mark the whole phrase). A sentence above the
sentence threshold with no such run yields one span too: the whole sentence for argument-
like techniques (Doubt, Causal_Oversimplification, ...), or for phrase-like ones
(Loaded_Language, ...) its best-scoring content word with the neighbours scoring at least half
as much, so the span stays checkable.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from ..lang import load_list
from ..quotes.marks import DOUBLE_MARKS
from .features import VEC_OFFSETS
from .model import SENT_BLOCKS, TOKEN_BLOCKS, Scores, TechniqueModel
from .taxonomy import PARAGRAPH_EXPLANATION, PHRASE_LABELS

MAX_RUN_TOKENS = 12  # a phrase-like span longer than this is not a phrase any more
NEVER = 1.01  # threshold of a technique the model should not emit
MIN_WORD_LEN = 3  # a token run needs one word at least this long
_OPENING = "«“„"  # opening quote marks; "”»" close, a straight '"' does either


@dataclass(slots=True)
class ModelSpan:
    """A span the model proposes, before it becomes a `Technique`."""

    label: str
    start: int
    end: int
    score: float
    source: str  # "token" or "sentence"
    token: int  # index of the strongest token (token runs) or sentence number


def decode(model: TechniqueModel, sc: Scores, thresholds: dict | None = None) -> list[ModelSpan]:
    """Spans for every label whose token or sentence probability passes its threshold."""
    th = thresholds or model.thresholds
    tok_th = th["token"].get(sc.lang) or th["token"].get("en", {})
    sent_th = th["sentence"].get(sc.lang) or th["sentence"].get("en", {})
    extend = run_extend(model)
    out: list[ModelSpan] = []
    for j, label in enumerate(model.labels):
        out += label_spans(sc, j, label, tok_th.get(label, NEVER), sent_th.get(label, NEVER), extend)
    return out


def run_extend(model: TechniqueModel) -> float:
    """The model's run-growing factor; 1.0 (no growth) for models trained before it existed."""
    return float(model.meta.get("run_extend", 1.0))


def label_spans(
    sc: Scores, j: int, label: str, t_tok: float, t_sent: float, extend: float = 1.0
) -> list[ModelSpan]:
    """Spans of one label (column j) at the given token and sentence thresholds.

    A token run is every stretch scoring at least `extend` x t_tok that holds one token at t_tok.
    """
    out: list[ModelSpan] = []
    covered: set[int] = set()
    if t_tok < 1 and len(sc.words):
        tp = sc.token_prob[:, j]
        for a, b in _runs(tp >= extend * t_tok, sc.sent_of):
            if tp[a:b].max() < t_tok:
                continue  # only weak neighbours: no core above the threshold
            a, b = _trim(sc.words, tp, a, b, t_tok, sc.lang)
            # The evidence is the core: "for them", a lone preposition or punctuation is never a
            # technique by itself, and growing it over a weak noun ("в" -> "в Вене") does not make it one.
            core = [w for w, q in zip(sc.words[a:b], tp[a:b]) if q >= t_tok]
            if not core or max(len(w) for w in core) < MIN_WORD_LEN or not _has_content(core, sc.lang):
                continue
            best = a + int(np.argmax(tp[a:b]))
            out.append(ModelSpan(label, int(sc.starts[a]), int(sc.ends[b - 1]), float(tp[best]), "token", best))
            covered.add(int(sc.sent_of[a]))
    if t_sent >= 1:
        return out
    for si in np.flatnonzero(sc.sent_prob[:, j] >= t_sent):
        if si in covered:
            continue
        idx = np.flatnonzero(sc.sent_of == si)
        if not len(idx):
            continue
        p = float(sc.sent_prob[si, j])
        if label in PHRASE_LABELS:
            # The strongest content word and its neighbours: never a lone "a", "is" or "”".
            words = [sc.words[i] for i in idx]
            sp = sc.token_prob[idx, j]
            content = np.asarray([_has_content([w], sc.lang) for w in words])
            if not content.any():
                continue
            a, b = _best_run(sp, int(np.argmax(np.where(content, sp, -1.0))))
            a, b = _trim(words, sp, a, b, float(sp[a:b].max()), sc.lang)
            out.append(ModelSpan(label, int(sc.starts[idx[a]]), int(sc.ends[idx[b - 1]]), p, "sentence", int(si)))
        else:
            s, e = sc.sentences[si]
            out.append(ModelSpan(label, s, e, p, "sentence", int(si)))
    return out


def _trim(words: list[str], p: np.ndarray, a: int, b: int, t: float, lang: str) -> tuple[int, int]:
    """Drop grown edge tokens (below t): punctuation at either end, function words at the end.

    "hide mountains of" -> "hide mountains"; a leading article stays ("the malicious"), as
    annotators mark it too; so does a quote mark the span opens or closes. Core tokens (at t)
    are never dropped.
    """
    function = _function_words(lang)
    while a < b and p[a] < t and not _is_word(words[a]) and not _balances(words[a], words[a + 1 : b]):
        a += 1
    while b > a and p[b - 1] < t and (not _is_word(words[b - 1]) or words[b - 1].lower() in function):
        if _balances(words[b - 1], words[a : b - 1]):
            break  # the closing mark of a quote the span opens: “Euro-putschists”
        b -= 1
    return _whole_quotation(words, a, b)


def _whole_quotation(words: list[str], a: int, b: int) -> tuple[int, int]:
    """Never half a quotation: a span with an unclosed «/“ takes the closing mark right after it
    («очередной сказкой режима» whole), one with an unopened »/” the opening mark right before;
    else a stray mark at an edge goes."""
    marks = [c for w in words[a:b] for c in w if c in DOUBLE_MARKS]
    if len(marks) % 2 == 0:
        return a, b
    if marks[-1] in _OPENING and b < len(words) and _is_mark(words[b]) and words[b][0] not in _OPENING:
        return a, b + 1
    if marks[0] not in _OPENING and a > 0 and _is_mark(words[a - 1]) and words[a - 1][-1] in _OPENING + '"':
        return a - 1, b
    if _is_mark(words[a]) and b - a > 1:
        return a + 1, b
    if _is_mark(words[b - 1]) and b - a > 1:
        return a, b - 1
    return a, b


def _is_mark(w: str) -> bool:
    return bool(w) and all(c in DOUBLE_MARKS for c in w)


def _balances(edge: str, inner: list[str]) -> bool:
    """True when `edge` is a quote mark and the rest of the span has an odd number of them."""
    if not edge or any(c not in DOUBLE_MARKS for c in edge):
        return False
    return sum(c in DOUBLE_MARKS for w in inner for c in w) % 2 == 1


def _is_word(w: str) -> bool:
    """True when the token holds a letter (not punctuation, digits or a quote mark)."""
    return any(c.isalpha() for c in w)


def _has_content(words: list[str], lang: str) -> bool:
    """True when some word is neither punctuation nor a function word of `lang` (lang/<code>/function_words.txt)."""
    function = _function_words(lang)
    return any(_is_word(w) and w.lower() not in function for w in words)


@lru_cache(maxsize=None)
def _function_words(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_list(lang, "function_words"))


def _runs(on: np.ndarray, sent_of: np.ndarray) -> list[tuple[int, int]]:
    """Maximal runs of True that stay inside one sentence, cut every MAX_RUN_TOKENS."""
    idx = np.flatnonzero(on)
    if not len(idx):
        return []
    cuts = np.flatnonzero((np.diff(idx) != 1) | (np.diff(sent_of[idx]) != 0)) + 1
    runs = []
    for a, b in zip(np.r_[0, cuts], np.r_[cuts, len(idx)]):
        i, j = int(idx[a]), int(idx[b - 1]) + 1
        while j - i > MAX_RUN_TOKENS:
            runs.append((i, i + MAX_RUN_TOKENS))
            i += MAX_RUN_TOKENS
        runs.append((i, j))
    return runs


def _best_run(p: np.ndarray, best: int | None = None) -> tuple[int, int]:
    """The strongest token (or `best`) and its neighbours scoring at least half as much."""
    best = int(np.argmax(p)) if best is None else best
    a = b = best
    while a > 0 and p[a - 1] >= p[best] / 2 and b - a < MAX_RUN_TOKENS:
        a -= 1
    while b + 1 < len(p) and p[b + 1] >= p[best] / 2 and b - a < MAX_RUN_TOKENS:
        b += 1
    return a, b + 1


def top_features(model: TechniqueModel, sc: Scores, span: ModelSpan, k: int = 3) -> list[tuple[str, float]]:
    """The k features pushing this span's decision up most, with their weights."""
    j = model.labels.index(span.label)
    # (weight, how to name it): names are built only for the few that can make the top k.
    contrib: list[tuple[float, tuple[Any, ...]]] = []
    # Only positive weights can be shown, and they sort before every other: naming the rest is waste.
    if span.source == "token":
        for block, (kind, offsets) in TOKEN_BLOCKS.items():
            w = model.weights[block]
            unknown = w.shape[0] - 1
            arr = getattr(sc.ids, kind)
            for o, off in enumerate(offsets):
                t = span.token + off  # what `shifted(arr, off, unknown)[span.token]` reads, without the array
                row = int(arr[t]) if 0 <= t < len(arr) else unknown
                if row != unknown:
                    weight = float(w[row, o, j])
                    if weight > 0:
                        contrib.append((weight, (block, row, off)))
        if sc.vectors is not None and sc.vectors.shape[1]:
            # One contribution per window word: "≈regime@-1" reads "a word like 'regime' before it".
            dims, v = sc.vectors.shape[1], model.weights["tok_vec"]
            for o, off in enumerate(VEC_OFFSETS):
                t = span.token + off
                if 0 <= t < len(sc.words):
                    w = float(sc.vectors[t] @ v[o * dims : (o + 1) * dims, j])
                    contrib.append((w, ("≈", t, off)))
        if sc.ids.misc is not None:
            mt, mf = sc.ids.misc
            for f in set(mf[mt == span.token].tolist()):
                contrib.append((float(model.weights["tok_misc"][f, j]), ("tok_misc", f, None)))
    else:
        idx = np.flatnonzero(sc.sent_of == span.token)
        for block, kind in SENT_BLOCKS.items():
            w = model.weights[block]
            unknown = w.shape[0] - 1
            for row in set(getattr(sc.ids, kind)[idx].tolist()):
                if row != unknown and w[row, j] > 0:
                    contrib.append((float(w[row, j]), (block, row, None)))
        if sc.ids.misc is not None:
            mt, mf = sc.ids.misc
            for f in set(mf[np.isin(mt, idx)].tolist()):
                contrib.append((float(model.weights["sent_misc"][f, j]), ("sent_misc", f, None)))

    def name(how: tuple[Any, ...]) -> str:
        block, row, off = how
        if block == "≈":
            return f"≈{sc.words[row]}" + (f"@{off:+d}" if off else "")
        return model.feature_name(block, row, off)

    # Ties at the k-th weight are named too: ties sort by name, as they always have.
    cut = sorted((weight for weight, _ in contrib), reverse=True)[k - 1] if len(contrib) >= k else float("-inf")
    named = sorted(((weight, name(how)) for weight, how in contrib if weight >= cut), reverse=True)
    return [(n, weight) for weight, n in named[:k] if weight > 0]


def explain(model: TechniqueModel, sc: Scores, span: ModelSpan) -> str:
    """'model (sentence): 0.71; top features 'regime' +1.20, ...' — checkable against the text."""
    feats = ", ".join(f"'{name}' {weight:+.2f}" for name, weight in top_features(model, sc, span))
    where = "words" if span.source == "token" else "sentence"
    return f"model ({where}): {span.score:.2f}" + (f"; top features {feats}" if feats else "")


def explain_paragraph(sc: Scores, labels: list[str], line: tuple[str, int, int, float]) -> str:
    """'paragraph stage: 0.34 that this paragraph uses it, likeliest sentence shown; strongest word
    'regime' (0.21)' for a (label, start, end, probability) the paragraph stage added; the word is a
    content word of the span."""
    label, start, end, p = line
    j = labels.index(label)
    a, b = np.searchsorted(sc.ends, start, side="right"), np.searchsorted(sc.starts, end, side="left")
    why = f"{PARAGRAPH_EXPLANATION}{p:.2f} that this paragraph uses it, likeliest sentence shown"
    content = [k for k in range(a, b) if _has_content([sc.words[k]], sc.lang)]
    if content:
        k = max(content, key=lambda i: sc.token_prob[i, j])
        why += f"; strongest word '{sc.words[k]}' ({sc.token_prob[k, j]:.2f})"
    return why
