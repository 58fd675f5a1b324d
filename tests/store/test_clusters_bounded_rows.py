"""Cluster rows stay bounded as articles join: counts move by the new articles' share and agree
with the member rows, merge decisions are appended as numbered rows, and an incremental run
counts what a full rebuild counts."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlalchemy import select

from rashomon.store import rebuild_clusters, schema, story_clusters
from tests.store.test_clusters_incremental import HAND, _article


def _state(store) -> dict[frozenset, tuple[int, int, list[str]]]:
    """Per cluster (as its member set): n_articles, n_mentions and the merge rules in order."""
    cl, cm, mg = schema.clusters, schema.cluster_members, schema.cluster_merges
    with store.read() as conn:
        members: dict[str, set] = defaultdict(set)
        for r in conn.execute(select(cm)):
            members[r.cluster_id].add((r.article_id, r.entity_id))
        rules: dict[str, list[str]] = defaultdict(list)
        seqs: dict[str, list[int]] = defaultdict(list)
        for r in conn.execute(select(mg).order_by(mg.c.cluster_id, mg.c.seq)):
            rules[r.cluster_id].append(r.rule)
            seqs[r.cluster_id].append(r.seq)
        rows = list(conn.execute(select(cl.c.id, cl.c.n_articles, cl.c.n_mentions)))
    for cid, numbers in seqs.items():
        assert numbers == list(range(len(numbers))), cid  # numbered 0.. with no gap
    out = {}
    for r in rows:
        assert r.n_articles == len({a for a, _ in members[r.id]}), r.id
        out[frozenset(members[r.id])] = (r.n_articles, r.n_mentions, rules[r.id])
    return out


# Batches whose names join stored clusters again and again (the same person and place in two
# scripts), plus one article that mentions a cluster's names twice.
REPEATS = [
    [_article(f"r{i}", [("Alexander Lukashenko", "PERSON"), ("Минск", "LOC")])] for i in range(3)
] + [[_article("r9", [("Lukashenka", "PERSON"), ("Minsk", "LOC"), ("Alexander Lukashenko", "PERSON")])]]


@pytest.mark.parametrize("batches", [list(HAND), REPEATS, list(HAND) + REPEATS], ids=["hand", "repeats", "both"])
def test_clusters_bounded_rows_counts_match_rebuild(store, batches):
    for batch in batches:
        store.add_many(batch)
    incremental = _state(store)
    rebuild_clusters(store)
    full = _state(store)
    assert set(incremental) == set(full)
    for members, (n_articles, n_mentions, rules) in incremental.items():
        assert (n_articles, n_mentions) == full[members][:2]
        assert len(rules) == len(full[members][2])  # one decision per joined name, either way


def test_clusters_bounded_rows_join_appends(store):
    store.add_many(HAND[0])
    before = _state(store)
    store.add_many(REPEATS[0])
    after = _state(store)
    grown = [(m, a) for m, a in after.items() if m not in before]
    assert grown  # the new article joined stored clusters
    for members, (n_articles, n_mentions, rules) in grown:
        old = max((b for b in before if b <= members), key=len)
        assert n_articles == before[old][0] + 1 and n_mentions > before[old][1]
        assert rules[:len(before[old][2])] == before[old][2]  # stored decisions first, unchanged


def _split(store, moved: str, new_id: str) -> None:
    """Make article `moved`'s first entity a stored cluster of their own, with one merge decision, as if
    an earlier update had kept them apart (a later article bridges the two: a fold)."""
    from rashomon.store.clusters import _name_rows
    from rashomon.store.migrations import write_transaction

    cl, cm, mg = schema.clusters, schema.cluster_members, schema.cluster_merges
    with write_transaction(store.engine) as conn:
        mine = (cm.c.article_id == moved) & (cm.c.entity_id == "e0")
        (old_id,) = conn.execute(select(cm.c.cluster_id).where(mine)).one()
        row = conn.execute(select(cl).where(cl.c.id == old_id)).mappings().one()
        conn.execute(cl.insert().values(id=new_id, name=row["name"], type=row["type"], aliases=row["aliases"],
                                        n_articles=1, n_mentions=1))
        conn.execute(cl.update().where(cl.c.id == old_id).values(n_articles=row["n_articles"] - 1,
                                                                  n_mentions=row["n_mentions"] - 1))
        conn.execute(cm.update().where(mine).values(cluster_id=new_id))
        conn.execute(mg.insert().values(cluster_id=new_id, seq=0, a="x", b="y", rule="split", score=1.0, why="test"))
        for table in (schema.cluster_names, schema.cluster_keys):
            conn.execute(table.delete().where(table.c.cluster_id == old_id))
        for cid in (old_id, new_id):
            ent = schema.entities
            same = (cm.c.article_id == ent.c.article_id) & (cm.c.entity_id == ent.c.entity_id)
            ents = {(r.name, r.type) for r in conn.execute(
                select(ent.c.name, ent.c.type).join(cm, same).where(cm.c.cluster_id == cid))}
            names, keys = _name_rows(cid, ents)
            conn.execute(schema.cluster_names.insert(), names)
            conn.execute(schema.cluster_keys.insert(), keys)
        story_clusters.fill(conn)


def test_clusters_bounded_rows_fold(store):
    store.add_many([_article("a1", [("Alexander Lukashenko", "PERSON")]),
                    _article("a2", [("Alexander Lukashenko", "PERSON"), ("Minsk", "LOC")])])
    _split(store, "a2", "E99")
    with store.read() as conn:
        before = {r.id: r.n_articles for r in conn.execute(select(schema.clusters.c.id, schema.clusters.c.n_articles))}
    assert before["E99"] == 1 and len([c for c in before if c != "E99"]) == 2
    store.add_many([_article("b1", [("Lukashenka", "PERSON")])])  # joins both: they fold into one
    state = _state(store)  # counts agree with the member rows; merges numbered with no gap
    with store.read() as conn:
        ids = set(conn.execute(select(schema.clusters.c.id)).scalars())
        (kept,) = conn.execute(select(schema.cluster_members.c.cluster_id).where(
            schema.cluster_members.c.article_id == "b1")).one()
        mg = schema.cluster_merges
        rules = list(conn.execute(select(mg.c.rule).where(mg.c.cluster_id == kept).order_by(mg.c.seq)).scalars())
    assert "E99" not in ids and kept != "E99"  # on a tie of counts the earlier id is kept
    luka = next(v for m, v in state.items() if {a for a, _ in m} == {"a1", "a2", "b1"})
    assert luka[0] == 3 and luka[2] == rules
    # The kept cluster's decisions, then the folded one's, then the new article's.
    assert len(rules) >= 3 and rules.index("split") == 1 and rules.count("split") == 1
    assert _story_counts(store) == _story_counts(store, fill=True)  # the fold re-counted the stories
    rebuild_clusters(store)
    assert set(_state(store)) == set(state)


def _story_counts(store, *, fill: bool = False) -> list[tuple]:
    """The story_clusters rows as kept, or as counted afresh from the member rows (rolled back)."""
    sc = schema.story_clusters
    with store.engine.connect() as conn, conn.begin():
        if fill:
            story_clusters.fill(conn)
        rows = sorted(tuple(r) for r in conn.execute(select(sc.c.story_id, sc.c.cluster_id, sc.c.k, sc.c.m)))
        conn.rollback()
    return rows
