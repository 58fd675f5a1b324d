"""Migration 8: a version-7 database, whose cluster rows hold `articles` and `merges` JSON lists,
gets its merges as `cluster_merges` rows in list order and loses both columns; the entity page
reads the same merges, and the next ingest appends to them."""

from __future__ import annotations

import pytest
from sqlalchemy import JSON, column, inspect, select, table, update

from rashomon.store import Store, schema
from rashomon.store.entities import entity_detail
from rashomon.store.migrations import LATEST
from tests.store.test_clusters_incremental import HAND, _article


def _merges(st: Store) -> dict[str, list[dict]]:
    with st.read() as conn:
        ids = list(conn.execute(select(schema.clusters.c.id)).scalars())
    return {cid: entity_detail(st, cid)["merges"] for cid in ids}


def _columns(st: Store) -> set[str]:
    return {c["name"] for c in inspect(st.engine).get_columns("clusters")}


def _make_v7(st: Store) -> None:
    """Put the JSON lists back on the cluster rows and drop the merges table, as version 7 had it."""
    legacy = table("clusters", column("id"), column("articles", JSON), column("merges", JSON))
    cm, mg = schema.cluster_members, schema.cluster_merges
    with st.engine.begin() as conn:
        merges: dict[str, list[dict]] = {}
        for r in conn.execute(select(mg).order_by(mg.c.cluster_id, mg.c.seq)).mappings():
            merges.setdefault(r["cluster_id"], []).append({k: r[k] for k in ("a", "b", "rule", "score", "why")})
        articles: dict[str, list[str]] = {}
        for cid, aid in conn.execute(select(cm.c.cluster_id, cm.c.article_id).distinct().order_by(cm.c.article_id)):
            articles.setdefault(cid, []).append(aid)
        conn.exec_driver_sql("ALTER TABLE clusters ADD COLUMN articles JSON")
        conn.exec_driver_sql("ALTER TABLE clusters ADD COLUMN merges JSON")
        for cid in list(conn.execute(select(schema.clusters.c.id)).scalars()):
            conn.execute(update(legacy).where(legacy.c.id == cid)
                         .values(articles=articles.get(cid, []), merges=merges.get(cid, [])))
        conn.exec_driver_sql("DROP TABLE cluster_merges")
    st.set_meta("schema_version", "7")


def test_migrations_cluster_merges_upgrade_from_v7(db_url):
    first = Store(db_url)
    first.add_many(HAND[0])
    first.add_many(HAND[1])
    want = _merges(first)
    assert sum(len(m) for m in want.values()) > 0
    _make_v7(first)
    assert {"articles", "merges"} <= _columns(first)
    first.close()

    second = Store(db_url)  # start-up runs migration 8
    assert second.version == LATEST >= 8
    assert not {"articles", "merges"} & _columns(second)
    assert _merges(second) == want  # the same decisions, in the same order
    second.add_many([_article("c1", [("Lukashenko", "PERSON"), ("Minsk", "LOC")])])
    after = _merges(second)
    # A join appends the new decisions after the stored ones.
    assert all(after[cid][:len(m)] == m for cid, m in want.items() if cid in after)
    assert sum(len(m) for m in after.values()) > sum(len(m) for m in want.values())
    second.close()


@pytest.mark.parametrize("runs", [1, 2])
def test_migrations_cluster_merges_rerun_is_noop(db_url, runs):
    for _ in range(runs):
        Store(db_url).close()
    again = Store(db_url)
    assert again.version == LATEST and "cluster_merges" in inspect(again.engine).get_table_names()
    assert not {"articles", "merges"} & _columns(again)
    again.close()
