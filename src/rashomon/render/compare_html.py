"""One self-contained comparison page: articles side by side with highlighted layers, a
table of conflicts and agreements whose rows jump to the spans, and a per-source summary."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from ..model import Article
from .highlight import Mark, article_marks, segments
from .html import _env, safe_json


def _position_marks(doc: dict[str, Any], article_id: str) -> list[Mark]:
    marks = []
    for group in ("conflicts", "agreements"):
        for item in doc[group]:
            for k, p in enumerate(item["positions"]):
                if p["article"] == article_id:
                    css = "pos pos-conflict" if group == "conflicts" else "pos pos-agree"
                    marks.append(Mark(f"{item['id']}.{k}", group, p["start"], p["end"], css,
                                      {"layer": item["kind"], "topic": item["topic"], "source": p["source_name"],
                                       "why": item["why"]}))
    return marks


def source_summary(doc: dict[str, Any], articles: list[Article]) -> list[dict[str, Any]]:
    """Per article: who is quoted, its stance toward the main entities, technique counts."""
    top = [e for e in doc["entities"] if e["type"] in ("PERSON", "ORG", "LOC")][:6]
    out = []
    for art in articles:
        quoted = Counter(q.speaker_name for q in art.quotes if q.speaker_entity and q.speaker_name)
        stance: dict[str, Counter[str]] = defaultdict(Counter)
        for ent in top:
            forms = {a.lower() for a in ent["aliases"]} | {ent["name"].lower()}
            spans = [(m.start, m.end) for e in art.entities if e.name.lower() in forms or
                     any(a.lower() in forms for a in e.aliases) for m in e.mentions]
            for c in art.claims:
                if any(c.start <= s and e <= c.end for s, e in spans):
                    stance[ent["name"]][c.stance] += 1
        out.append({
            "article": art,
            "quoted": quoted.most_common(8),
            "stance": {k: dict(v) for k, v in stance.items()},
            "techniques": Counter(t.label for t in art.techniques).most_common(),
        })
    return out


def render_compare_page(doc: dict[str, Any], articles: list[Article]) -> str:
    """The comparison as a standalone HTML page."""
    from .. import __version__

    columns = []
    details: dict[str, Any] = {}
    for art in articles:
        marks = article_marks(art) + _position_marks(doc, art.id)
        for m in marks:
            details[f"{art.id}:{m.id}"] = m.info | {"text": art.text[m.start : m.end]}
        columns.append({"art": art, "segments": segments(art.text, marks)})
    return _env().get_template("compare.html").render(
        doc=doc,
        columns=columns,
        summary=source_summary(doc, articles),
        titles={a.id: (a.title or a.source) for a in articles},
        details_json=safe_json(details),
        version=__version__,
    )
