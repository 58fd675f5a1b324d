"""Schema migrations, applied at start-up under a lock; running them again is a no-op."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from sqlalchemy import JSON, column, inspect, select, table
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import RashomonError
from . import schema
from .search import search_backend
from .version import setup_version

SCHEMA_VERSION_KEY = "schema_version"
# An arbitrary constant: the PostgreSQL advisory lock that serialises migrations.
_PG_LOCK = 7_726_351


def _v1_initial(conn: Connection) -> None:
    schema.metadata.create_all(conn, checkfirst=True)
    search_backend(conn.dialect.name).setup(conn)


def _v3_quantity_kinds(conn: Connection) -> None:
    """Typed quantities: nullable `kind` and `unit` on the quantities table (rows stored before
    stay NULL until their article is re-analysed). A database created at v1 by this code already
    has them, since v1 creates the current tables."""
    have = {c["name"] for c in inspect(conn).get_columns(schema.quantities.name)}
    for column in ("kind", "unit"):
        if column not in have:
            conn.exec_driver_sql(f"ALTER TABLE {schema.quantities.name} ADD COLUMN {column} VARCHAR(16)")


def _v4_full_article(conn: Connection) -> None:
    """Lossless store: a nullable `full_article` blob on articles (the whole internal Article).
    Rows stored before stay NULL and load lossily from `doc` until re-ingested."""
    have = {c["name"] for c in inspect(conn).get_columns(schema.articles.name)}
    if "full_article" not in have:
        kind = schema.articles.c.full_article.type.compile(dialect=conn.dialect)
        conn.exec_driver_sql(f"ALTER TABLE {schema.articles.name} ADD COLUMN full_article {kind}")


def _v5_feeds(conn: Connection) -> None:
    """Watched feeds: `feeds`, `feed_items` and `near_keys` (rashomon watch). A database created
    at v1 by this code already has them, since v1 creates the current tables."""
    schema.metadata.create_all(conn, tables=list(schema.WATCH_TABLES), checkfirst=True)


def _v6_incremental_clusters(conn: Connection) -> None:
    """Incremental clusters (cluster names, lookup keys, pending articles) and the technique
    filter's (label, article_id) index. Stored clusters lack names and keys, so the next
    ingest rebuilds them once in full."""
    schema.metadata.create_all(conn, tables=list(schema.CLUSTER_INDEX_TABLES), checkfirst=True)
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_techniques_label_article ON techniques (label, article_id)")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_techniques_label")
    set_meta(conn, "clusters_fresh", "0")


def _v7_stories(conn: Connection) -> None:
    """Stories kept current as articles arrive: `stories` (running sums), `story_members` and
    `story_pending`. Stored articles belong to no story yet, so the next ingest groups them all
    once (as `rashomon store rebuild-stories`)."""
    schema.metadata.create_all(conn, tables=list(schema.STORY_TABLES), checkfirst=True)
    set_meta(conn, "stories_fresh", "0")


def _v8_cluster_merges(conn: Connection) -> None:
    """Cluster rows of bounded size: each cluster's merge decisions move from the `merges` JSON
    list to rows of `cluster_merges` (in list order), and the `articles` list, which
    cluster_members already holds, is dropped; both were rewritten whole whenever an article
    joined the cluster. A database created by this code has no such columns."""
    schema.metadata.create_all(conn, tables=[schema.cluster_merges], checkfirst=True)
    have = {c["name"] for c in inspect(conn).get_columns(schema.clusters.name)}
    if "merges" in have:
        legacy = table(schema.clusters.name, column("id"), column("merges", JSON))
        rows = [{"cluster_id": cid, "seq": seq, **{k: m.get(k) for k in ("a", "b", "rule", "score", "why")}}
                for cid, merges in conn.execute(select(legacy.c.id, legacy.c.merges))
                for seq, m in enumerate(merges or [])]
        for i in range(0, len(rows), 1000):
            conn.execute(schema.cluster_merges.insert(), rows[i:i + 1000])
    for name in ("articles", "merges"):
        if name in have:
            conn.exec_driver_sql(f"ALTER TABLE {schema.clusters.name} DROP COLUMN {name}")


def _v9_story_clusters(conn: Connection) -> None:
    """Per-story cluster counts (`story_clusters`), counted once from the member rows, so story
    placement reads a story's entity sums without reading its members."""
    from .story_clusters import fill

    schema.metadata.create_all(conn, tables=[schema.story_clusters], checkfirst=True)
    fill(conn)


# (version, description, step); append new steps, never edit applied ones.
MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "articles, layers, clusters, full-text index", _v1_initial),
    (2, "corpus version counter bumped by triggers (web caches key on it)", setup_version),
    (3, "quantities: kind and unit columns (typed quantities)", _v3_quantity_kinds),
    (4, "articles: full_article blob (lossless round trip)", _v4_full_article),
    (5, "feeds, feed items and near-duplicate keys (rashomon watch)", _v5_feeds),
    (6, "incremental entity clusters; techniques (label, article_id) index", _v6_incremental_clusters),
    (7, "stories with running sums, story members, pending articles", _v7_stories),
    (8, "cluster merges as rows; clusters lose their articles and merges lists", _v8_cluster_merges),
    (9, "per-story entity cluster counts", _v9_story_clusters),
]
LATEST = MIGRATIONS[-1][0]


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that takes the write lock up front (SQLite BEGIN IMMEDIATE)."""
    with engine.connect() as conn:
        # The engine's begin hook reads this flag; readers keep deferred BEGIN so WAL lets
        # them run while a writer holds the lock.
        conn.info["immediate"] = True
        try:
            with conn.begin():
                yield conn
        finally:
            conn.info.pop("immediate", None)


def current_version(conn: Connection) -> int:
    """The applied schema version, 0 for an empty database."""
    if not conn.dialect.has_table(conn, schema.meta.name):
        return 0
    row = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == SCHEMA_VERSION_KEY)).first()
    return int(row[0]) if row else 0


def migrate(engine: Engine) -> int:
    """Bring the schema up to date; returns the version. Raises E071 on failure or a newer DB."""
    try:
        with write_transaction(engine) as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")
            version = current_version(conn)
            if version > LATEST:
                raise RashomonError("E072", found=version, supported=LATEST)
            for number, _desc, step in MIGRATIONS:
                if number > version:
                    step(conn)
                    version = number
            set_meta(conn, SCHEMA_VERSION_KEY, str(version))
            return version
    except SQLAlchemyError as exc:
        raise RashomonError("E071", detail=_one_line(exc)) from None


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Set a value in the meta table, inside the caller's transaction."""
    table = schema.meta
    if not conn.execute(table.update().where(table.c.key == key).values(value=value)).rowcount:
        conn.execute(table.insert().values(key=key, value=value))


def _one_line(exc: BaseException) -> str:
    """The first line of a driver error, without SQLAlchemy's background link."""
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
