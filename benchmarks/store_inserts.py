"""Store throughput without analysis: already-analysed real articles stored one transaction
each (`Store.add`: one executemany per layer table), articles/s on SQLite and PostgreSQL,
then the cluster update of the batch.

    .venv/bin/python benchmarks/store_inserts.py --from ANALYSED_DB [--n 200] [--pg URL]

ANALYSED_DB is a store that holds analysed articles (e.g. `rashomon ingest ../shared/data/...
--db analysed.sqlite`); its articles are loaded whole and stored into fresh databases. The
PostgreSQL run uses a throw-away schema and drops it afterwards; without --pg (or
RASHOMON_TEST_PG_URL) it is left out.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path


def _run(db: str, articles: list) -> tuple[float, float, float, float]:
    """(wall s storing, CPU s storing, wall s, CPU s updating clusters) for the articles into a
    fresh store."""
    from rashomon.store import Store, refresh_clusters

    store = Store(db)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        for art in articles:
            store.add(art)
        stored, stored_cpu = time.perf_counter(), time.process_time()
        refresh_clusters(store)
        return stored - start, stored_cpu - cpu, time.perf_counter() - stored, time.process_time() - stored_cpu
    finally:
        store.close()


def _pg_schema(url: str):  # noqa: ANN202 - (schema URL, drop callback)
    from sqlalchemy import create_engine, text

    from rashomon.store.engine import database_url

    base = database_url(url)
    name = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()

    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{name}", drop


def main() -> int:
    """Print articles/s for each backend."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--from", dest="source", required=True, help="store holding analysed articles")
    ap.add_argument("--n", type=int, default=200, help="articles to store")
    ap.add_argument("--pg", default=os.environ.get("RASHOMON_TEST_PG_URL"), help="PostgreSQL URL")
    args = ap.parse_args()
    from rashomon.store import Store

    src = Store(args.source)
    articles = src.load_articles(src.article_ids()[: args.n])
    src.close()
    print(f"{len(articles)} analysed articles from {args.source}; one transaction each, no analysis")
    runs = [("sqlite", None)] + ([("postgresql", args.pg)] if args.pg else [])
    for kind, url in runs:
        drop = None
        if kind == "sqlite":
            tmp = tempfile.TemporaryDirectory()
            db = str(Path(tmp.name) / "bench.sqlite")
        else:
            db, drop = _pg_schema(url)
        try:
            stored, stored_cpu, clusters, clusters_cpu = _run(db, articles)
        finally:
            if drop:
                drop()
        n = len(articles)
        print(f"{kind:>10}: storing {n / stored:6.1f} articles/s ({stored:.1f} s; this process's CPU "
              f"{1000 * stored_cpu / n:.0f} ms per article), clusters {clusters:.1f} s (CPU {clusters_cpu:.1f} s), "
              f"{n / (stored + clusters):6.1f} articles/s overall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
