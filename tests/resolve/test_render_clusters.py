"""Cluster output: JSON records (merges only with --why) and the text table."""

from __future__ import annotations

import json

from rashomon.resolve import cluster_entities
from rashomon.resolve.render import clusters_doc, clusters_text
from tests.resolve.synth import article


def _clusters():  # noqa: ANN202
    arts = [article("A", ("Lukashenko", "PERSON", 3), ("Homel", "LOC")), article("B", ("Лукашэнка", "PERSON"))]
    return cluster_entities(arts), arts


def test_render_clusters_json_records() -> None:
    clusters, arts = _clusters()
    doc = clusters_doc(clusters, arts)
    json.dumps(doc, ensure_ascii=False)
    first = doc["entities"][0]
    assert set(first) == {"id", "name", "type", "aliases", "articles", "mentions", "members"}
    assert first["members"] == [{"article": "A", "entity": "e1"}, {"article": "B", "entity": "e1"}]
    why = clusters_doc(clusters, arts, why=True)["entities"][0]["merges"]
    assert why and set(why[0]) == {"a", "b", "rule", "score", "why"}


def test_render_clusters_text_table_with_why() -> None:
    clusters, arts = _clusters()
    plain = clusters_text(clusters, arts)
    assert "E1" in plain and "Lukashenko" in plain and "+ " not in plain
    explained = clusters_text(clusters, arts, why=True)
    assert "+ name-match" in explained or "+ same-surname" in explained
