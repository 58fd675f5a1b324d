"""Stories kept current as articles arrive: a new article joins a stored story or starts one,
with no reload of stored articles and no re-clustering.

An ingest marks its articles pending (`story_pending`). After the batch's entity clusters are
updated, `update_stories` loads only the pending articles and places each one in ingest
order: its candidate stories are those whose members share one of its entity clusters
(through the per-story cluster counts, `story_clusters`) and the `neighbours` stories with the nearest
opening centroids, all within the time window. Each candidate is scored with the average
pair score of compare's story grouping (`rashomon.compare.stories.StoryGroup.link`, the same
code) from the story's stored running sums: the sum of its members' opening vectors, their
lemma sums per language and language counts, its first and last day, and any other sum
StoryGroup keeps (stored by slot name). Entity sums come from the story's cluster counts
(rashomon.store.story_clusters: per cluster and k, how many members mention it among k
clusters), kept current when articles join, stories merge or clusters fold, and are read only
for a candidate that could still reach the threshold with them (`_Entities`). The article
joins the best story scoring at least `threshold` whose span stays within `max_days`, or
starts a new one; a story it joined then takes in any other candidate story it now links to
at `threshold` on average (the article bridged them), as group_stories' merges would. `rebuild_stories` (`rashomon
store rebuild-stories`) groups every stored article with `group_stories`, as `compare` does,
and replaces every story; it runs by itself when stories are missing (a database migrated
from schema version 6) or an article was deleted.
"""

from __future__ import annotations

import math
import dataclasses
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Callable, Iterable

import numpy as np
from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection

from ..compare.stories import StoryGroup, StoryOptions, article_day, group_stories, opening
from ..model import Article
from . import schema, story_clusters
from .clusters import clusters_stale, refresh_clusters
from .migrations import set_meta, write_transaction

if TYPE_CHECKING:
    from ..compare.embed import Embedder
    from .repository import Store

# An arbitrary constant: the PostgreSQL advisory lock that serialises story updates.
_PG_LOCK = 7_726_353
_CHUNK = 500  # ids per IN (...) list
_LOAD = 100  # pending articles loaded and embedded at once
_ENTITY_CANDIDATES = 30  # stories sharing the most entity clusters with an article, at most
# Opening centroids scanned per batch: the most recently updated stories in the window. Keeps
# an ingest's cost flat as the store grows (an undated batch would otherwise read every story).
_CENTROIDS = 2000


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _lock(conn: Connection) -> None:
    """Serialise story writers (SQLite's BEGIN IMMEDIATE already does)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")


def _chunks(items: list[Any], size: int = _CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _clusters_of(conn: Connection, article_ids: list[str] | None) -> dict[str, set[str]]:
    """Article id -> its PERSON/ORG/LOC cluster ids (all stored articles when `article_ids` is None)."""
    return story_clusters.member_clusters(conn, article_ids)


def _names(conn: Connection, cluster_ids: Iterable[str]) -> dict[str, str]:
    cl = schema.clusters
    out: dict[str, str] = {}
    for ids in _chunks(sorted(set(cluster_ids))):
        out.update((r.id, r.name) for r in conn.execute(select(cl.c.id, cl.c.name).where(cl.c.id.in_(ids))))
    return out


def _topic(conn: Connection, counts: dict[str, int]) -> str:
    """The three clusters most members mention (cluster id -> members), named, as group_stories
    names a story."""
    top = sorted(counts, key=lambda c: (-counts[c], c))[:3]
    names = _names(conn, top)
    return ", ".join(names.get(c, c) for c in top)


# StoryGroup's slots with columns of their own, or (entity sums) read from the current clusters;
# every other slot is a running sum (dicts, counts) stored in `sums` under its name and handed
# back to StoryGroup.from_sums by that name, so a sum compare adds is persisted with no change here.
_NOT_IN_SUMS = ("members", "vec", "ents", "first", "last")


def _story_values(group: StoryGroup) -> dict[str, Any]:
    """The stored columns of a story's running sums."""
    return {"n_articles": len(group.members), "first_day": _iso(group.first), "last_day": _iso(group.last),
            "vec": np.asarray(group.vec, dtype=np.float64).tobytes(),
            "sums": {slot: getattr(group, slot) for slot in StoryGroup.__slots__ if slot not in _NOT_IN_SUMS}}


