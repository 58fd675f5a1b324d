"""`rashomon eval compare --format divergences`: run `compare` on each annotated unit of the
divergence dev set, score its conflicts (precision, recall, per language and kind), score the
stories it builds over whole corpora (pair precision, recall, F1, largest story), and fit the
confidence calibration from the tuning half.

Precision counts a conflict as right when it matches an annotated divergence or a pair an
annotator judged genuine when reviewing the tool's output (`judged` lines, pooled assessment);
recall is over the independent annotations only, so reviewing output cannot raise it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

from ..errors import RashomonError
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
    # --oracle: per candidate generator, per language, [gold reachable, gold, claim pairs made]
    oracle: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready report."""
        out = {"split": self.split, "min_confidence": self.min_confidence, "units": self.units,
               "conflicts": self.divergences.as_dict(), "stories": self.stories}
        if self.oracle:
            out["oracle"] = {name: {lang: {"reachable": h, "gold": g, "pairs": n} for lang, (h, g, n) in langs.items()}
                             for name, langs in self.oracle.items()}
        return out

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
        for name, langs in self.oracle.items():
            h, g, n = (sum(v[i] for v in langs.values()) for i in range(3))
            per = ", ".join(f"{lang} {v[0]}/{v[1]}" for lang, v in sorted(langs.items()))
            lines.append(f"oracle {name:12} reaches {h}/{g} gold ({h / g if g else 0:.2f}; {per}) with {n} claim pairs")
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
                     on_progress: Callable[[str], None] | None = None, oracle: bool = False) -> CompareEvaluation:
    """Run and score `compare` on the annotated units of `split` ('tune', 'test' or 'all'),
    or only on the units listed in `only`; with `oracle`, also measure how many annotated
    divergences each candidate generator could reach at all (`oracle_recall`)."""
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
    if oracle:
        say("measuring the candidate generators' reach")
        for unit in chosen:
            members = [arts[d.id] for d in unit_documents(data, unit) if d.id in arts]
            if len(members) >= 2:
                lang = language_of(unit)
                for name, (h, g, n) in oracle_recall(members, [x for x in gold if x.unit == unit]).items():
                    row = result.oracle.setdefault(name, {}).setdefault(lang, [0, 0, 0])
                    row[0], row[1], row[2] = row[0] + h, row[1] + g, row[2] + n
    for name, g in golds.items():
        say(f"clustering the {name} articles into stories")
        docs = [arts[d] for d in g.docs if d in arts]
        result.stories[name] = score_stories(group_documents(docs), g).as_dict()
    return result


ORACLE_NEIGHBOURS = (10, 20)


def neighbour_pairs(units: list[Any], vecs: np.ndarray, k: int) -> list[tuple[int, int]]:
    """Each claim with its k most similar claims of other sources (encoder cosine): a blocked
    generator whose size grows linearly with the claims, k per claim."""
    from ..compare.detect import _different_sources

    out: set[tuple[int, int]] = set()
    sims = vecs @ vecs.T
    for a in range(len(units)):
        taken = 0
        for b in np.argsort(-sims[a], kind="stable").tolist():
            if taken >= k:
                break
            if b != a and _different_sources(units[a], units[b]):
                out.add((min(a, b), max(a, b)))
                taken += 1
    return sorted(out)


def reachable(units: list[Any], pairs: list[tuple[int, int]], gold: list[Divergence], doc_of: dict[str, str]) -> int:
    """How many gold divergences some pair reaches: each gold span inside one claim of the pair
    (overlap, as scoring counts it), in either order. An upper bound on a generator's recall."""

    def covers(u: Any, side: Any) -> bool:
        return doc_of[u.article] == side.doc and u.claim.start < side.end and side.start < u.claim.end

    hits = 0
    for g in gold:
        hits += any((covers(units[a], g.a) and covers(units[b], g.b)) or (covers(units[a], g.b) and covers(units[b], g.a))
                    for a, b in pairs)
    return hits


def oracle_recall(members: list[Article], gold: list[Divergence]) -> dict[str, tuple[int, int, int]]:
    """(gold reachable, gold, claim pairs) of one unit for today's generator (the aligned pairs and
    rebuttal pairs `detect` reads), every pair of claims of different sources, and the k nearest
    claims of other sources (k in ORACLE_NEIGHBOURS). The unit is taken as one story."""
    from ..compare import _clusters
    from ..compare.detect import _different_sources, aligned_pairs
    from ..compare.embed import Embedder
    from ..compare.rebuttal import find_rebuttals, rebuttal_pairs
    from ..compare.units import build_units

    clusters = _clusters(members)
    cluster_of = {m: c.id for c in clusters for m in c.members}
    units = build_units(members, cluster_of, {c.id: c.type for c in clusters})
    embed = Embedder()
    vecs = embed([u.claim.text for u in units])
    rebuttals = find_rebuttals(units, members, cluster_of)
    today = {(a, b) for a, b, _sim in aligned_pairs(units, vecs)}
    if rebuttals:
        restated = embed([r.restatement for r in rebuttals])
        today |= {(min(j, r.unit), max(j, r.unit)) for j, r, _s, _a in rebuttal_pairs(units, vecs, rebuttals, restated)}
    gens = {"today": sorted(today),
            "all-sources": [(a, b) for a in range(len(units)) for b in range(a + 1, len(units))
                            if _different_sources(units[a], units[b])]}
    for k in ORACLE_NEIGHBOURS:
        gens[f"nearest-{k}"] = neighbour_pairs(units, vecs, k)
    doc_of = {a.id: a.source for a in members}
    return {name: (reachable(units, pairs, gold, doc_of), len(gold), len(pairs)) for name, pairs in gens.items()}


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


def read_samples(path: Path) -> list[tuple[str, dict[str, float], bool]]:
    """(kind, features, genuine) of judged candidates from a JSON-lines file (one object per line
    with "kind", "features" and "genuine"; `benchmarks/compare_fresh.py --samples` writes one)."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            out.append((str(rec["kind"]), {k: float(v) for k, v in rec["features"].items()}, bool(rec["genuine"])))
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            raise RashomonError("E007", path=path, line=n, detail=f"not a judged sample ({err})") from None
    return out


def calibration_samples(evaluation: CompareEvaluation, annotations: Path) -> list[tuple[str, dict[str, float], bool]]:
    """(kind, features, genuine) for every candidate conflict of the evaluated split."""
    _units, gold = read_annotations(annotations)
    judged = read_judged(annotations)
    out = []
    for p in evaluation.candidates:
        ok = any(matches(p, g) for g in gold if g.unit == p.unit) or any(matches(p, g) for g in judged)
        out.append((p.kind, getattr(p, "features", {}), ok))
    return out
