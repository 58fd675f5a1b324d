"""Schema and engine: migrations idempotent, version guard, URL handling, WAL concurrency."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import inspect, text

from rashomon.errors import RashomonError
from rashomon.store import Store, database_url
from rashomon.store.migrations import LATEST, migrate, write_transaction


def test_store_schema_migrate_twice_is_noop(db_url):
    first = Store(db_url)
    tables = set(inspect(first.engine).get_table_names())
    assert {"articles", "entities", "mentions", "quotes", "claims", "techniques", "clusters"} <= tables
    assert first.version == LATEST
    # A second start-up (and a direct call) changes nothing.
    second = Store(db_url)
    assert migrate(second.engine) == LATEST
    assert set(inspect(second.engine).get_table_names()) == tables
    assert second.meta("schema_version") == str(LATEST)
    first.close()
    second.close()


def test_store_schema_refuses_newer_database(store, db_url):
    store.set_meta("schema_version", str(LATEST + 1))
    with pytest.raises(RashomonError) as info:
        Store(db_url)
    assert info.value.code == "E072"


def test_store_schema_bad_url_is_a_user_error():
    with pytest.raises(RashomonError) as info:
        Store("mysql://nobody@127.0.0.1/none")
    assert info.value.code == "E070"


def test_store_schema_database_url_forms(tmp_path):
    assert database_url(tmp_path / "x.sqlite").startswith("sqlite:///")
    assert database_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"


def test_store_schema_default_path_under_user_data(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    url = database_url(None)
    assert url.startswith(f"sqlite:///{tmp_path}") and url.endswith("rashomon.sqlite")


def test_store_schema_sqlite_wal_reads_while_writing(tmp_path):
    store = Store(tmp_path / "wal.sqlite")
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:
        with write_transaction(store.engine) as conn:
            store_meta = text("INSERT INTO rashomon_meta (key, value) VALUES ('w', '1')")
            conn.execute(store_meta)
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    assert holding.wait(10)
    try:
        # The writer holds the lock: a reader still answers at once, without its row.
        assert store.meta("schema_version") == str(LATEST)
        assert store.meta("w") is None
    finally:
        release.set()
        thread.join(10)
    assert store.meta("w") == "1"
    store.close()
