"""`rashomon eval compare --format divergences`: run `compare` on each annotated unit of the
divergence dev set, score its conflicts (precision, recall, per language and kind), score the
stories it builds over whole corpora (pair precision, recall, F1, largest story), and fit the
confidence calibration from the tuning half.

Precision counts a conflict as right when it matches an annotated divergence or a pair an
annotator judged genuine when reviewing the tool's output (`judged` lines, pooled assessment);
recall is over the independent annotations only, so reviewing output cannot raise it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..model import Article
from .divergence_scores import DivergenceReport, Predicted, language_of, matches, score
from .divergences import Divergence, read_annotations, read_judged, split_of, unit_documents


@dataclass
class CompareEvaluation:
    """Everything one evaluation run measured."""

    split: str
    min_confidence: float
    units: int
    divergences: DivergenceReport
    stories: dict[str, dict[str, Any]] = field(default_factory=dict)
    candidates: list[Predicted] = field(default_factory=list)  # every conflict, any confidence

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready report."""
        return {"split": self.split, "min_confidence": self.min_confidence, "units": self.units,
                "conflicts": self.divergences.as_dict(), "stories": self.stories}

    def table(self) -> str:
        """A plain-text report."""
        d = self.divergences
        lines = [f"divergence dev set, split {self.split}: {self.units} units, conflicts at confidence >= {self.min_confidence}",
                 f"{'':14} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'gold':>5}"]
        rows = [("all", d.overall)] + [(f"lang {k}", v) for k, v in sorted(d.by_language.items())] + \
            [(f"kind {k}", v) for k, v in sorted(d.by_kind.items())]
        fmt = lambda x: "     -" if x is None else f"{x:6.3f}"  # noqa: E731
        for name, c in rows:
            lines.append(f"{name:14} {fmt(c.precision)} {fmt(c.recall)} {fmt(c.f1)} {c.n_pred:5d} {c.n_gold:5d}")
        lines.append(f"kind agreement on matched conflicts: {d.kind_agreement:.3f}")
        for name, s in self.stories.items():
            lines.append(f"stories {name:10} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} "
                         f"largest {s['largest']} (gold largest {s['gold_largest']})")
        return "\n".join(lines)


def predict_unit(unit: str, articles: list[Article], *, options: Any = None) -> list[Predicted]:
    """Every conflict `compare` finds among a unit's articles (any confidence), as scored objects."""
    from ..compare import compare_articles

    result = compare_articles(articles, min_confidence=0.0, options=options)
    doc_of = {a.id: a.source for a in articles}
    out = []
    for c in result.conflicts:
        p = Predicted(unit, c.kind, c.confidence, [(doc_of[x.article], x.start, x.end) for x in c.positions])
        p.features = dict(c.features)  # type: ignore[attr-defined]
        out.append(p)
    return out


def evaluate_compare(data: Path, annotations: Path, *, split: str = "test", min_confidence: float = 0.5,
                     jobs: int = 1, stories: bool = True, options: Any = None, only: list[str] | None = None,
                     on_progress: Callable[[str], None] | None = None) -> CompareEvaluation:
    """Run and score `compare` on the annotated units of `split` ('tune', 'test' or 'all'),
    or only on the units listed in `only`."""
    from .stories import basil_gold, dev_articles, group_documents, score_stories, tg_gold

    units, gold = read_annotations(annotations)
    chosen = [u for u in units if (split == "all" or split_of(u) == split) and (not only or u in only)]
    say = on_progress or (lambda _msg: None)
    sp = None if split == "all" else split
    golds = {"basil": basil_gold(data, sp), "tgcontest": tg_gold(data, sp)} if stories else {}
    need = list(dict.fromkeys(chosen + [u for g in golds.values() for u in _units_of(g.docs)]))
    say(f"analysing the articles of {len(need)} units")
    # Each document is analysed once, for the conflicts and the stories alike.
    arts = {a.source: a for a in dev_articles(data, need, jobs=jobs)}
    candidates: list[Predicted] = []
    for unit in chosen:
        members = [arts[d.id] for d in unit_documents(data, unit) if d.id in arts]
        if len(members) >= 2:
            candidates += predict_unit(unit, members, options=options)
    shown = [p for p in candidates if p.confidence >= min_confidence]
    judged = read_judged(annotations)
    report = score(chosen, shown, gold)
    _pool(report, judged)
    result = CompareEvaluation(split, min_confidence, len(chosen), report, candidates=candidates)
    for name, g in golds.items():
        say(f"clustering the {name} articles into stories")
        docs = [arts[d] for d in g.docs if d in arts]
        result.stories[name] = score_stories(group_documents(docs), g).as_dict()
    return result


def _units_of(docs: list[str]) -> list[str]:
    """The unit ids holding these documents (`basil/y/t_n` -> `basil/y/t`, `tg/l/side` -> `tg/l`)."""
    out = []
    for d in docs:
        unit = d.rsplit("_", 1)[0] if d.startswith("basil/") else d.rsplit("/", 1)[0]
        if unit not in out:
            out.append(unit)
    return out


def _pool(report: DivergenceReport, judged: list[Divergence]) -> None:
    """Count as right the shown conflicts a reviewer judged genuine (precision only)."""
    for k, (p, hit) in enumerate(report.matches):
        if hit is None:
            extra = next((g for g in judged if matches(p, g)), None)
            if extra is not None:
                report.matches[k] = (p, extra)
                for counts in (report.overall, report.by_language[language_of(p.unit)], report.by_kind[p.kind]):
                    counts.matched_pred += 1


def calibration_samples(evaluation: CompareEvaluation, annotations: Path) -> list[tuple[str, dict[str, float], bool]]:
    """(kind, features, genuine) for every candidate conflict of the evaluated split."""
    _units, gold = read_annotations(annotations)
    judged = read_judged(annotations)
    out = []
    for p in evaluation.candidates:
        ok = any(matches(p, g) for g in gold if g.unit == p.unit) or any(matches(p, g) for g in judged)
        out.append((p.kind, getattr(p, "features", {}), ok))
    return out
