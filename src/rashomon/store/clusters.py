"""Corpus entity clusters: updated incrementally after each ingest batch, rebuilt in full on demand.

An ingest marks its articles pending. `refresh_clusters` then places only their entities:
their lookup keys find the stored clusters they can meet (`cluster_keys`), those clusters'
names (`cluster_names`) stand in for them, and rashomon.resolve decides merges on that small
set (rashomon.resolve.incremental). Existing clusters keep their ids; new ones get the next
free id. A full rebuild (`rebuild_clusters`, `rashomon store rebuild-clusters`) reloads every
article and renumbers by size; it runs by itself when the clusters are missing or an article
was deleted.

An update writes in proportion to the new articles, not to the clusters they join: members and
merge decisions are appended as rows (`cluster_members`, `cluster_merges`), the counts on a
cluster's row move by the new articles' share, and its aliases are rewritten only when a new
surface form arrives. Only folding stored clusters together (an article bridges them) touches
their rows in proportion to their size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, select, tuple_
from sqlalchemy.engine import Connection

from ..model import Article
from . import schema, story_clusters
from .migrations import set_meta, write_transaction

if TYPE_CHECKING:
    from .repository import Store

# An arbitrary constant: the PostgreSQL advisory lock that serialises cluster updates.
_PG_LOCK = 7_726_352
_CHUNK = 500  # ids or keys per IN (...) list


@dataclass
class StoredCluster:
    """What the store keeps of a cluster (duck-types rashomon.resolve.EntityCluster)."""

    id: str
    name: str
    type: str
    aliases: list[str]
    articles: list[str]
    members: list[tuple[str, str]]
    merges: list[Any] = field(default_factory=list)
    mentions: int = 0


def compute_clusters(articles: list[Article]) -> list[Any]:
    """Cross-article clusters from rashomon.resolve, or a same-name fallback when it is absent."""
    try:
        from ..resolve import cluster_entities
    except ImportError:
        return _same_name_clusters(articles)
    return cluster_entities(articles)


def _same_name_clusters(articles: list[Article]) -> list[StoredCluster]:
    """Fallback without rashomon.resolve: entities join only on identical (casefolded) name and type."""
    groups: dict[tuple[str, str], StoredCluster] = {}
    for art in articles:
        for ent in art.entities:
            key = (ent.name.casefold(), ent.type)
            cl = groups.setdefault(key, StoredCluster("", ent.name, ent.type, [], [], []))
            cl.members.append((art.id, ent.id))
            cl.aliases = sorted(set(cl.aliases) | set(ent.aliases) | {ent.name}, key=str.casefold)
            if art.id not in cl.articles:
                cl.articles.append(art.id)
            cl.mentions += len(ent.mentions)
    out = sorted(groups.values(), key=lambda c: (-len(c.articles), -c.mentions, c.name.casefold()))
    for i, cl in enumerate(out, start=1):
        cl.id = f"E{i}"
    return out


def _merge_dict(merge: Any) -> dict[str, Any]:
    return {k: getattr(merge, k, None) for k in ("a", "b", "rule", "score", "why")}


def _cluster_row(c: Any) -> dict[str, Any]:
    return {"id": c.id, "name": c.name, "type": c.type, "aliases": list(c.aliases),
            "n_articles": len(c.articles), "n_mentions": int(getattr(c, "mentions", 0) or 0)}


def _merge_rows(cluster_id: str, merges: list[Any], start: int = 0) -> list[dict[str, Any]]:
    """cluster_merges rows of a cluster's merges, numbered on from `start`."""
    return [{"cluster_id": cluster_id, "seq": start + i, **_merge_dict(m)} for i, m in enumerate(merges)]