def _opts(options: StoryOptions | None) -> StoryOptions:
    return options or StoryOptions()


def _lead_only(art: Article, opts: StoryOptions) -> Article:
    """The parts of an article that story grouping reads (title, opening paragraphs, lead tokens,
    lead sentences, dates), so a rebuild holds every stored article without its whole analysis
    (10,000 whole articles take ~10 GB)."""
    end = (art.paragraphs[0].start if art.paragraphs else 0) + opts.lead_chars
    return dataclasses.replace(art, paragraphs=art.paragraphs[:3],
                               sentences=art.sentences[:max(opts.lead_sentences, 1)],
                               tokens=[t for t in art.tokens if t.start < end], mentions=[], entities=[], quoted=[],
                               quotes=[], claims=[], techniques=[], quantities=[])


def _embedder(embed: Embedder | None) -> Embedder:
    if embed is not None:
        return embed
    from ..compare.embed import Embedder

    return Embedder()


# ---- full rebuild -------------------------------------------------------------------------


def rebuild_stories(store: Store, *, embed: Embedder | None = None, options: StoryOptions | None = None) -> int:
    """Group every stored article into stories (compare's `group_stories`) and replace the stored
    ones, renumbered by size; returns how many there are. Articles keep their joined_at."""
    opts, embed = _opts(options), _embedder(embed)
    if clusters_stale(store):
        refresh_clusters(store)
    st, sm = schema.stories, schema.story_members
    with write_transaction(store.engine) as conn:
        _lock(conn)
        articles = [_lead_only(a, opts) for ids in _chunks(store.article_ids()) for a in store.load_articles(ids)]
        clusters_of = _clusters_of(conn, None)
        names = _names(conn, {c for cs in clusters_of.values() for c in cs})
        stories = group_stories(articles, clusters_of, names, embed, options=opts)
        vecs = embed([opening(a, opts.lead_chars) for a in articles])
        row_of = {a.id: i for i, a in enumerate(articles)}
        joined = {a: j for a, j in conn.execute(select(sm.c.article_id, sm.c.joined_at))}
        art = schema.articles
        ingested = {r.id: r.ingested_at for r in conn.execute(select(art.c.id, art.c.ingested_at))}
        now = _now()
        story_rows, member_rows = [], []
        for s in stories:
            groups = [StoryGroup.of_article(a, articles[row_of[a]], vecs[row_of[a]], clusters_of.get(a, set()), opts)
                      for a in s.articles]
            for g in groups[1:]:
                groups[0].absorb(g)
            story_rows.append({"id": s.id, "topic": s.topic, "created_at": now, "updated_at": now,
                               **_story_values(groups[0])})
            member_rows += [{"story_id": s.id, "article_id": a, "joined_at": joined.get(a) or ingested.get(a) or now}
                            for a in s.articles]
        conn.execute(sm.delete())
        conn.execute(st.delete())
        pend = schema.story_pending
        for ids in _chunks(list(row_of)):
            conn.execute(pend.delete().where(pend.c.article_id.in_(ids)))
        for rows, table in ((story_rows, st), (member_rows, sm)):
            if rows:
                conn.execute(table.insert(), rows)
        story_clusters.fill(conn)
        set_meta(conn, "stories_fresh", "1")
        set_meta(conn, "stories_next", str(len(stories) + 1))
    return len(stories)


# ---- incremental placement ----------------------------------------------------------------


