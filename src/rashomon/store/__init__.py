"""The corpus store: SQLite (default, WAL) or PostgreSQL via SQLAlchemy 2.

`Store` opens and migrates a database; `Store.add_many` stores what `Analyzer.pipe` yields,
idempotently (keyed by content hash); `search` is full-text search with filters on either
backend; `queries` answers the web app's questions; `export` writes JSONL or CSV.
Importing this package opens nothing.
"""

from __future__ import annotations

from .batch import IngestReport
from .clusters import compute_clusters, rebuild_clusters, refresh_clusters
from .engine import database_url, default_db_path
from .repository import Store
from .search import Filters, Hit

__all__ = [
    "Filters",
    "Hit",
    "IngestReport",
    "Store",
    "compute_clusters",
    "database_url",
    "default_db_path",
    "rebuild_clusters",
    "refresh_clusters",
]
