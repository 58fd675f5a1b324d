"""Read-side queries (overview, entity page, facets) and export, on both backends."""

from __future__ import annotations

import csv
import io
import json

import pytest

from rashomon.errors import RashomonError
from rashomon.store import refresh_clusters
from rashomon.store.entities import entity_detail
from rashomon.store.export import CSV_COLUMNS, export
from rashomon.store.queries import article_summaries, entity_list, facets, overview

pytestmark = pytest.mark.slow


@pytest.fixture
def filled(store, analysed):
    for art in analysed.values():
        store.add(art)
    refresh_clusters(store)
    return store


def test_store_queries_overview(filled):
    ov = overview(filled)
    assert ov["articles"] == 3
    assert dict(ov["outlets"]) == {"Belsat": 1, "Kyiv Post": 1, "RIA": 1}
    assert dict(ov["languages"]) == {"en": 2, "ru": 1}
    assert [d for d, _ in ov["dates"]] == ["2021-04-18", "2021-04-20", "2021-04-22"]
    assert any("Lyabedzka" in s["name"] for s in ov["speakers"])
    assert ov["entities"]


def test_store_queries_entity_page(filled):
    luka = next(e for e in entity_list(filled) if any("Lukash" in a for a in e["aliases"]))
    detail = entity_detail(filled, luka["id"])
    assert detail["name"] == luka["name"]
    assert "Latin" in detail["variants"]
    assert sum(len(a["mentions"]) for a in detail["articles"]) == detail["n_mentions"] or detail["articles"]
    for a in detail["articles"]:
        for m in a["mentions"]:
            assert m["text"] and m["end"] > m["start"]
    said = entity_detail(filled, next(e["id"] for e in entity_list(filled) if "Lyabedzka" in e["name"]))
    assert any("fake story" in q["text"] for q in said["said"])
    assert entity_detail(filled, "E999999") is None


def test_store_queries_summaries_and_facets(filled):
    rows, total = article_summaries(filled)
    assert total == 3 and [r["published"][:10] for r in rows] == ["2021-04-22", "2021-04-20", "2021-04-18"]
    assert all(r["entities"] > 0 for r in rows)
    f = facets(filled)
    assert f["outlets"] and set(f["languages"]) == {"en", "ru"}
    assert any("Lyabedzka" in s for s in f["speakers"])


def test_store_queries_export_jsonl_and_csv(filled):
    out = io.StringIO()
    assert export(filled, "jsonl", out) == 3
    docs = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {d["title"] for d in docs} >= {"Coup claims in Minsk"}
    for d in docs:
        assert {"id", "text", "entities", "quotes", "claims", "techniques"} <= set(d)
    out = io.StringIO()
    assert export(filled, "csv", out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 3
    with pytest.raises(RashomonError) as info:
        export(filled, "xml", io.StringIO())
    assert info.value.code == "E075"
