"""The corpus version moves on every write that changes what readers see, on both backends,
whoever writes, and stays put while nothing changes."""

from __future__ import annotations

import pytest

from rashomon import load_options
from rashomon.model import Article
from rashomon.store import rebuild_clusters, refresh_clusters
from rashomon.store.migrations import LATEST
from rashomon.store.version import corpus_version


@pytest.fixture(scope="module")
def light():
    """Analyse with segmentation and language only: no model, quick."""
    from rashomon.api import Analyzer

    analyzer = Analyzer(load_options(pipeline={"components": ["segment", "langid"]}))
    return lambda aid, text: analyzer.analyze(Article(id=aid, text=text, source=f"{aid}.txt"))


def _version(store) -> int:  # noqa: ANN001
    with store.read() as conn:
        return corpus_version(conn)


def test_version_bumps_on_every_write(store, light):
    assert LATEST >= 2
    seen = [_version(store)]

    def moved() -> bool:
        now = _version(store)
        changed = now != seen[-1]
        seen.append(now)
        return changed

    assert not moved()
    assert store.add(light("a1", "Minsk news. Officials said 33 people were detained."))
    assert moved()
    store.count(), store.load_articles(), store.get_doc("a1")
    assert not moved()  # reads change nothing
    refresh_clusters(store)  # no entities in these articles: the clusters may stay as they were
    moved()
    from rashomon.store import schema
    from rashomon.store.migrations import write_transaction

    with write_transaction(store.engine) as conn:  # a cluster rebuild writes these tables
        conn.execute(schema.clusters.insert().values(id="E1", name="Minsk", type="LOC", aliases=[], n_articles=1,
                                                     n_mentions=1))
    assert moved()
    with write_transaction(store.engine) as conn:
        conn.execute(schema.cluster_members.insert().values(cluster_id="E1", article_id="a1", entity_id="e1"))
    assert moved()
    rebuild_clusters(store)  # the full rebuild replaces them with what the articles hold (none)
    assert moved()
    assert not store.add(light("a1", "Minsk news. Officials said 33 people were detained."))
    assert not moved()  # the same text again stores nothing
    assert store.add(light("a2", "Kyiv news. Officials said 200 militants planned it."))
    assert moved()
    assert store.delete("a2")
    assert moved()
    # Delete and re-add one article: same count and ids as before, yet a new version.
    before = _version(store)
    assert store.delete("a1")
    assert store.add(light("a1", "Minsk news. Officials said 33 people were detained."))
    refresh_clusters(store)
    assert _version(store) > before


def test_version_survives_reopen_and_migrates_once(db_url, light):
    from rashomon.store import Store

    first = Store(db_url)
    first.add(light("b1", "Riga news. Maria Lind said 12 people were detained."))
    version = _version(first)
    first.close()
    again = Store(db_url)  # migrations run again: a no-op, the counter keeps its value
    assert again.version == LATEST and _version(again) >= version
    again.close()
