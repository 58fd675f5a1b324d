"""Scorers: SemEval-2020 Task 11 span metrics and SemEval-2023 Task 3 paragraph micro-F1.

Span metrics follow Da San Martino et al. (2019, 2020): with S the predicted and T the gold
spans of an article, C(s, t, h) = |s ∩ t| / h, and

    P = (1/|S|) Σ_{s∈S, t∈T} C(s, t, |s|)        R = (1/|T|) Σ_{s∈S, t∈T} C(s, t, |t|)

summed over all articles, F1 their harmonic mean. Span identification (SI) ignores labels
and, as the official SI scorer does, first merges overlapping spans of an article (gold and
predicted). The label-aware variant counts only pairs with the same label (gold as given;
overlapping predictions of one label are merged so a predictor cannot score one overlap twice).
Paragraph-level scoring (SemEval-2023 subtask 3) maps each predicted span to every article
line it overlaps and computes micro-F1 over (article, line, technique) triples for the lines
listed in the gold file, as the official scorer's MultiLabelBinarizer + f1_score(micro) does.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .formats import GoldArticle, line_spans, read_ptc, read_semeval23
from .taxonomy import PTC2020_LABELS, SEMEVAL2023_LABELS, to_ptc2020

Spans = dict[str, list[tuple[str, int, int]]]  # article id -> [(label, start, end)]
# predict_fn(text, article_id, language) -> records with label/start/end or (label, start, end)
PredictFn = Callable[[str, str, str], Iterable[Any]]


@dataclass(slots=True)
class PRF:
    """Precision, recall, F1 and the counts behind them."""

    precision: float
    recall: float
    f1: float
    n_pred: int = 0
    n_gold: int = 0

    @classmethod
    def of(cls, p_num: float, n_pred: int, r_num: float, n_gold: int) -> "PRF":
        """From numerators and denominators (0 when a denominator is 0)."""
        p = p_num / n_pred if n_pred else 0.0
        r = r_num / n_gold if n_gold else 0.0
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0, n_pred, n_gold)


def _row(name: str, m: PRF) -> str:
    return f"| {name} | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} | {m.n_gold} | {m.n_pred} |"


_HEAD = "| {} | P | R | F1 | gold | predicted |\n|---|---:|---:|---:|---:|---:|"


def _table(title: str, head: list[str], per_label: dict[str, PRF],
           other: SpanReport | ParagraphReport | None) -> str:
    """A report's table: header, its summary rows, one row per technique (most gold first),
    then the same predictions scored the other way (`other`'s table), if given."""
    rows = [_HEAD.format(title), *head]
    rows += [_row(k, v) for k, v in sorted(per_label.items(), key=lambda kv: -kv[1].n_gold)]
    if other is not None:
        rows += ["", other.table()]
    return "\n".join(rows)


@dataclass
class SpanReport:
    """SemEval-2020 Task 11 style span scores."""

    si: PRF
    labelled: PRF
    per_label: dict[str, PRF] = field(default_factory=dict)
    n_articles: int = 0
    paragraphs: "ParagraphReport | None" = None  # the same predictions scored per line

    def table(self) -> str:
        """Markdown table: SI, label-aware span F1, then one row per technique."""
        head = [_row("span identification", self.si), _row("label-aware spans", self.labelled)]
        return _table(f"spans ({self.n_articles} articles)", head, self.per_label, self.paragraphs)


@dataclass
class ParagraphReport:
    """SemEval-2023 Task 3 subtask 3 paragraph-level scores."""

    micro: PRF
    # Mean per-technique F1 over the techniques seen in gold or predictions (`per_label`).
    macro_f1: float = field(init=False)
    per_label: dict[str, PRF] = field(default_factory=dict)
    n_paragraphs: int = 0
    spans: SpanReport | None = None  # the same predictions scored as spans, when span gold is given

    def __post_init__(self) -> None:
        self.macro_f1 = sum(v.f1 for v in self.per_label.values()) / len(self.per_label) if self.per_label else 0.0

    def table(self) -> str:
        """Markdown table: micro and macro F1, then one row per technique."""
        head = [_row("micro", self.micro), f"| macro F1 | | | {self.macro_f1:.3f} | | |"]
        return _table(f"paragraphs ({self.n_paragraphs})", head, self.per_label, self.spans)


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of overlapping (start, end) ranges, sorted."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out if e > s]


def _pairs_sum(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[float, float]:
    """Σ |s∩t|/|s| and Σ |s∩t|/|t| over all pairs."""
    p = r = 0.0
    for s0, s1 in pred:
        for t0, t1 in gold:
            inter = min(s1, t1) - max(s0, t0)
            if inter > 0:
                p += inter / (s1 - s0)
                r += inter / (t1 - t0)
    return p, r


def span_scores(pred: Spans, gold: Spans, labels: Iterable[str] | None = None) -> SpanReport:
    """SI, label-aware and per-technique span P/R/F1 over the articles in `gold`."""
    ids = list(gold)
    # SI: label-free, overlapping spans merged on both sides.
    p_num = r_num = 0.0
    n_p = n_g = 0
    for aid in ids:
        ps = merge_spans((s, e) for _, s, e in pred.get(aid, []))
        gs = merge_spans((s, e) for _, s, e in gold[aid])
        a, b = _pairs_sum(ps, gs)
        p_num, r_num, n_p, n_g = p_num + a, r_num + b, n_p + len(ps), n_g + len(gs)
    si = PRF.of(p_num, n_p, r_num, n_g)
    names = set(labels) if labels is not None else {l for v in gold.values() for l, _, _ in v}
    per: dict[str, list[float]] = defaultdict(lambda: [0.0, 0, 0.0, 0])
    for aid in ids:
        for label in names:
            ps = merge_spans((s, e) for l, s, e in pred.get(aid, []) if l == label)
            gs = [(s, e) for l, s, e in gold[aid] if l == label and e > s]
            a, b = _pairs_sum(ps, gs)
            acc = per[label]
            acc[0] += a
            acc[1] += len(ps)
            acc[2] += b
            acc[3] += len(gs)
    per_label = {k: PRF.of(v[0], int(v[1]), v[2], int(v[3])) for k, v in per.items() if v[1] or v[3]}
    tot = [sum(v[i] for v in per.values()) for i in range(4)]
    labelled = PRF.of(tot[0], int(tot[1]), tot[2], int(tot[3]))
    return SpanReport(si, labelled, per_label, len(ids))


def paragraph_labels(text: str, spans: Iterable[tuple[str, int, int]]) -> dict[int, set[str]]:
    """1-based line number -> techniques of the spans overlapping that line."""
    lines = line_spans(text)
    out: dict[int, set[str]] = defaultdict(set)
    for label, s, e in spans:
        for i, (ls, le) in enumerate(lines):
            if s < max(le, ls + 1) and e > ls:
                out[i + 1].add(label)
    return out


def paragraph_scores(
    pred: dict[str, dict[int, set[str]]], gold: dict[str, dict[int, set[str]]], labels: Iterable[str]
) -> ParagraphReport:
    """Micro-F1 over (article, listed line, technique); macro-F1 over techniques seen in gold or predictions."""
    names = list(labels)
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    n = 0
    for aid, lines in gold.items():
        for line, g in lines.items():
            n += 1
            p = pred.get(aid, {}).get(line, set())
            for label in names:
                a, b = label in p, label in g
                tp[label] += a and b
                fp[label] += a and not b
                fn[label] += b and not a
    per = {k: PRF.of(tp[k], tp[k] + fp[k], tp[k], tp[k] + fn[k]) for k in names if tp[k] + fp[k] + fn[k]}
    T, P, G = sum(tp.values()), sum(tp[k] + fp[k] for k in names), sum(tp[k] + fn[k] for k in names)
    return ParagraphReport(PRF.of(T, P, T, G), per, n)


def _as_triples(records: Iterable[Any]) -> list[tuple[str, int, int]]:
    out = []
    for r in records:
        out.append((r.label, r.start, r.end) if hasattr(r, "label") else (r[0], int(r[1]), int(r[2])))
    return out


def predict_all(articles: list[GoldArticle], predict_fn: PredictFn) -> Spans:
    """Run a predictor over gold articles."""
    return {g.id: _as_triples(predict_fn(g.text, g.id, g.language)) for g in articles}


def score_ptc(articles: list[GoldArticle], pred: Spans, paragraphs: bool = False) -> SpanReport:
    """Span scores against PTC-2020 gold (PTC names); predictions renamed, 2023-only labels dropped.

    With `paragraphs`, the same predictions are also scored per non-blank line against line
    labels derived from the gold spans, as SemEval-2023 derived its paragraph labels.
    """
    gold = {g.id: [(l, s, e) for l, s, e in ((x.label, x.start, x.end) for x in g.spans)] for g in articles}
    mapped = {
        aid: [(to_ptc2020(l), s, e) for l, s, e in spans if to_ptc2020(l) is not None]
        for aid, spans in pred.items()
    }
    report = span_scores(mapped, gold, PTC2020_LABELS)  # type: ignore[arg-type]
    if paragraphs:
        gold_lines = {}
        for g in articles:
            derived = paragraph_labels(g.text, gold[g.id])
            listed = [i + 1 for i, (s, e) in enumerate(line_spans(g.text)) if g.text[s:e].strip()]
            gold_lines[g.id] = {n: derived.get(n, set()) for n in listed}
        pred_lines = {g.id: paragraph_labels(g.text, mapped.get(g.id, [])) for g in articles}
        report.paragraphs = paragraph_scores(pred_lines, gold_lines, PTC2020_LABELS)
    return report


def score_semeval23(articles: list[GoldArticle], pred: Spans) -> ParagraphReport:
    """Paragraph micro-F1 against SemEval-2023 gold; non-taxonomy labels (Scare_Quotes) dropped."""
    keep = set(SEMEVAL2023_LABELS)
    gold = {g.id: g.lines or {} for g in articles}
    plines = {
        g.id: paragraph_labels(g.text, [t for t in pred.get(g.id, []) if t[0] in keep]) for g in articles
    }
    return paragraph_scores(plines, gold, SEMEVAL2023_LABELS)


def evaluate_ptc(articles_dir: str | Path, labels: str | Path, predict_fn: PredictFn) -> SpanReport:
    """Score a predictor on PTC-2020 articles and TC labels (file or directory): spans, then lines."""
    articles = read_ptc(articles_dir, labels, normalise=False)
    return score_ptc(articles, predict_all(articles, predict_fn), paragraphs=True)


def evaluate_semeval23(
    articles_dir: str | Path,
    labels: str | Path,
    predict_fn: PredictFn,
    language: str | None = None,
    spans_dir: str | Path | None = None,
) -> ParagraphReport:
    """Score a predictor on SemEval-2023 subtask-3 paragraph labels (micro-F1); spans too when given."""
    articles = read_semeval23(articles_dir, labels, spans_dir, language=language)
    pred = predict_all(articles, predict_fn)
    report = score_semeval23(articles, pred)
    if spans_dir is not None:
        gold = {g.id: [(x.label, x.start, x.end) for x in g.spans] for g in articles}
        keep = set(SEMEVAL2023_LABELS)
        report.spans = span_scores({k: [t for t in v if t[0] in keep] for k, v in pred.items()}, gold, SEMEVAL2023_LABELS)
    return report
