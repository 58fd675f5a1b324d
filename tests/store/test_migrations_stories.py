"""Migration 7: a version-6 database gains the story tables, and its next ingest groups every
stored article once in full; later batches are placed incrementally."""

from __future__ import annotations

from sqlalchemy import inspect

from rashomon.store import Store
from rashomon.store.migrations import LATEST
from tests.store.test_stories_incremental import FIRST, SECOND, _story_of


def test_migrations_stories_upgrade_from_v6(db_url):
    first = Store(db_url)
    first.add_many(FIRST)
    with first.engine.begin() as conn:
        for table in ("story_pending", "story_members", "stories"):
            conn.exec_driver_sql(f"DROP TABLE {table}")
        conn.exec_driver_sql("DELETE FROM rashomon_meta WHERE key IN ('stories_fresh', 'stories_next')")
    first.set_meta("schema_version", "6")
    first.close()

    second = Store(db_url)  # start-up runs migration 7
    assert second.version == LATEST >= 7
    assert {"stories", "story_members", "story_pending"} <= set(inspect(second.engine).get_table_names())
    assert second.meta("stories_fresh") == "0"  # stored articles belong to no story yet
    second.add_many(SECOND[:1])  # the first refresh groups all four in full
    assert second.meta("stories_fresh") == "1"
    story = _story_of(second)
    assert set(story) == {"a1", "a2", "a3", "b1"} and story["a1"] == story["a2"] == story["b1"] != story["a3"]
    second.close()


def test_migrations_stories_rerun_is_noop(db_url):
    Store(db_url).close()
    again = Store(db_url)
    assert again.version == LATEST and again.meta("stories_fresh") == "0"
    again.close()
