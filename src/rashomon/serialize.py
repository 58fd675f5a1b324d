"""The JSON output contract (see README "Output contract"); keys are stable."""

from __future__ import annotations

from typing import Any

from .model import Article, Span

# Languages the contract allows; anything else a backend says is reported as und.
CONTRACT_LANGUAGES = {"en", "ru", "be", "uk", "und"}


def span_dict(span: Span | None) -> dict[str, Any] | None:
    """SPAN: {start, end, text}."""
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def article_dict(art: Article, *, layers: bool = True) -> dict[str, Any]:
    """ARTICLE as in the contract, plus `sentences`/`paragraphs` and further layers."""
    out: dict[str, Any] = {
        "id": art.id,
        "source": art.source,
        "title": art.title,
        "published": art.published,
        "outlet": art.outlet,
        "language": art.language if art.language in CONTRACT_LANGUAGES else "und",
        "text": art.text,
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
            }
            for e in art.entities
        ],
        "quotes": [
            {
                "id": q.id,
                "kind": q.kind,
                "content": span_dict(q.content),
                "cue": span_dict(q.cue),
                "speaker": span_dict(q.speaker),
                "speaker_name": q.speaker_name,
                "speaker_entity": q.speaker_entity,
                "parent": q.parent,
            }
            for q in art.quotes
        ],
        "claims": [
            {
                "id": c.id,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "source_entity": c.source_entity,
                "stance": c.stance,
                "source_name": c.source_name,
                "quote": c.quote,
            }
            for c in art.claims
        ],
        "techniques": [
            {
                "label": t.label,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "explanation": t.explanation,
                "score": round(t.score, 4),
            }
            for t in art.techniques
        ],
    }
    if layers:
        out["author"] = art.author
        out["paragraphs"] = [
            {"start": p.start, "end": p.end, "text": p.text, "language": p.language} for p in art.paragraphs
        ]
        out["quoted"] = [
            {"start": q.start, "end": q.end, "text": q.text, "role": q.role, "reason": q.reason} for q in art.quoted
        ]
        out["sentences"] = [{"start": s.start, "end": s.end, "text": s.text} for s in art.sentences]
        out["quantities"] = [
            {"start": q.start, "end": q.end, "text": q.text, "value": q.value, "high": q.high, "head": q.head,
             "approx": q.approx, "relation": q.relation, "kind": q.kind, "unit": q.unit}
            for q in art.quantities
        ]
        out["dates"] = [
            {"start": d.start, "end": d.end, "text": d.text, "iso": d.iso, "granularity": d.granularity}
            for d in art.dates
        ]
    return out


def analysis_dict(articles: list[Article], errors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The top-level `analyze` document: {"rashomon": VERSION, "articles": [...], "errors": [...]}."""
    from . import __version__

    doc: dict[str, Any] = {"rashomon": __version__, "articles": [article_dict(a) for a in articles]}
    if errors:
        doc["errors"] = errors
    return doc
