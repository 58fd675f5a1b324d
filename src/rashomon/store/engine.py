"""Database location and engine: SQLite file by default (WAL), PostgreSQL by URL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError

from ..errors import RashomonError

DB_FILENAME = "rashomon.sqlite"


def default_db_path() -> Path:
    """The default SQLite file under the user's data directory (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("rashomon", appauthor=False)) / DB_FILENAME


def database_url(db: str | Path | None) -> str:
    """A SQLAlchemy URL for a --db value: a URL as given, anything else a SQLite file path."""
    if db is None or str(db) == "":
        db = default_db_path()
    text = str(db)
    if "://" not in text:
        path = Path(text).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RashomonError("E070", db=text, detail=exc.strerror or str(exc)) from None
        return f"sqlite:///{path.resolve()}"
    # Plain postgres URLs get the psycopg 3 driver, the one we depend on.
    for prefix in ("postgres://", "postgresql://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text[len(prefix):]
    return text


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DBAPI connection
    # WAL lets the web app read while ingest writes; busy_timeout makes writers queue, not fail.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(db: str | Path | None) -> Engine:
    """Create the engine for a --db value (path or URL); raises E070 when it cannot."""
    from sqlalchemy import create_engine

    url = database_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise RashomonError("E070", db=_redact(url), detail=str(exc)) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        # pysqlite's own transaction handling defers BEGIN; we issue BEGIN ourselves so that
        # a write transaction takes the lock up front (no deadlock on lock upgrade).
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)

        @event.listens_for(engine, "connect")
        def _no_autobegin(dbapi_conn, _record) -> None:  # noqa: ANN001
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:  # noqa: ANN001
            # Writers take the lock at BEGIN (see migrations.write_transaction); readers defer.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("immediate") else "BEGIN")

        return engine
    if backend == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    raise RashomonError("E070", db=_redact(url), detail=f"unsupported database '{backend}' (use sqlite or postgresql)")


def _redact(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid url>"


def describe(engine: Engine) -> str:
    """The database for humans, password hidden."""
    return engine.url.render_as_string(hide_password=True)
