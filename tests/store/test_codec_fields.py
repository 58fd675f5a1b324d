"""One record definition: every layer table's rows (`codec.layer_rows`) and columns
(`schema`) carry every field of their record, except the fields this table says are kept only in
the whole-article blob; a field added to a record, a row or a column fails here until all agree."""

from __future__ import annotations

from dataclasses import fields

import pytest

from rashomon.model import Article, Claim, DateRef, Entity, Mention, Quantity, Quote, Span, Technique
from rashomon.store import schema
from rashomon.store.codec import TABLES, layer_rows
from tests.records import filled

# table -> (record, {field: column} where the names differ, fields kept only in the blob,
#           columns that are not a record field: keys and counts)
LAYOUT = {
    "entities": (Entity, {"id": "entity_id", "mentions": "n_mentions"}, set(), {"article_id"}),
    "mentions": (Mention, {}, set(), {"article_id", "entity_id"}),
    "quotes": (Quote, {"id": "quote_id"}, set(), {"article_id"}),
    "claims": (Claim, {"id": "claim_id", "quote": "quote_id"}, set(), {"article_id"}),
    "techniques": (Technique, {}, set(), {"article_id", "idx"}),
    "quantities": (Quantity, {}, {"head_lemma", "sentence"}, {"article_id", "idx"}),
    "dates": (DateRef, {}, set(), {"article_id", "idx"}),
}
SPAN_COLUMNS = {"start": "start_char", "end": "end_char"}
# Columns the database fills itself.
AUTO = {"mentions": {"id"}}


def _columns(cls: type, renames: dict[str, str], blob_only: set[str]) -> dict[str, str]:
    """Record field -> column, span parts of a Span-valued field flattened to prefix_start/end/text."""
    hints = {f.name: f.type for f in fields(cls)}
    out: dict[str, str] = {}
    for f in fields(cls):
        if f.name in blob_only:
            continue
        if "Span" in str(hints[f.name]):
            for part in (p.name for p in fields(Span)):
                out[f"{f.name}.{part}"] = f"{f.name}_{part}"
        else:
            out[f.name] = renames.get(f.name, SPAN_COLUMNS.get(f.name, f.name))
    return out


def test_codec_fields_every_table_covered():
    assert set(LAYOUT) == set(TABLES) == {t.name for t in schema.LAYER_TABLES}


@pytest.mark.parametrize("table", sorted(LAYOUT))
def test_codec_fields_rows_schema_record_agree(table):
    cls, renames, blob_only, keys = LAYOUT[table]
    assert blob_only <= {f.name for f in fields(cls)}
    expected = set(_columns(cls, renames, blob_only).values()) | keys
    rows = layer_rows(filled(Article))[table]
    assert rows and set(rows[0]) == expected
    assert {c.name for c in TABLES[table].columns} - AUTO.get(table, set()) == expected


@pytest.mark.parametrize("table", sorted(LAYOUT))
def test_codec_fields_row_values(table):
    # Each column holds its field's value (a column wired to the wrong field fails).
    cls, renames, blob_only, _keys = LAYOUT[table]
    art = filled(Article)
    recs = {"entities": art.entities, "mentions": [m for e in art.entities for m in e.mentions]}.get(
        table, getattr(art, table))
    for rec, row in zip(recs, layer_rows(art)[table], strict=True):
        for name, column in _columns(cls, renames, blob_only).items():
            field, _, part = name.partition(".")
            value = getattr(rec, field)
            value = getattr(value, part) if part and value is not None else value
            if field == "mentions":
                value = len(value)
            assert row[column] == value, (table, name)


@pytest.mark.parametrize("cls,field", [(Quantity, "head_lemma"), (Claim, "quote"), (Quote, "cue")])
def test_codec_fields_detects_a_missing_column(cls, field):
    # Negative cases: dropping a field from the layout makes the expected columns disagree.
    table = next(t for t, spec in LAYOUT.items() if spec[0] is cls)
    _cls, renames, blob_only, keys = LAYOUT[table]
    fewer = set(_columns(cls, renames, blob_only | {field}).values()) | keys
    full = set(_columns(cls, renames, blob_only - {field}).values()) | keys
    columns = {c.name for c in TABLES[table].columns}
    assert fewer != columns or full != columns