def _name_rows(cluster_id: str, names: set[tuple[str, str]]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """cluster_names and cluster_keys rows for a cluster's (name, type) pairs."""
    from ..resolve.incremental import joinable, lookup_keys

    name_rows = [{"cluster_id": cluster_id, "type": t, "name": n} for n, t in sorted(names)]
    keys = {(t, k) for n, t in names if joinable(n, t) for k in lookup_keys(n, t)}
    return name_rows, [{"cluster_id": cluster_id, "type": t, "key": k} for t, k in sorted(keys)]


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def _lock(conn: Connection) -> None:
    """Serialise cluster writers (SQLite's BEGIN IMMEDIATE already does)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")


def _entity_names(articles: list[Article]) -> dict[tuple[str, str], tuple[str, str]]:
    """(article id, entity id) -> (name, type) for every entity of the articles."""
    return {(a.id, e.id): (e.name, e.type) for a in articles for e in a.entities}


def rebuild_clusters(store: Store) -> int:
    """Recompute and replace every cluster from every stored article; returns how many there are."""
    with write_transaction(store.engine) as conn:
        _lock(conn)
        articles = store.load_articles(full=False)  # entities and mentions are all clusters read
        clusters = compute_clusters(articles)
        names_of = _entity_names(articles)
        cl_rows = [_cluster_row(c) for c in clusters]
        member_rows = [{"cluster_id": c.id, "article_id": a, "entity_id": e} for c in clusters for a, e in c.members]
        merge_rows = [row for c in clusters for row in _merge_rows(c.id, getattr(c, "merges", []))]
        name_rows: list[dict[str, str]] = []
        key_rows: list[dict[str, str]] = []
        for c in clusters:
            names, keys = _name_rows(c.id, {names_of[m] for m in c.members if m in names_of})
            name_rows += names
            key_rows += keys
        for table in (schema.cluster_members, schema.cluster_merges, schema.cluster_names, schema.cluster_keys,
                      schema.clusters):
            conn.execute(table.delete())
        # Only the articles read here stop being pending: on PostgreSQL another ingest may have
        # committed one since, and the next update places it.
        pend = schema.cluster_pending
        loaded = [a.id for a in articles]
        for i in range(0, len(loaded), _CHUNK):
            conn.execute(pend.delete().where(pend.c.article_id.in_(loaded[i:i + _CHUNK])))
        _insert(conn, schema.clusters, cl_rows)
        _insert(conn, schema.cluster_members, member_rows)
        _insert(conn, schema.cluster_merges, merge_rows)
        _insert(conn, schema.cluster_names, name_rows)
        _insert(conn, schema.cluster_keys, key_rows)
        # Cluster ids were renumbered: the stories' cluster counts are counted again.
        story_clusters.fill(conn)
        set_meta(conn, "clusters_fresh", "1")
        set_meta(conn, "clusters_next", str(len(cl_rows) + 1))
        set_meta(conn, "clusters_articles", str(len(articles)))
    return len(cl_rows)


def _candidates(conn: Connection, articles: list[Article]) -> dict[str, list[tuple[str, str]]]:
    """Stored clusters that share a lookup key with a new entity and hold a name it compares
    the same as: cluster id -> its (name, type) pairs."""
    from ..resolve.incremental import NewNames

    new = NewNames([(e.name, e.type) for a in articles for e in a.entities])
    wanted = new.keys()
    ck, cn = schema.cluster_keys, schema.cluster_names
    found: set[str] = set()
    for i in range(0, len(wanted), _CHUNK):
        found.update(conn.execute(select(ck.c.cluster_id).where(tuple_(ck.c.type, ck.c.key).in_(wanted[i:i + _CHUNK])))
                     .scalars())
    known: dict[str, list[tuple[str, str]]] = {}
    ids = sorted(found)
    for i in range(0, len(ids), _CHUNK):
        for row in conn.execute(select(cn.c.cluster_id, cn.c.name, cn.c.type)
                                .where(cn.c.cluster_id.in_(ids[i:i + _CHUNK]))
                                .order_by(cn.c.cluster_id, cn.c.type, cn.c.name)):
            known.setdefault(row.cluster_id, []).append((row.name, row.type))
    return {cid: names for cid, names in known.items() if new.related(names)}


def _next_id(conn: Connection) -> int:
    value = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "clusters_next")).scalar()
    if value is not None:
        return int(value)
    ids = conn.execute(select(schema.clusters.c.id)).scalars()
    return 1 + max((int(i[1:]) for i in ids if i[1:].isdigit()), default=0)


def _next_seq(conn: Connection, cluster_id: str) -> int:
    """The next merge number of a cluster (one index lookup)."""
    cm = schema.cluster_merges
    last = conn.execute(select(func.max(cm.c.seq)).where(cm.c.cluster_id == cluster_id)).scalar()
    return 0 if last is None else int(last) + 1


def _fold(conn: Connection, keep: dict[str, Any], gone: list[dict[str, Any]], placement: Any
          ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Stored cluster `keep` extended with the clusters `gone` (merged into it now) and the new
    members: the values of its updated row (under `_id`; `aliases` only when they changed) and
    the rows of the new merge decisions."""
    new = placement.cluster
    aliases = set(keep["aliases"])
    mentions = int(keep["n_mentions"])
    n_articles = int(keep["n_articles"])
    seq = _next_seq(conn, keep["id"])
    for row in gone:
        aliases |= set(row["aliases"])
        mentions += int(row["n_mentions"])
        # The folded cluster's decisions follow the kept one's, in their own order.
        cm = schema.cluster_merges
        conn.execute(cm.update().where(cm.c.cluster_id == row["id"]).values(cluster_id=keep["id"], seq=cm.c.seq + seq))
        seq = _next_seq(conn, keep["id"])
        story_clusters.fold_cluster(conn, keep["id"], row["id"])
        for table in (schema.cluster_members, schema.cluster_names, schema.cluster_keys):
            conn.execute(table.update().where(table.c.cluster_id == row["id"]).values(cluster_id=keep["id"]))
        conn.execute(schema.clusters.delete().where(schema.clusters.c.id == row["id"]))
    if gone:
        # An article may be a member of both: count the distinct ones once.
        members = schema.cluster_members
        n_articles = int(conn.execute(select(func.count(func.distinct(members.c.article_id)))
                                      .where(members.c.cluster_id == keep["id"])).scalar_one())
    # The new articles were pending, so none of them is a member yet.
    values: dict[str, Any] = {"_id": keep["id"], "n_articles": n_articles + len(new.articles),
                              "n_mentions": mentions + int(new.mentions)}
    aliases |= set(new.aliases)
    if gone or aliases != set(keep["aliases"]):
        values["aliases"] = sorted(aliases, key=str.casefold)
    return values, _merge_rows(keep["id"], list(new.merges), seq)


def _rows(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Stored cluster rows by id (their bounded columns: id, aliases and counts)."""
    cl = schema.clusters
    cols = (cl.c.id, cl.c.aliases, cl.c.n_articles, cl.c.n_mentions)
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), _CHUNK):
        out.update((r["id"], dict(r)) for r in conn.execute(select(*cols).where(cl.c.id.in_(ids[i:i + _CHUNK])))
                   .mappings())
    return out


def update_clusters(store: Store) -> int:
    """Place the entities of pending articles among the stored clusters (no full reload);
    returns how many clusters there are."""
    from ..resolve.incremental import place_entities

    cl, pend = schema.clusters, schema.cluster_pending
    with write_transaction(store.engine) as conn:
        _lock(conn)
        pending = list(conn.execute(select(pend.c.article_id)).scalars())
        if pending:
            articles = store.load_articles(pending, full=False)
            names_of = _entity_names(articles)
            known = _candidates(conn, articles)
            next_id = _next_id(conn)
            placements = place_entities(articles, known)
            # A stored cluster takes part in one placement at most (its names form one group).
            stored = _rows(conn, sorted({sid for p in placements for sid in p.stored}))
            member_rows: list[dict[str, str]] = []
            merge_rows: list[dict[str, Any]] = []
            new_rows: list[dict[str, Any]] = []
            updates: list[dict[str, Any]] = []
            name_rows: list[dict[str, str]] = []
            key_rows: list[dict[str, str]] = []
            for placement in placements:
                new = placement.cluster
                if placement.stored:
                    # The biggest joined cluster keeps its id; the others fold into it.
                    order = sorted((stored[sid] for sid in placement.stored),
                                   key=lambda r: (-r["n_articles"], -r["n_mentions"], r["id"]))
                    values, merges = _fold(conn, order[0], order[1:], placement)
                    updates.append(values)
                    merge_rows += merges
                    new.id = order[0]["id"]
                else:
                    new.id = f"E{next_id}"
                    next_id += 1
                    new_rows.append(_cluster_row(new))
                    merge_rows += _merge_rows(new.id, list(new.merges))
                member_rows += [{"cluster_id": new.id, "article_id": a, "entity_id": e} for a, e in new.members]
                # Names a joined cluster already has are not written twice: name rows stay
                # bounded by distinct names, not by how often a name is mentioned.
                have = {pair for sid in placement.stored for pair in known.get(sid, [])}
                names, keys = _name_rows(new.id, {names_of[m] for m in new.members if m in names_of} - have)
                name_rows += names
                key_rows += keys
            # Counts only, or counts and aliases: one statement shape per executemany.
            for shape in (False, True):
                rows = [u for u in updates if ("aliases" in u) is shape]
                if rows:
                    conn.execute(cl.update().where(cl.c.id == bindparam("_id")), rows)
            _insert(conn, cl, new_rows)
            _insert(conn, schema.cluster_members, member_rows)
            _insert(conn, schema.cluster_merges, merge_rows)
            _insert(conn, schema.cluster_names, name_rows)
            _insert(conn, schema.cluster_keys, key_rows)
            for i in range(0, len(pending), _CHUNK):
                conn.execute(pend.delete().where(pend.c.article_id.in_(pending[i:i + _CHUNK])))
            set_meta(conn, "clusters_next", str(next_id))
        n_articles = conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()
        set_meta(conn, "clusters_articles", str(n_articles))
        return int(conn.execute(select(func.count()).select_from(cl)).scalar_one())


def refresh_clusters(store: Store) -> int:
    """Bring the clusters up to date: incrementally when they are fresh, else a full rebuild;
    returns how many there are."""
    if store.meta("clusters_fresh") != "1":
        return rebuild_clusters(store)
    return update_clusters(store)


def clusters_stale(store: Store) -> bool:
    """True when articles were added or removed since the clusters were computed."""
    if store.meta("clusters_fresh") != "1":
        return True
    with store.read() as conn:
        return conn.execute(select(schema.cluster_pending.c.article_id).limit(1)).first() is not None
