"""Migration 9: a version-8 database gains the per-story cluster counts, counted once from the
member rows, and story placement goes on from them."""

from __future__ import annotations

from sqlalchemy import inspect

from rashomon.store import Store
from rashomon.store.migrations import LATEST
from tests.store.test_clusters_bounded_rows import _story_counts
from tests.store.test_stories_incremental import FIRST, SECOND


def test_migrations_story_clusters_upgrade_from_v8(db_url):
    first = Store(db_url)
    first.add_many(FIRST)
    want = _story_counts(first)
    assert want
    with first.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE story_clusters")
    first.set_meta("schema_version", "8")
    first.close()

    second = Store(db_url)  # start-up runs migration 9
    assert second.version == LATEST >= 9
    assert _story_counts(second) == want
    second.add_many(SECOND)
    assert _story_counts(second) == _story_counts(second, fill=True) != want
    second.close()


def test_migrations_story_clusters_rerun_is_noop(db_url):
    Store(db_url).close()
    again = Store(db_url)
    assert again.version == LATEST and "story_clusters" in inspect(again.engine).get_table_names()
    assert _story_counts(again) == []
    again.close()
