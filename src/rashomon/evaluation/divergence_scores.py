"""Score `compare` against the divergence dev set: conflict precision and recall (overall,
per language, per kind), by span overlap with the gold positions.

A predicted conflict matches a gold divergence of its unit when its two positions lie in the
gold's two documents (in either order) and each position's span overlaps the gold span on its
side. Precision counts predicted conflicts that match some gold divergence; recall counts gold
divergences matched by some prediction. Kind is not required to match (it is reported apart:
`kind_agreement` is the share of matched predictions whose kind equals the gold kind, with the
gold `attribution`/`origin`/... names mapped onto compare's kinds).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .divergences import Divergence, Side
from .metrics import PRF


@dataclass
class Predicted:
    """One conflict as scored: kind, confidence and its positions as (document id, start, end)."""

    unit: str
    kind: str
    confidence: float
    positions: list[tuple[str, int, int]]


@dataclass
class Counts(PRF):
    """Matched / total for precision and recall; a rate with nothing to divide by is None (undefined)."""

    @property
    def precision(self) -> float | None:  # type: ignore[override]
        """Matched predictions / predictions (None when nothing was predicted: undefined)."""
        return super().precision if self.n_pred else None

    @property
    def recall(self) -> float | None:  # type: ignore[override]
        """Matched gold divergences / gold divergences (None when there is no gold)."""
        return super().recall if self.n_gold else None

    @property
    def f1(self) -> float | None:  # type: ignore[override]
        """Harmonic mean of precision and recall (None when either is undefined)."""
        return super().f1 if self.n_pred and self.n_gold else None

    def as_dict(self) -> dict[str, float | int | None]:  # type: ignore[override]
        """Counts and rates, rounded (None where undefined)."""
        rnd = lambda x: None if x is None else round(x, 3)  # noqa: E731
        return {"precision": rnd(self.precision), "recall": rnd(self.recall), "f1": rnd(self.f1),
                "predicted": self.n_pred, "predicted_matched": int(self.matched_pred), "gold": self.n_gold,
                "gold_matched": int(self.matched_gold)}


@dataclass
class DivergenceReport:
    """Scores overall, by language (en/ru) and by kind (gold kind for recall, predicted for precision)."""

    overall: Counts = field(default_factory=Counts)
    by_language: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_kind: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    kind_agreement: float = 0.0
    matches: list[tuple[Predicted, Divergence | None]] = field(default_factory=list)

    def as_dict(self) -> dict:
        """JSON-ready report."""
        return {"overall": self.overall.as_dict(),
                "by_language": {k: v.as_dict() for k, v in sorted(self.by_language.items())},
                "by_kind": {k: v.as_dict() for k, v in sorted(self.by_kind.items())},
                "kind_agreement": round(self.kind_agreement, 3)}


def _overlaps(side: Side, pos: tuple[str, int, int]) -> bool:
    doc, s, e = pos
    return doc == side.doc and s < side.end and side.start < e


def matches(pred: Predicted, gold: Divergence) -> bool:
    """Whether a predicted conflict points at both sides of a gold divergence."""
    if pred.unit != gold.unit or len(pred.positions) < 2:
        return False
    p, q = pred.positions[0], pred.positions[1]
    return (_overlaps(gold.a, p) and _overlaps(gold.b, q)) or (_overlaps(gold.a, q) and _overlaps(gold.b, p))


def language_of(unit: str) -> str:
    """'ru' for tgcontest and SemEval-2023 ru units, 'en' for BASIL (and SemEval en)."""
    return "ru" if unit.startswith(("tg/", "semeval/ru/")) else "en"


def score(units: list[str], predicted: list[Predicted], gold: list[Divergence]) -> DivergenceReport:
    """Precision/recall of `predicted` against `gold`, over the given units only."""
    keep = set(units)
    predicted = [p for p in predicted if p.unit in keep]
    gold = [g for g in gold if g.unit in keep]
    by_unit: dict[str, list[Divergence]] = defaultdict(list)
    for g in gold:
        by_unit[g.unit].append(g)
    report = DivergenceReport()
    gold_hit: set[int] = set()
    same_kind = matched = 0
    for p in predicted:
        hit = next((g for g in by_unit[p.unit] if matches(p, g)), None)
        report.matches.append((p, hit))
        for counts in (report.overall, report.by_language[language_of(p.unit)], report.by_kind[p.kind]):
            counts.n_pred += 1
            counts.matched_pred += hit is not None
        if hit is not None:
            matched += 1
            same_kind += hit.kind == p.kind
    for g in gold:
        hit = any(matches(p, g) for p in predicted if p.unit == g.unit)
        if hit:
            gold_hit.add(id(g))
        for counts in (report.overall, report.by_language[language_of(g.unit)], report.by_kind[g.kind]):
            counts.n_gold += 1
            counts.matched_gold += hit
    report.kind_agreement = same_kind / matched if matched else 0.0
    return report
