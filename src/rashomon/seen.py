"""What a batch has already read (ids for E015, text hashes for repeats), in bounded memory.

A batch must remember every id it has read, however long it runs: a later article reusing
one with another text is E015. Held in a dict, that table was the one part of a batch driver
that grew with the batch (~190 B per article: +1.9 MB at 10,000 articles, +190 MB at a
million). Here it lives in a private temporary SQLite database (deleted when closed) whose
page cache is capped at CACHE_KIB: the pages past the cap go to a temporary file, so memory
stays flat while every lookup is still exact.
"""

from __future__ import annotations

import sqlite3

CACHE_KIB = 64  # SQLite page cache of the table (full by ~1,000 ids); the rest of it is on disk


class SeenTable:
    """Keys, each with the value first recorded under it; exact, and flat in memory."""

    def __init__(self, cache_kib: int | None = None) -> None:
        self.cache_kib = cache_kib or CACHE_KIB
        self._db: sqlite3.Connection | None = None  # opened on first use: most batches are small
        self.count = 0  # distinct keys recorded

    def _open(self) -> sqlite3.Connection:
        # "": a private on-disk temporary database, removed by SQLite when the connection
        # closes. One generator uses it at a time, but it may be resumed from another thread.
        db = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        db.execute(f"PRAGMA cache_size = -{int(self.cache_kib)}")
        db.execute("PRAGMA journal_mode = OFF")  # nothing to recover: the table dies with the batch
        db.execute("PRAGMA synchronous = OFF")
        db.execute("CREATE TABLE seen (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID")
        return db

    def add(self, key: str, value: bytes = b"") -> bool:
        """Record `key` with `value` if it is new; whether it was."""
        if self._db is None:
            self._db = self._open()
        if self._db.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)", (key, value)).rowcount:
            self.count += 1
            return True
        return False

    def first(self, key: str, value: bytes) -> bytes:
        """The value first recorded under `key`; `value` (now recorded) when `key` is new."""
        if self.add(key, value):
            return value
        assert self._db is not None
        return self._db.execute("SELECT value FROM seen WHERE key = ?", (key,)).fetchone()[0]

    def close(self) -> None:
        """Drop the table (its temporary file goes with it)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> SeenTable:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
