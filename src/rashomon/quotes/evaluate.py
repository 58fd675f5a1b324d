"""`rashomon eval quotes`: content (overlap, exact), content+source, cue, and token-level F1
against brat attribution annotations (PolNeAR layout)."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..evaluation.brat import GoldDocument, read_brat_dir
from ..evaluation.metrics import PRF, match_one_to_one, normalise_span, overlap, token_prf
from ..model import Quote, Span

METRICS = ("content_overlap", "content_exact", "content_source", "cue", "content_tokens", "source_tokens")


@dataclass
class QuoteScores:
    """Micro-averaged scores over documents."""

    docs: int = 0
    scores: dict[str, PRF] = field(default_factory=lambda: {m: PRF() for m in METRICS})

    def table(self) -> str:
        """A fixed-width text table."""
        lines = [f"{'metric':<18}{'P':>8}{'R':>8}{'F1':>8}{'pred':>8}{'gold':>8}"]
        for name in METRICS:
            s = self.scores[name]
            lines.append(f"{name:<18}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.n_pred:>8}{s.n_gold:>8}")
        lines.append(f"documents: {self.docs}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready figures."""
        return {"documents": self.docs, **{m: self.scores[m].as_dict() for m in METRICS}}


def split_of(name: str, folds: int = 5) -> str:
    """A stable dev/rest split by file name: about one document in `folds` is dev."""
    return "dev" if zlib.crc32(name.encode("utf-8")) % folds == 0 else "rest"


def merge_by_cue(quotes: list[Quote]) -> list[Quote]:
    """One attribution per cue: “A,” he said. “B.” is one relation with two content fragments,
    as brat gold has it; merged content runs from the first fragment to the last."""
    groups: dict[object, list[Quote]] = {}
    for q in quotes:
        key = (q.cue.start, q.cue.end) if q.cue is not None else id(q)
        groups.setdefault(key, []).append(q)
    out = []
    for group in groups.values():
        first = group[0]
        if len(group) == 1:
            out.append(first)
            continue
        start = min(q.content.start for q in group)
        end = max(q.content.end for q in group)
        speaker = next((q.speaker for q in group if q.speaker is not None), None)
        out.append(Quote(first.id, first.kind, Span(start, end, ""), first.cue, speaker, first.speaker_name,
                         first.speaker_entity, first.parent))
    return out


def score_document(text: str, quotes: list[Quote], gold: GoldDocument) -> dict[str, PRF]:
    """All metrics for one document (predicted quotes sharing a cue count as one attribution)."""
    # Content tokens are counted over each predicted fragment, as over gold's fragments: the
    # author's remark between “A,” he said. “B.” is in neither.
    fragments = [(q.content.start, q.content.end) for q in quotes]
    quotes = merge_by_cue(quotes)
    pred_c = [(q.content.start, q.content.end) for q in quotes]
    gold_c = [(min(s for s, _ in g.content), max(e for _, e in g.content)) for g in gold.attributions]
    out: dict[str, PRF] = {}

    pairs = match_one_to_one(pred_c, gold_c, lambda i, j: overlap(pred_c[i], gold_c[j]) > 0)
    out["content_overlap"] = PRF(len(pairs), len(pairs), len(pred_c), len(gold_c))

    norm_p = [normalise_span(text, s) for s in pred_c]
    norm_g = [normalise_span(text, s) for s in gold_c]
    exact = match_one_to_one(norm_p, norm_g, lambda i, j: norm_p[i] == norm_g[j])
    out["content_exact"] = PRF(len(exact), len(exact), len(pred_c), len(gold_c))

    def with_source(i: int, j: int) -> bool:
        sp = quotes[i].speaker
        return (overlap(pred_c[i], gold_c[j]) > 0 and sp is not None
                and any(overlap((sp.start, sp.end), g) > 0 for g in gold.attributions[j].source))

    both = match_one_to_one(pred_c, gold_c, with_source)
    out["content_source"] = PRF(len(both), len(both), len(pred_c), len(gold_c))

    pred_cue = [(q.cue.start, q.cue.end) for q in quotes if q.cue is not None]
    gold_cue = [(min(s for s, _ in g.cue), max(e for _, e in g.cue)) for g in gold.attributions if g.cue]
    cues = match_one_to_one(pred_cue, gold_cue, lambda i, j: overlap(pred_cue[i], gold_cue[j]) > 0)
    out["cue"] = PRF(len(cues), len(cues), len(pred_cue), len(gold_cue))

    out["content_tokens"] = token_prf(text, fragments, [f for g in gold.attributions for f in g.content])
    pred_src = [(q.speaker.start, q.speaker.end) for q in quotes if q.speaker is not None]
    out["source_tokens"] = token_prf(text, pred_src, [f for g in gold.attributions for f in g.source])
    return out


def evaluate_quotes(
    data: Path,
    analyze: Callable[[str, str], list[Quote]],
    *,
    annotator: str | None = None,
    split: str = "all",
    limit: int | None = None,
    on_doc: Callable[[int], None] | None = None,
) -> QuoteScores:
    """Score `analyze(text, name) -> quotes` on every brat document of the chosen split."""
    docs: Iterable[GoldDocument] = read_brat_dir(data, annotator)
    return score_documents((d for d in docs if split == "all" or split_of(d.name) == split), analyze,
                           limit=limit, on_doc=on_doc)


def score_documents(
    docs: Iterable[GoldDocument],
    analyze: Callable[[str, str], list[Quote]],
    *,
    limit: int | None = None,
    on_doc: Callable[[int], None] | None = None,
) -> QuoteScores:
    """Score `analyze(text, name) -> quotes` on gold documents from any reader (brat, attribution set)."""
    result = QuoteScores()
    for n, gold in enumerate(docs):
        if limit is not None and n >= limit:
            break
        quotes = analyze(gold.text, gold.name)
        for name, prf in score_document(gold.text, quotes, gold).items():
            result.scores[name].add(prf)
        result.docs += 1
        if on_doc:
            on_doc(result.docs)
    return result


def count_documents(data: Path, annotator: str | None = None, split: str = "all") -> int:
    """How many documents an evaluation will score (for progress bars)."""
    return sum(1 for p in sorted((data / "text").glob("*.txt"))
               if (split == "all" or split_of(p.stem) == split)
               and any((data / "attributions").glob(f"{p.stem}_{annotator or '*'}.ann")))
