"""One record definition: the JSON contract writes every field of every layer record except
those `serialize.INTERNAL_FIELDS` declares internal, so a field added to a record either reaches
the JSON or is declared internal on purpose."""

from __future__ import annotations

from dataclasses import fields

import pytest

from rashomon.model import Article, Technique, Token
from rashomon.serialize import INTERNAL_FIELDS, article_dict, contract_fields, record_dict
from tests.records import LAYER_RECORDS, filled

# Article attributes the contract does not write: internal layers and bookkeeping.
ARTICLE_INTERNAL = {"tokens", "mentions", "done", "meta"}
# Article -> JSON layer key for each list of records the contract writes.
LAYERS = ["entities", "quotes", "claims", "techniques", "paragraphs", "quoted", "sentences", "quantities", "dates"]


@pytest.mark.parametrize("cls", [c for c in LAYER_RECORDS if c is not Token], ids=lambda c: c.__name__)
def test_serialize_fields_every_record_field_written(cls):
    rec = filled(cls)
    out = record_dict(rec)
    want = [f.name for f in fields(cls) if f.name not in INTERNAL_FIELDS.get(cls, ())]
    assert list(out) == want == list(contract_fields(cls))


@pytest.mark.parametrize("cls", list(INTERNAL_FIELDS), ids=lambda c: c.__name__)
def test_serialize_fields_internal_names_exist(cls):
    # A renamed field must not leave a stale internal entry behind (the new name would leak).
    assert INTERNAL_FIELDS[cls] <= {f.name for f in fields(cls)}


def test_serialize_fields_article_keys():
    art = filled(Article)
    art.language = "en"
    doc = article_dict(art)
    assert set(doc) == {f.name for f in fields(Article)} - ARTICLE_INTERNAL
    assert set(article_dict(art, layers=False)) == set(doc) - {"author", *LAYERS[4:]}
    for layer in LAYERS:
        assert doc[layer] == [record_dict(r) for r in getattr(art, layer)], layer
    # Entity mentions are bare spans; quote parts are spans or null.
    assert set(doc["entities"][0]["mentions"][0]) == {"start", "end", "text"}
    assert set(doc["quotes"][0]["content"]) == {"start", "end", "text"}


@pytest.mark.parametrize("value,want", [(0.123456, 0.1235), (1.0, 1.0), (0.5, 0.5)])
def test_serialize_fields_technique_score_rounded(value, want):
    tech = filled(Technique)
    tech.score = value
    assert record_dict(tech)["score"] == want


@pytest.mark.parametrize("language,want", [("en", "en"), ("be", "be"), ("de", "und"), ("xx", "und")])
def test_serialize_fields_language_in_contract(language, want):
    art = Article(id="a", text="x", language=language)
    assert article_dict(art)["language"] == want
