"""Migration 6: a version-5 database gains the incremental-cluster tables and the technique
filter's (label, article_id) index, and its first ingest rebuilds the clusters once in full."""

from __future__ import annotations

from sqlalchemy import inspect, select

from rashomon.store import Store, schema
from rashomon.store.migrations import LATEST
from tests.store.test_clusters_incremental import HAND


def _indexes(st: Store) -> set[str]:
    return {i["name"] for i in inspect(st.engine).get_indexes("techniques")}


def _tables(st: Store) -> set[str]:
    return set(inspect(st.engine).get_table_names())


def test_migrations_incremental_clusters_upgrade_from_v5(db_url):
    first = Store(db_url)
    first.add_many(HAND[0])
    # Make it a version-5 database: no cluster index tables, the label-only technique index.
    with first.engine.begin() as conn:
        for table in ("cluster_pending", "cluster_keys", "cluster_names"):
            conn.exec_driver_sql(f"DROP TABLE {table}")
        conn.exec_driver_sql("DROP INDEX ix_techniques_label_article")
        conn.exec_driver_sql("CREATE INDEX ix_techniques_label ON techniques (label)")
    first.set_meta("schema_version", "5")
    first.close()

    second = Store(db_url)  # start-up runs migration 6
    assert second.version == LATEST >= 6
    assert {"cluster_names", "cluster_keys", "cluster_pending"} <= _tables(second)
    assert "ix_techniques_label_article" in _indexes(second) and "ix_techniques_label" not in _indexes(second)
    assert second.meta("clusters_fresh") == "0"  # stored clusters lack names and keys
    second.add_many(HAND[1])  # the first refresh rebuilds in full, filling them
    assert second.meta("clusters_fresh") == "1"
    with second.read() as conn:
        named = set(conn.execute(select(schema.cluster_names.c.cluster_id)).scalars())
        clustered = set(conn.execute(select(schema.clusters.c.id)).scalars())
    assert named == clustered
    second.close()


def test_migrations_incremental_clusters_rerun_is_noop(db_url):
    Store(db_url).close()
    again = Store(db_url)
    assert again.version == LATEST and "ix_techniques_label_article" in _indexes(again)
    again.close()
