"""The store keeps the whole internal Article: a round trip through SQLite and PostgreSQL gives
back an equal Article (every layer), and every field of every record survives the codec."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from rashomon.model import Article
from rashomon.store import Store
from rashomon.store.blob import decode_article, encode_article, from_plain, to_plain
from tests.records import RECORDS, filled


def test_blob_roundtrip_reaches_every_record():
    # The walk must find every layer record, or the field test below would skip one.
    names = {c.__name__ for c in RECORDS}
    assert {"Article", "Paragraph", "Sentence", "Token", "Mention", "Entity", "QuotedPhrase", "Quote", "Span",
            "Claim", "Technique", "Quantity", "DateRef"} <= names


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_blob_roundtrip_every_field(cls):
    rec = filled(cls)
    plain = to_plain(rec)
    assert set(plain) == {f.name for f in fields(cls)}
    assert from_plain(cls, plain) == rec


@pytest.mark.parametrize("layer,name", [("quantities", "head_lemma"), ("quantities", "sentence"),
                                        ("tokens", "lemma"), ("mentions", "normal"), ("quotes", "cue")])
def test_blob_roundtrip_detects_a_dropped_field(layer, name):
    # Negative cases: a converter that loses one field of one record is caught by the equality check.
    rec = filled(Article)
    plain = to_plain(rec)
    del plain[layer][0][name]
    try:
        back = from_plain(Article, plain)
    except TypeError:  # a required field: the record cannot even be built
        return
    assert back != rec


def test_blob_roundtrip_bytes():
    art = filled(Article)
    blob = encode_article(art)
    assert isinstance(blob, bytes) and decode_article(blob) == art


def test_blob_roundtrip_store_every_field(store):
    # A record-complete Article (every field of every layer set) through each backend.
    art = filled(Article)
    art.id, art.language = "filled01", "en"
    assert store.add(art)
    assert store.load_article(art.id) == art
    assert store.load_articles([art.id]) == [art]


def test_blob_roundtrip_store_lossy_without_blob(store):
    # Rows stored before migration 4 have no blob: they load from the JSON contract (lossy).
    from rashomon.store import schema

    art = filled(Article)
    art.id, art.language = "filled02", "en"
    assert store.add(art)
    with store.engine.begin() as conn:
        conn.execute(schema.articles.update().values(full_article=None))
    back = store.load_article(art.id)
    assert back != art and back.tokens == [] and back.text == art.text
    assert [q.text for q in back.quantities] == [q.text for q in art.quantities]
    assert back.quantities[0].head_lemma is None


@pytest.mark.slow
def test_blob_roundtrip_seeds(store, seed_articles):
    # Real analyses of both seeds come back equal, every layer included.
    arts = [seed_articles[k] for k in sorted(seed_articles)]
    for art in arts:
        assert art.tokens and art.quantities and art.entities
        assert store.add(art)
    back = store.load_articles([a.id for a in arts])
    for got, want in zip(back, arts):
        for f in fields(Article):
            assert getattr(got, f.name) == getattr(want, f.name), f.name
        assert got == want
    assert store.load_articles(full=False)[0].tokens == []
    assert Path(back[0].source).name == Path(arts[0].source).name
