"""Flatten overlapping spans into disjoint text segments for highlighting."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Article
from ..techniques.taxonomy import paragraph_level


@dataclass
class Mark:
    """One highlightable span: which layer, css classes, and what to show when clicked."""

    id: str
    layer: str
    start: int
    end: int
    css: str
    info: dict[str, Any] = field(default_factory=dict)


@dataclass
class Segment:
    """A run of text covered by the same set of marks."""

    text: str
    marks: list[str]
    css: list[str]
    starts: list[str] = field(default_factory=list)  # marks that begin here (link targets)


def article_marks(art: Article) -> list[Mark]:
    """Marks for every displayed layer of an article."""
    marks: list[Mark] = []
    for ent in art.entities:
        for i, m in enumerate(ent.mentions):
            marks.append(Mark(f"{ent.id}.{i}", "entities", m.start, m.end, f"ent ent-{ent.type}",
                              {"layer": "entity", "name": ent.name, "type": ent.type, "aliases": ent.aliases}))
    for q in art.quotes:
        info = {"layer": "quote", "kind": q.kind, "speaker": q.speaker_name, "entity": q.speaker_entity,
                "cue": q.cue.text if q.cue else None}
        marks.append(Mark(q.id, "quotes", q.content.start, q.content.end, f"quote quote-{q.kind}", info))
        if q.speaker is not None:
            marks.append(Mark(f"{q.id}.speaker", "quotes", q.speaker.start, q.speaker.end, "speaker", info))
    for c in art.claims:
        marks.append(Mark(c.id, "claims", c.start, c.end, f"claim claim-{c.stance}",
                          {"layer": "claim", "stance": c.stance, "source": c.source_entity}))
    for i, t in enumerate(art.techniques):
        # A paragraph-level judgement is drawn lighter than a span the model or a lexicon found.
        css = "tech-para" if paragraph_level(t.explanation) else "tech"
        marks.append(Mark(f"t{i + 1}", "techniques", t.start, t.end, css,
                          {"layer": "technique", "label": t.label, "explanation": t.explanation,
                           "score": round(t.score, 3)}))
    return marks


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut text at every mark boundary; each piece lists the marks covering it."""
    bounds = {0, len(text)}
    for m in marks:
        bounds.add(m.start)
        bounds.add(m.end)
    cuts = sorted(b for b in bounds if 0 <= b <= len(text))
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        active = [m for m in active if m.end > a and m.start < b]
        css = sorted({c for m in active for c in m.css.split()})
        out.append(Segment(text[a:b], [m.id for m in active], css, [m.id for m in starts.get(a, [])]))
    return out
