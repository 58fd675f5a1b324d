"""The corpus version: a counter the database bumps on every change readers cache on.

Triggers bump it on any write to articles or clusters, whoever writes (a `rashomon ingest`
in another process, the web upload queue, a delete), so a cache keyed on it can never serve
an answer older than the data it was read with.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

TABLE = "rashomon_corpus_version"
# Writes that change what the overview, facets and lists show.
_WATCHED = ("articles", "clusters", "cluster_members")

_SQLITE_TRIGGER = (
    "CREATE TRIGGER IF NOT EXISTS tr_version_{table}_{op} AFTER {op} ON {table} "
    "BEGIN UPDATE " + TABLE + " SET n = n + 1 WHERE id = 1; END"
)
_PG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION rashomon_bump_corpus_version() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN UPDATE " + TABLE + " SET n = n + 1 WHERE id = 1; RETURN NULL; END $$"
)
_PG_TRIGGER = (
    "CREATE TRIGGER tr_version_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
    "FOR EACH STATEMENT EXECUTE FUNCTION rashomon_bump_corpus_version()"
)


def setup_version(conn: Connection) -> None:
    """Create the counter row and the triggers that bump it (migration step 2)."""
    conn.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {TABLE} (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)")
    if conn.execute(text(f"SELECT count(*) FROM {TABLE}")).scalar_one() == 0:
        conn.exec_driver_sql(f"INSERT INTO {TABLE} (id, n) VALUES (1, 0)")
    if conn.dialect.name == "postgresql":
        # Statement-level: a cluster rebuild of thousands of rows bumps once per statement.
        conn.exec_driver_sql(_PG_FUNCTION)
        for table in _WATCHED:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS tr_version_{table} ON {table}")
            conn.exec_driver_sql(_PG_TRIGGER.format(table=table))
        return
    for table in _WATCHED:
        for op in ("INSERT", "UPDATE", "DELETE"):
            conn.exec_driver_sql(_SQLITE_TRIGGER.format(table=table, op=op))


def corpus_version(conn: Connection) -> int:
    """The current corpus version (one indexed row read)."""
    return int(conn.execute(text(f"SELECT n FROM {TABLE} WHERE id = 1")).scalar_one())