class _Centroids:
    """The opening-vector sums of the stories a batch may join (in its window, the `_CENTROIDS`
    most recently updated), kept current as articles are placed, to find each article's nearest
    stories with one matrix product."""

    def __init__(self, conn: Connection, days: list[date | None], opts: StoryOptions) -> None:
        st = schema.stories
        stmt = select(st.c.id, st.c.n_articles, st.c.first_day, st.c.last_day, st.c.vec)
        dated = [d for d in days if d is not None]
        if dated and len(dated) == len(days):
            lo, hi = min(dated) - timedelta(days=opts.max_days), max(dated) + timedelta(days=opts.max_days)
            stmt = stmt.where(or_(st.c.first_day.is_(None), and_(st.c.last_day >= lo.isoformat(),
                                                                  st.c.first_day <= hi.isoformat())))
        self.ids: list[str] = []
        self.n: list[int] = []
        self.first: list[date | None] = []
        self.last: list[date | None] = []
        vecs: list[np.ndarray] = []
        for row in conn.execute(stmt.order_by(st.c.updated_at.desc(), st.c.id).limit(_CENTROIDS)):
            self.ids.append(row.id)
            self.n.append(row.n_articles)
            self.first.append(_day(row.first_day))
            self.last.append(_day(row.last_day))
            vecs.append(np.frombuffer(row.vec, dtype=np.float64))
        self.vecs = np.stack(vecs) if vecs else np.zeros((0, 512))
        self.pos = {sid: i for i, sid in enumerate(self.ids)}
        self.gone: set[int] = set()  # rows of stories merged into another

    def nearest(self, vec: np.ndarray, day: date | None, opts: StoryOptions) -> list[str]:
        """The `neighbours` stories whose members' openings are nearest on average, in the window."""
        if not self.ids:
            return []
        sims = (self.vecs @ vec.astype(np.float64)) / np.asarray(self.n, dtype=np.float64)
        if day is not None:
            for i, (first, last) in enumerate(zip(self.first, self.last)):
                if first is not None and (max(last, day) - min(first, day)).days > opts.max_days:
                    sims[i] = -np.inf
        for i in self.gone:
            sims[i] = -np.inf
        order = np.argsort(-sims, kind="stable")[:opts.neighbours]
        return [self.ids[i] for i in order if np.isfinite(sims[i])]

    def put(self, sid: str, group: StoryGroup) -> None:
        """Record a story's new sums (a joined or a new story)."""
        if sid in self.pos:
            i = self.pos[sid]
            self.vecs[i] = group.vec
        else:
            self.pos[sid] = i = len(self.ids)
            self.ids.append(sid)
            self.n.append(0)
            self.first.append(None)
            self.last.append(None)
            self.vecs = np.vstack([self.vecs, np.asarray(group.vec, dtype=np.float64)[None, :]])
        self.n[i], self.first[i], self.last[i] = len(group.members), group.first, group.last

    def drop(self, sid: str) -> None:
        """Forget a story merged into another."""
        if sid in self.pos:
            self.gone.add(self.pos.pop(sid))


def _entity_candidates(conn: Connection, clusters: set[str], day: date | None, opts: StoryOptions) -> list[str]:
    """Stories whose members share an entity cluster with the article, in the window, most shared
    first (from the stories' cluster counts: a row per story and cluster, not per member)."""
    if not clusters:
        return []
    sc, st = schema.story_clusters, schema.stories
    shared = func.count(func.distinct(sc.c.cluster_id))
    stmt = (select(sc.c.story_id, shared.label("shared")).select_from(sc).join(st, st.c.id == sc.c.story_id)
            .where(sc.c.cluster_id.in_(sorted(clusters))))
    if day is not None:
        lo, hi = (day - timedelta(days=opts.max_days)).isoformat(), (day + timedelta(days=opts.max_days)).isoformat()
        stmt = stmt.where(or_(st.c.first_day.is_(None), and_(st.c.first_day >= lo, st.c.last_day <= hi)))
    stmt = stmt.group_by(sc.c.story_id).order_by(shared.desc(), sc.c.story_id).limit(_ENTITY_CANDIDATES)
    return [r.story_id for r in conn.execute(stmt)]


def _entity_sums(conn: Connection,
                 story_ids: list[str]) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, int]]]:
    """Per story, its members' entity sums and how many members mention each cluster (from the
    stories' cluster counts, rashomon.store.story_clusters)."""
    return story_clusters.entity_sums(conn, story_ids)


