"""One self-contained comparison page: articles side by side with highlighted layers, a
table of conflicts (ranked by confidence), updates, agreements and unique claims whose rows
jump to the spans, and a per-source summary."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from ..model import Article
from .compare_view import CLI_HINT, ComparisonRow, comparison_rows, hidden_note
from .highlight import Mark, article_marks, segments
from .html import _env, safe_json

if TYPE_CHECKING:
    from ..compare.result import Comparison

# Css class of a position's highlight, per section of the comparison.
POSITION_CSS = {"conflicts": "pos pos-conflict", "updates": "pos pos-update", "agreements": "pos pos-agree",
                "unique": "pos pos-unique"}


def _position_marks(rows: list[ComparisonRow], article_id: str) -> list[Mark]:
    marks = []
    for row in rows:
        for p in row.positions:
            if p.article == article_id:
                info = {"layer": row.kind or row.label, "topic": row.topic, "source": p.source, "why": row.why or None,
                        "confidence": row.confidence_label or None}
                marks.append(Mark(p.anchor, row.section, p.start, p.end, POSITION_CSS[row.section], info))
    return marks


def source_summary(comparison: Comparison, articles: list[Article]) -> list[dict[str, Any]]:
    """Per article: who is quoted, its stance toward the main entities, technique counts."""
    top = [e for e in comparison.entities if e.type in ("PERSON", "ORG", "LOC")][:6]
    out = []
    for art in articles:
        quoted = Counter(q.speaker_name for q in art.quotes if q.speaker_entity and q.speaker_name)
        stance: dict[str, Counter[str]] = defaultdict(Counter)
        for ent in top:
            forms = {a.lower() for a in ent.aliases} | {ent.name.lower()}
            spans = [(m.start, m.end) for e in art.entities if e.name.lower() in forms or
                     any(a.lower() in forms for a in e.aliases) for m in e.mentions]
            for c in art.claims:
                if any(c.start <= s and e <= c.end for s, e in spans):
                    stance[ent.name][c.stance] += 1
        out.append({
            "article": art,
            "quoted": quoted.most_common(8),
            "stance": {k: dict(v) for k, v in stance.items()},
            "techniques": Counter(t.label for t in art.techniques).most_common(),
        })
    return out


def render_compare_page(comparison: Comparison, articles: list[Article], hint: str = CLI_HINT) -> str:
    """The comparison as a standalone HTML page, conflicts ranked by confidence."""
    from .. import __version__

    rows = comparison_rows(comparison)
    columns = []
    details: dict[str, Any] = {}
    for art in articles:
        marks = article_marks(art) + _position_marks(rows, art.id)
        for m in marks:
            details[f"{art.id}:{m.id}"] = m.info | {"text": art.text[m.start : m.end]}
        columns.append({"art": art, "segments": segments(art.text, marks)})
    return _env().get_template("compare.html").render(
        comparison=comparison,
        rows=rows,
        hidden=hidden_note(comparison, hint),
        columns=columns,
        summary=source_summary(comparison, articles),
        titles={a.id: (a.title or a.source) for a in articles},
        details_json=safe_json(details),
        version=__version__,
    )
