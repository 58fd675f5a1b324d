"""Ingest: idempotent by content hash, transactional per article, layers round-trip, clusters."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from rashomon import Analyzer, load_options
from rashomon.serialize import article_dict
from rashomon.store import refresh_clusters, schema
from rashomon.store.clusters import _same_name_clusters, clusters_stale

pytestmark = pytest.mark.slow


def _counts(store) -> dict[str, int]:
    with store.read() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (schema.articles, *schema.LAYER_TABLES, schema.clusters)}


def test_store_ingest_is_idempotent(store, analysed):
    for art in analysed.values():
        assert store.add(art) is True
    before = _counts(store)
    assert before["articles"] == 3 and before["mentions"] > 0 and before["quotes"] > 0
    for art in analysed.values():
        assert store.add(art) is False
    assert _counts(store) == before


def test_store_ingest_round_trips_every_layer(store, analysed):
    art = analysed["en_minsk.txt"]
    store.add(art)
    back = store.load_article(art.id)
    back.check_spans()
    assert article_dict(back) == article_dict(art)
    assert store.get_doc(art.id) == article_dict(art)
    # Mention types and normal forms survive (the resolver needs them).
    assert [(m.type, m.normal) for e in back.entities for m in e.mentions] == \
        [(m.type, m.normal) for e in art.entities for m in e.mentions]


def _ingest(store, analyzer, inputs):
    return store.add_many(analyzer.pipe(inputs, exclude=store.known_hashes))


def test_store_ingest_paths_skips_known_texts_without_analysis(store, analyzer, text_dir):
    first = _ingest(store, analyzer, [str(text_dir)])
    assert len(first.added) == 3 and not first.skipped and not first.failed
    assert first.clusters and not clusters_stale(store)

    class NoAnalysis(Analyzer):
        def analyze(self, art):  # noqa: ANN001, ANN201
            raise AssertionError("an already stored text was analysed again")

    before = _counts(store)
    again = _ingest(store, NoAnalysis(load_options()), [str(text_dir), str(text_dir / "en_kyiv.txt")])
    assert not again.added and len(again.skipped) == 4 and again.clusters is None
    assert _counts(store) == before


def test_store_ingest_bad_input_is_reported_not_fatal(store, analyzer, text_dir, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    report = _ingest(store, analyzer, [str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"),
                                       str(text_dir / "ru_minsk.txt")])
    assert [e.code for e in report.failed] == ["E002", "E001"]
    assert len(report.added) == 1
    assert "added 1, skipped 0" in report.summary()


def test_store_ingest_clusters_join_spellings_across_articles(store, analysed):
    for art in analysed.values():
        store.add(art)
    assert clusters_stale(store)
    assert refresh_clusters(store) > 0
    with store.read() as conn:
        rows = conn.execute(select(schema.clusters.c.name, schema.clusters.c.aliases,
                                   schema.clusters.c.n_articles)).all()
    luka = [r for r in rows if any("Lukash" in a for a in r.aliases)]
    assert luka and max(r.n_articles for r in luka) >= 2


def test_store_ingest_fallback_clusters_without_resolver(analysed):
    clusters = _same_name_clusters(list(analysed.values()))
    assert [c.id for c in clusters][:2] == ["E1", "E2"]
    assert all(c.members for c in clusters)


def test_store_ingest_delete_removes_layers(store, analysed):
    art = analysed["en_kyiv.txt"]
    store.add(art)
    assert store.delete(art.id)
    assert all(n == 0 for n in _counts(store).values())
    assert store.add(art) is True
