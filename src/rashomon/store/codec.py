"""Article <-> database rows: the stored JSON contract plus per-layer rows, and back."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any, Iterable, Mapping

from ..model import (
    Article,
    Claim,
    DateRef,
    Entity,
    Mention,
    Paragraph,
    Quantity,
    QuotedPhrase,
    Quote,
    Sentence,
    Span,
    Technique,
)
from ..serialize import article_dict
from . import schema
from .blob import decode_article, encode_article

_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def published_date(published: str | None) -> str | None:
    """YYYY-MM-DD when the published value starts with an ISO date, else None."""
    match = _ISO_DATE.match(published or "")
    return match.group(1) if match else None


def _span_cols(prefix: str, span: Span | None) -> dict[str, Any]:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def layer_rows(art: Article) -> dict[str, list[dict[str, Any]]]:
    """Rows for every layer table, keyed by table name."""
    aid = art.id
    rows: dict[str, list[dict[str, Any]]] = {
        "entities": [{"article_id": aid, "entity_id": e.id, "name": e.name, "type": e.type,
                      "aliases": list(e.aliases), "n_mentions": len(e.mentions)} for e in art.entities],
        "mentions": [{"article_id": aid, "entity_id": e.id, "start_char": m.start, "end_char": m.end, "text": m.text,
                      "type": m.type, "normal": m.normal, "label": m.label}
                     for e in art.entities for m in e.mentions],
        "quotes": [{"article_id": aid, "quote_id": q.id, "kind": q.kind, **_span_cols("content", q.content),
                    **_span_cols("cue", q.cue), **_span_cols("speaker", q.speaker),
                    "speaker_name": q.speaker_name, "speaker_entity": q.speaker_entity, "parent": q.parent}
                   for q in art.quotes],
        "claims": [{"article_id": aid, "claim_id": c.id, "start_char": c.start, "end_char": c.end, "text": c.text,
                    "source_entity": c.source_entity, "stance": c.stance,
                    "source_name": getattr(c, "source_name", None), "quote_id": getattr(c, "quote", None)}
                   for c in art.claims],
        "techniques": [{"article_id": aid, "idx": i, "label": t.label, "start_char": t.start, "end_char": t.end,
                        "text": t.text, "explanation": t.explanation, "score": float(t.score)}
                       for i, t in enumerate(art.techniques)],
        "quantities": [{"article_id": aid, "idx": i, "start_char": q.start, "end_char": q.end, "text": q.text,
                        "value": q.value, "high": q.high, "head": q.head, "approx": q.approx,
                        "relation": getattr(q, "relation", None), "kind": q.kind, "unit": q.unit}
                       for i, q in enumerate(art.quantities)],
        "dates": [{"article_id": aid, "idx": i, "start_char": d.start, "end_char": d.end, "text": d.text,
                   "iso": d.iso, "granularity": d.granularity} for i, d in enumerate(art.dates)],
    }
    return rows


def article_row(art: Article, content_hash: str, now: str) -> dict[str, Any]:
    """The articles-table row, with the JSON contract as `doc` and the whole Article as `full_article`."""
    doc = article_dict(art)
    return {"id": art.id, "content_hash": content_hash, "source": art.source or "", "title": art.title,
            "published": art.published, "published_date": published_date(art.published), "outlet": art.outlet,
            "author": art.author, "language": doc["language"], "text": art.text, "doc": doc,
            "full_article": encode_article(art), "ingested_at": now}


def article_from_row(doc: Mapping[str, Any], full: bytes | None,
                     mention_rows: Iterable[Mapping[str, Any]] = ()) -> Article:
    """The stored Article: equal to the analysed one when its blob exists, else rebuilt from `doc`.

    Rows stored before migration 4 have no blob; their rebuild is lossy (no tokens, no mention
    layer, no quantity head lemmas or sentence indices, no `done`/`meta`).
    """
    if full is not None:
        return decode_article(full)
    return article_from_doc(doc, mention_rows)


def _span(d: Mapping[str, Any] | None) -> Span | None:
    return None if d is None else Span(d["start"], d["end"], d["text"])


def _build(cls: type, d: Mapping[str, Any], **given: Any) -> Any:
    """A layer record from its dict, taking only the fields this model version has."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in d.items() if k in names and k not in given}, **given)


def article_from_doc(doc: Mapping[str, Any], mention_rows: Iterable[Mapping[str, Any]] = ()) -> Article:
    """Rebuild an Article from its stored contract; mention rows restore types and normal forms."""
    extra = {(r["entity_id"], r["start_char"], r["end_char"]): r for r in mention_rows}
    ents = []
    for e in doc.get("entities", []):
        mentions = []
        for m in e["mentions"]:
            r = extra.get((e["id"], m["start"], m["end"]), {})
            mentions.append(Mention(m["start"], m["end"], m["text"], r.get("type", e["type"]),
                                    r.get("normal", m["text"]), r.get("label", "")))
        ents.append(_build(Entity, e, aliases=list(e["aliases"]), mentions=mentions))
    return Article(
        id=doc["id"], text=doc["text"], source=doc.get("source") or "", title=doc.get("title"),
        published=doc.get("published"), outlet=doc.get("outlet"), author=doc.get("author"),
        language=doc.get("language") or "und",
        paragraphs=[_build(Paragraph, p) for p in doc.get("paragraphs", [])],
        sentences=[_build(Sentence, s) for s in doc.get("sentences", [])],
        entities=ents,
        quoted=[_build(QuotedPhrase, q) for q in doc.get("quoted", [])],
        quotes=[_build(Quote, q, content=_span(q["content"]), cue=_span(q.get("cue")),
                       speaker=_span(q.get("speaker"))) for q in doc.get("quotes", [])],
        claims=[_build(Claim, c) for c in doc.get("claims", [])],
        techniques=[_build(Technique, t) for t in doc.get("techniques", [])],
        quantities=[_build(Quantity, q) for q in doc.get("quantities", [])],
        dates=[_build(DateRef, d) for d in doc.get("dates", [])],
    )


TABLES = {t.name: t for t in schema.LAYER_TABLES}