def _groups(conn: Connection, story_ids: list[str], *,
            entities: bool = True) -> tuple[dict[str, StoryGroup], dict[str, dict[str, int]]]:
    """Candidate stories as StoryGroups from their stored sums and their members' current
    clusters; and per story how many members mention each cluster (for the topic). With
    `entities=False` the entity sums are left empty (see _Entities)."""
    st, sm = schema.stories, schema.story_members
    members: dict[str, list[str]] = defaultdict(list)
    rows = {}
    for ids in _chunks(story_ids):
        rows.update((r.id, r) for r in conn.execute(select(st).where(st.c.id.in_(ids))))
        for r in conn.execute(select(sm.c.story_id, sm.c.article_id).where(sm.c.story_id.in_(ids))
                              .order_by(sm.c.joined_at, sm.c.article_id)):
            members[r.story_id].append(r.article_id)
    ents, counts = _entity_sums(conn, story_ids) if entities else ({}, {})
    out = {}
    for sid, row in rows.items():
        out[sid] = StoryGroup.from_sums(members[sid], np.frombuffer(row.vec, dtype=np.float64).copy(),
                                        ents.get(sid, {}), first=_day(row.first_day), last=_day(row.last_day),
                                        **row.sums)
    return out, counts


class _Entities:
    """Candidate stories' entity sums, read from their cluster counts only for a story whose
    score could still reach the threshold. A story's entity term adds at most `entity_weight`
    to its average pair score (the cosine of two unit vectors of non-negative weights is at
    most 1), so a story scoring below threshold - entity_weight without it cannot be chosen;
    its cluster counts are never read."""

    def __init__(self, conn: Connection, groups: dict[str, StoryGroup]) -> None:
        self.conn = conn
        self.sid_of = {id(g): sid for sid, g in groups.items()}
        self.counts: dict[str, dict[str, int]] = {}  # story -> cluster -> members (read ones)

    def ready(self, candidate: StoryGroup, against: StoryGroup, opts: StoryOptions) -> bool:
        """Whether `candidate` may link to `against` at the threshold; its entity sums read if so."""
        sid = self.sid_of.get(id(candidate))
        if sid is None or sid in self.counts:
            return True
        # 1e-9: the bound is exact; this only absorbs rounding in the sums.
        if candidate.link(against, opts) + opts.entity_weight + 1e-9 < opts.threshold:
            return False
        ents, counts = _entity_sums(self.conn, [sid])
        candidate.ents = ents.get(sid, {})
        self.counts[sid] = counts.get(sid, {})
        return True


def _place(conn: Connection, art: Article, vec: np.ndarray, centroids: _Centroids, opts: StoryOptions,
           next_id: int, now: str) -> int:
    """Put one article into its best story or a new one; returns the next free story number."""
    st, sm = schema.stories, schema.story_members
    mine_clusters = _clusters_of(conn, [art.id]).get(art.id, set())
    day = article_day(art)
    mine = StoryGroup.of_article(art.id, art, vec, mine_clusters, opts)
    wanted = list(dict.fromkeys(_entity_candidates(conn, mine_clusters, day, opts) + centroids.nearest(vec, day, opts)))
    groups = _groups(conn, wanted, entities=False)[0] if wanted else {}
    groups = {sid: groups[sid] for sid in wanted if sid in groups}  # candidate order: ties go to the first
    first_member = {sid: g.members[0] for sid, g in groups.items() if g.members}
    ents = _Entities(conn, groups)
    best = _best_link(groups, lambda g: g.link(mine, opts) if g.span_with(mine) <= opts.max_days
                      and ents.ready(g, mine, opts) else -math.inf, opts)
    topic = dict.fromkeys(mine_clusters, 1)
    if best is not None:
        sid = best[1]
        group = groups.pop(sid)
        group.absorb(mine)
        conn.execute(sm.insert().values(story_id=sid, article_id=art.id, joined_at=now))
        story_clusters.add_member(conn, sid, mine_clusters)
        sid, group = _merge_bridged(conn, sid, group, groups, centroids, ents, opts)
        joined = set(group.members)  # the story, the article and any story it bridged
        for cid, m in ents.counts.items():
            if first_member.get(cid) in joined:
                for c, n in m.items():
                    topic[c] = topic.get(c, 0) + n
        conn.execute(st.update().where(st.c.id == sid).values(
            topic=_topic(conn, topic), updated_at=now, **_story_values(group)))
    else:
        sid, group = f"S{next_id}", mine
        next_id += 1
        conn.execute(st.insert().values(id=sid, topic=_topic(conn, topic), created_at=now,
                                        updated_at=now, **_story_values(group)))
        conn.execute(sm.insert().values(story_id=sid, article_id=art.id, joined_at=now))
        story_clusters.add_member(conn, sid, mine_clusters)
    centroids.put(sid, group)
    return next_id


