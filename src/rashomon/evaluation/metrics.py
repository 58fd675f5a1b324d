"""Precision/recall/F1 over spans: one-to-one overlap matching, exact matching, token sets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

Spans = Sequence[tuple[int, int]]
_TOKEN = re.compile(r"\w+")


@dataclass
class PRF:
    """Counts behind precision, recall and F1 (predicted-side and gold-side matches may differ)."""

    matched_pred: float = 0.0
    matched_gold: float = 0.0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, other: "PRF") -> None:
        """Accumulate another document's counts."""
        self.matched_pred += other.matched_pred
        self.matched_gold += other.matched_gold
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    @property
    def precision(self) -> float:
        """Matched predictions over predictions."""
        return self.matched_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """Matched gold items over gold items."""
        return self.matched_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Rounded figures plus counts, for JSON output."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "n_pred": self.n_pred, "n_gold": self.n_gold}


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters shared by two spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_one_to_one(pred: Spans, gold: Spans, same: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, largest overlap first, among pairs for which `same(i, j)` holds."""
    cands = sorted(
        ((overlap(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if same(i, j)),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def tokens_of(text: str, spans: Spans) -> set[int]:
    """Start offsets of the word tokens lying inside any of the spans."""
    out = set()
    for s, e in spans:
        for m in _TOKEN.finditer(text, s, e):
            out.add(m.start())
    return out


def token_prf(text: str, pred: Spans, gold: Spans) -> PRF:
    """Token-level counts: predicted word tokens against gold word tokens."""
    p, g = tokens_of(text, pred), tokens_of(text, gold)
    both = len(p & g)
    return PRF(both, both, len(p), len(g))


_EDGE = " \t\r\n.,;:!?\"'“”«»„‘’()[]—–-"


def normalise_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Strip whitespace, punctuation and quote marks at both edges (conventions differ on them)."""
    s, e = span
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return s, e
