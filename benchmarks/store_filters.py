"""Search filter timings on a built store: each filter alone, with and without query words.

    .venv/bin/python benchmarks/store_filters.py --db STORE [--label-only-index]

STORE is any corpus store (e.g. one `benchmarks/store_scaling.py --keep DIR` built).
`--label-only-index` first swaps the technique index back to the label-only one of schema
versions 1-5, to measure the technique filter before migration 6 (do it on a copy).
"""

from __future__ import annotations

import argparse
import sys
import time


def main() -> int:
    """Print the seconds each filtered search takes (best of three)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--label-only-index", action="store_true")
    args = ap.parse_args()
    from sqlalchemy import func, select

    from rashomon.store import Filters, Store, schema
    from rashomon.store.search import search

    store = Store(args.db)
    if args.label_only_index:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("DROP INDEX IF EXISTS ix_techniques_label_article")
            conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_techniques_label ON techniques (label)")
    with store.read() as conn:
        label, _n = conn.execute(select(schema.techniques.c.label, func.count()).group_by(schema.techniques.c.label)
                                 .order_by(func.count().desc())).first()
        outlet = conn.execute(select(schema.articles.c.outlet).where(schema.articles.c.outlet.is_not(None))).scalar()
    cases = {"none": Filters(), "language": Filters(language="en"), "outlet": Filters(outlet=outlet),
             "date": Filters(date_from="2000-01-01"), "speaker": Filters(speaker="Trump"),
             "technique": Filters(technique=label)}
    print(f"{store.count()} articles ({store.dialect}); technique filter on the most frequent label {label!r}"
          f"{' with the label-only index' if args.label_only_index else ''}")
    for query in ("", "president"):
        for name, filters in cases.items():
            times = []
            for _ in range(3):
                start = time.perf_counter()
                with store.read() as conn:
                    _hits, total = search(conn, query, filters, limit=20)
                times.append(time.perf_counter() - start)
            print(f"  q={query!r:12} {name:>9}: {min(times):8.3f} s  ({total} hits)")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