def _best_link(candidates: dict[str, StoryGroup], score: Callable[[StoryGroup], float],
               opts: StoryOptions) -> tuple[float, str] | None:
    """(score, id) of the candidate story scoring best at or above the threshold, within the
    window of `score`'s story (it says -inf outside); the first in candidate order wins a tie."""
    best: tuple[float, str] | None = None
    for cid, other in candidates.items():
        value = score(other)
        if value >= opts.threshold and (best is None or value > best[0]):
            best = (value, cid)
    return best


def _merge_bridged(conn: Connection, sid: str, group: StoryGroup, others: dict[str, StoryGroup],
                   centroids: _Centroids, ents: _Entities, opts: StoryOptions) -> tuple[str, StoryGroup]:
    """Fold into the story an article just joined the other candidate stories it now links to on
    average (the article bridges them), best first, as group_stories' merges would; the larger
    story keeps its id. Returns the surviving story."""
    st, sm = schema.stories, schema.story_members
    while True:
        best = _best_link(others, lambda o: group.link(o, opts) if group.span_with(o) <= opts.max_days
                          and ents.ready(o, group, opts) else -math.inf, opts)
        if best is None:
            return sid, group
        oid = best[1]
        other = others.pop(oid)
        if (len(other.members), sid) > (len(group.members), oid):
            sid, oid, group, other = oid, sid, other, group
        group.absorb(other)
        conn.execute(sm.update().where(sm.c.story_id == oid).values(story_id=sid))
        story_clusters.merge_stories(conn, sid, oid)
        conn.execute(st.delete().where(st.c.id == oid))
        centroids.drop(oid)


def _pending(conn: Connection) -> list[str]:
    """Pending article ids in ingest order."""
    pend, art = schema.story_pending, schema.articles
    return list(conn.execute(select(pend.c.article_id).join(art, art.c.id == pend.c.article_id)
                             .order_by(art.c.ingested_at, art.c.id)).scalars())


def update_stories(store: Store, *, embed: Embedder | None = None, options: StoryOptions | None = None) -> int:
    """Place each pending article in a stored story or a new one, reading only the pending
    articles; returns how many stories there are."""
    opts = _opts(options)
    if clusters_stale(store):
        refresh_clusters(store)
    st, pend = schema.stories, schema.story_pending
    with write_transaction(store.engine) as conn:
        _lock(conn)
        pending = _pending(conn)
        if pending:
            embed = _embedder(embed)
            now = _now()
            value = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "stories_next")).scalar()
            next_id = int(value) if value else 1
            for ids in _chunks(pending, _LOAD):
                articles = store.load_articles(ids)
                vecs = embed([opening(a, opts.lead_chars) for a in articles])
                centroids = _Centroids(conn, [article_day(a) for a in articles], opts)
                for art, vec in zip(articles, vecs):
                    next_id = _place(conn, art, vec, centroids, opts, next_id, now)
                conn.execute(pend.delete().where(pend.c.article_id.in_(ids)))
            set_meta(conn, "stories_next", str(next_id))
        return int(conn.execute(select(func.count()).select_from(st)).scalar_one())


def stories_stale(store: Store) -> bool:
    """True when stored articles are not all placed in stories."""
    if store.meta("stories_fresh") != "1":
        return True
    with store.read() as conn:
        return conn.execute(select(schema.story_pending.c.article_id).limit(1)).first() is not None


def refresh_stories(store: Store, *, embed: Embedder | None = None, options: StoryOptions | None = None) -> int:
    """Bring the stories up to date: incrementally when they are fresh, else a full rebuild;
    returns how many there are."""
    if store.meta("stories_fresh") != "1":
        return rebuild_stories(store, embed=embed, options=options)
    return update_stories(store, embed=embed, options=options)
