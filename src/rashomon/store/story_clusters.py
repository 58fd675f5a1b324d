"""Per-story entity cluster counts (`story_clusters`, migration 9): for a story, a cluster and a
count k, how many of its member articles mention that cluster among k PERSON/ORG/LOC clusters.

Story placement reads a candidate story's entity sums from these rows (one per distinct cluster
and k, however many members the story has) and finds the stories that share an article's
clusters through them. They move by O(article) arithmetic: an article joining a story adds
its clusters, a story folded into another adds its rows to the other's, and a cluster folded
into another (rashomon.store.clusters) re-counts only the members that mentioned it. A cluster
or story rebuild fills them again from the member rows. Counts are integers, so the sums read
from them are the sums the member rows give, bit for bit.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from sqlalchemy import and_, bindparam, select
from sqlalchemy.engine import Connection

from . import schema

KINDS = ("PERSON", "ORG", "LOC")  # the entity types story grouping reads, as in compare
_CHUNK = 500  # ids per IN (...) list
Key = tuple[str, str, int]  # (story id, cluster id, k)


def _chunks(items: list, size: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def member_clusters(conn: Connection, article_ids: list[str] | None) -> dict[str, set[str]]:
    """Article id -> its PERSON/ORG/LOC cluster ids (all stored articles when `article_ids` is None)."""
    cm, cl = schema.cluster_members, schema.clusters
    out: dict[str, set[str]] = defaultdict(set)
    stmt = (select(cm.c.article_id, cm.c.cluster_id).join(cl, cl.c.id == cm.c.cluster_id)
            .where(cl.c.type.in_(KINDS)))
    for ids in ([None] if article_ids is None else _chunks(article_ids)):
        where = stmt if ids is None else stmt.where(cm.c.article_id.in_(ids))
        for row in conn.execute(where):
            out[row.article_id].add(row.cluster_id)
    return out


def bump(conn: Connection, deltas: dict[Key, int]) -> None:
    """Add each delta to its (story, cluster, k) count; a count that reaches 0 is removed."""
    deltas = {key: d for key, d in deltas.items() if d}
    if not deltas:
        return
    sc = schema.story_clusters
    stories = sorted({s for s, _, _ in deltas})
    clusters = sorted({c for _, c, _ in deltas})
    have: dict[Key, int] = {}
    for sids in _chunks(stories):
        for cids in _chunks(clusters):
            for r in conn.execute(select(sc).where(sc.c.story_id.in_(sids), sc.c.cluster_id.in_(cids))):
                have[(r.story_id, r.cluster_id, r.k)] = r.m
    new, changed, gone = [], [], []
    for (sid, cid, k), d in sorted(deltas.items()):
        m = have.get((sid, cid, k), 0) + d
        row = {"b_s": sid, "b_c": cid, "b_k": k, "b_m": m}
        if (sid, cid, k) not in have:
            if m > 0:
                new.append({"story_id": sid, "cluster_id": cid, "k": k, "m": m})
        elif m > 0:
            changed.append(row)
        else:
            gone.append(row)
    key = and_(sc.c.story_id == bindparam("b_s"), sc.c.cluster_id == bindparam("b_c"), sc.c.k == bindparam("b_k"))
    if changed:
        conn.execute(sc.update().where(key).values(m=bindparam("b_m")), changed)
    if gone:
        conn.execute(sc.delete().where(key), gone)
    if new:
        conn.execute(sc.insert(), new)


def add_member(conn: Connection, story_id: str, clusters: set[str]) -> None:
    """Count an article with these clusters as a member of the story."""
    bump(conn, {(story_id, c, len(clusters)): 1 for c in clusters})


def merge_stories(conn: Connection, keep: str, gone: str) -> None:
    """Story `gone` was folded into `keep`: its counts join `keep`'s."""
    sc = schema.story_clusters
    rows = conn.execute(select(sc.c.cluster_id, sc.c.k, sc.c.m).where(sc.c.story_id == gone)).all()
    conn.execute(sc.delete().where(sc.c.story_id == gone))
    bump(conn, {(keep, r.cluster_id, r.k): r.m for r in rows})


def fold_cluster(conn: Connection, keep: str, gone: str) -> None:
    """Cluster `gone` is about to be folded into `keep` (before its member rows move): re-count
    the story members that mention `gone`, whose cluster set changes (and shrinks by one when
    they also mention `keep`)."""
    cl, cm, sm = schema.clusters, schema.cluster_members, schema.story_members
    kinds = dict(conn.execute(select(cl.c.id, cl.c.type).where(cl.c.id.in_([keep, gone]))).all())
    if kinds.get(gone) not in KINDS:
        return
    story_of = dict(conn.execute(select(sm.c.article_id, sm.c.story_id).distinct()
                                 .join(cm, cm.c.article_id == sm.c.article_id).where(cm.c.cluster_id == gone)).all())
    if not story_of:
        return
    deltas: Counter[Key] = Counter()
    for aid, old in member_clusters(conn, sorted(story_of)).items():
        new = (old - {gone}) | ({keep} if kinds.get(keep) in KINDS else set())
        for c in old:
            deltas[(story_of[aid], c, len(old))] -= 1
        for c in new:
            deltas[(story_of[aid], c, len(new))] += 1
    bump(conn, deltas)


def fill(conn: Connection) -> int:
    """Recount every story's clusters from the member rows (after a cluster or story rebuild);
    returns how many rows there are."""
    sc, sm = schema.story_clusters, schema.story_members
    conn.execute(sc.delete())
    clusters_of = member_clusters(conn, None)
    counts: Counter[Key] = Counter()
    for sid, aid in conn.execute(select(sm.c.story_id, sm.c.article_id)):
        mine = clusters_of.get(aid, set())
        for c in mine:
            counts[(sid, c, len(mine))] += 1
    rows = [{"story_id": s, "cluster_id": c, "k": k, "m": m} for (s, c, k), m in sorted(counts.items())]
    for part in _chunks(rows, 5000):
        conn.execute(sc.insert(), part)
    return len(rows)


def entity_sums(conn: Connection,
                story_ids: list[str]) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, int]]]:
    """Per story, its members' entity sums (each member's clusters as a unit vector, summed) and
    how many members mention each cluster."""
    sc = schema.story_clusters
    ents: dict[str, dict[str, float]] = defaultdict(dict)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for ids in _chunks(story_ids):
        for r in conn.execute(select(sc.c.story_id, sc.c.cluster_id, sc.c.k, sc.c.m).where(sc.c.story_id.in_(ids))
                              .order_by(sc.c.story_id, sc.c.cluster_id, sc.c.k)):
            w = 1.0 / r.k ** 0.5  # a member's clusters as a unit vector, as StoryGroup.of_article weighs them
            ents[r.story_id][r.cluster_id] = ents[r.story_id].get(r.cluster_id, 0.0) + r.m * w
            counts[r.story_id][r.cluster_id] = counts[r.story_id].get(r.cluster_id, 0) + r.m
    return ents, counts
