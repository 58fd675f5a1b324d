"""The JSON output contract (see README "Output contract"); keys are stable."""

from __future__ import annotations

from dataclasses import fields
from functools import lru_cache
from typing import Any

from .model import Article, Mention, Quantity, Technique

# Languages the contract allows; anything else a backend says is reported as und.
CONTRACT_LANGUAGES = {"en", "ru", "be", "uk", "und"}

# Record fields the contract leaves out (the store's blob keeps them); every other field of a
# layer record is written, in declaration order, so a field added to a record reaches the JSON.
# Entity mentions are bare spans in the contract; typed mentions are internal.
INTERNAL_FIELDS: dict[type, frozenset[str]] = {
    Mention: frozenset({"type", "normal", "label"}),
    Quantity: frozenset({"head_lemma", "sentence"}),
}
# Technique scores are rounded (digits) for stable, readable output.
_ROUND: dict[tuple[type, str], int] = {(Technique, "score"): 4}


@lru_cache(maxsize=None)
def contract_fields(cls: type) -> tuple[str, ...]:
    """The fields of a layer record the JSON contract writes, in declaration order."""
    skip = INTERNAL_FIELDS.get(cls, frozenset())
    return tuple(f.name for f in fields(cls) if f.name not in skip)


def record_dict(rec: Any) -> dict[str, Any]:
    """A layer record as the contract writes it: its contract fields, nested records and lists walked."""
    out: dict[str, Any] = {}
    for name in contract_fields(type(rec)):
        value = getattr(rec, name)
        if isinstance(value, list):
            value = [record_dict(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
        elif hasattr(value, "__dataclass_fields__"):
            value = record_dict(value)
        elif (type(rec), name) in _ROUND:
            value = round(value, _ROUND[type(rec), name])
        out[name] = value
    return out


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
        "entities": [record_dict(e) for e in art.entities],
        "quotes": [record_dict(q) for q in art.quotes],
        "claims": [record_dict(c) for c in art.claims],
        "techniques": [record_dict(t) for t in art.techniques],
    }
    if layers:
        out["author"] = art.author
        out["paragraphs"] = [record_dict(p) for p in art.paragraphs]
        out["quoted"] = [record_dict(q) for q in art.quoted]
        out["sentences"] = [record_dict(s) for s in art.sentences]
        out["quantities"] = [record_dict(q) for q in art.quantities]
        out["dates"] = [record_dict(d) for d in art.dates]
    return out


def analysis_dict(articles: list[Article], errors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The top-level `analyze` document: {"rashomon": VERSION, "articles": [...], "errors": [...]}."""
    from . import __version__

    doc: dict[str, Any] = {"rashomon": __version__, "articles": [article_dict(a) for a in articles]}
    if errors:
        doc["errors"] = errors
    return doc
