"""Per-story cluster counts: kept by arithmetic as articles join stories one batch at a time,
they equal a count afresh from the member rows, and story placement reads the same entity sums
from them as from the members' clusters."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlalchemy import func, select

from rashomon.store import rebuild_clusters, schema, story_clusters
from rashomon.store.stories import rebuild_stories
from tests.store.test_clusters_bounded_rows import _story_counts
from tests.store.test_stories_incremental import FIRST, SECOND


def _sums_from_members(conn, story_ids: list[str]) -> dict[str, dict[str, float]]:
    """Entity sums straight from the member rows: each member's clusters as a unit vector."""
    sm = schema.story_members
    clusters_of = story_clusters.member_clusters(conn, None)
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for sid, aid in conn.execute(select(sm.c.story_id, sm.c.article_id).where(sm.c.story_id.in_(story_ids))):
        mine = clusters_of.get(aid, set())
        for c in mine:
            out[sid][c] = out[sid].get(c, 0.0) + 1.0 / len(mine) ** 0.5
    return out


@pytest.mark.parametrize("batches", [
    [FIRST + SECOND],  # one batch: the first refresh groups in full
    [FIRST, SECOND],
    [[a] for a in FIRST + SECOND],  # one article at a time
    [], ], ids=["one-batch", "two-batches", "one-at-a-time", "empty"])
def test_story_clusters_counts_match_members(store, batches):
    for batch in batches:
        store.add_many(batch)
    kept = _story_counts(store)
    assert kept == _story_counts(store, fill=True)
    assert bool(kept) == bool(batches)
    with store.read() as conn:
        ids = list(conn.execute(select(schema.stories.c.id)).scalars())
        ents, counts = story_clusters.entity_sums(conn, ids)
        want = _sums_from_members(conn, ids)
        members = dict(conn.execute(select(schema.stories.c.id, schema.stories.c.n_articles)).all())
    assert set(ents) == set(want)
    for sid in ents:
        assert ents[sid] == pytest.approx(want[sid], rel=1e-12)
        assert max(counts[sid].values()) <= members[sid]


def test_story_clusters_counts_survive_rebuilds(store):
    store.add_many(FIRST)
    store.add_many(SECOND)
    kept = _story_counts(store)
    rebuild_clusters(store)  # cluster ids renumbered: the counts are counted again
    assert _story_counts(store) == _story_counts(store, fill=True)
    assert len(_story_counts(store)) == len(kept)
    rebuild_stories(store)
    assert _story_counts(store) == _story_counts(store, fill=True)
    with store.read() as conn:
        n = conn.execute(select(func.count()).select_from(schema.story_clusters)).scalar_one()
    assert n == len(kept)
