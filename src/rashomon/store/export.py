"""Export the corpus: JSONL (one stored JSON contract per line) or CSV (one row per article)."""

from __future__ import annotations

import csv
import json
from typing import Any, Iterator, TextIO

from sqlalchemy import func, select

from ..errors import RashomonError
from . import schema
from .repository import Store

FORMATS = ("jsonl", "csv")
CSV_COLUMNS = ("id", "title", "outlet", "language", "published", "source", "author", "chars",
               "entities", "quotes", "claims", "techniques", "content_hash", "ingested_at")


def iter_docs(store: Store) -> Iterator[dict[str, Any]]:
    """Every stored article contract, in ingest order, streamed."""
    art = schema.articles
    with store.read() as conn:
        result = conn.execution_options(stream_results=True, yield_per=100).execute(
            select(art.c.doc).order_by(art.c.ingested_at, art.c.id))
        for (doc,) in result:
            yield dict(doc)


def _counts(store: Store) -> dict[str, dict[str, int]]:
    """Per-article row counts of the main layers."""
    out: dict[str, dict[str, int]] = {}
    with store.read() as conn:
        for name in ("entities", "quotes", "claims", "techniques"):
            table = getattr(schema, name)
            for aid, n in conn.execute(select(table.c.article_id, func.count()).group_by(table.c.article_id)):
                out.setdefault(aid, {})[name] = int(n)
    return out


def export(store: Store, fmt: str, out: TextIO) -> int:
    """Write every article in the format; returns how many were written."""
    if fmt not in FORMATS:
        raise RashomonError("E075", fmt=fmt, choices=", ".join(FORMATS))
    n = 0
    if fmt == "jsonl":
        for doc in iter_docs(store):
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            n += 1
        return n
    counts = _counts(store)
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    art = schema.articles
    with store.read() as conn:
        rows = conn.execute(select(art.c.id, art.c.title, art.c.outlet, art.c.language, art.c.published,
                                   art.c.source, art.c.author, func.length(art.c.text).label("chars"),
                                   art.c.content_hash, art.c.ingested_at).order_by(art.c.ingested_at, art.c.id))
        for r in rows:
            c = counts.get(r.id, {})
            writer.writerow([r.id, r.title or "", r.outlet or "", r.language, r.published or "", r.source,
                             r.author or "", r.chars, c.get("entities", 0), c.get("quotes", 0), c.get("claims", 0),
                             c.get("techniques", 0), r.content_hash, r.ingested_at])
            n += 1
    return n
