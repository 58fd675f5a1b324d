"""How often incremental story placement differs from a full regrouping: ingest analysed articles
batch by batch into a fresh store (each new article joins a stored story or starts one), then
run `rebuild_stories` (compare's `group_stories` over every article) and compare the partitions.

    .venv/bin/python benchmarks/story_updates.py --from ANALYSED_DB [--batch 20] [--order id|date|ingest] [--basil DATA]

ANALYSED_DB holds analysed articles (`rashomon ingest ... --db FILE`); they are stored again
through `Store.add_many` without re-analysing. Printed: same-story pair precision / recall / F1
of the incremental partition against the full one (pairs of the full partition are the
reference), how many articles sit in a story whose member set differs, and the CPU seconds of
the placement against the rebuild. With `--basil DATA` (../shared/data) the articles whose
`source` is a BASIL document id (`rashomon.evaluation.stories.dev_articles` sets it) are also
scored against BASIL's gold triplets, both partitions.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from itertools import combinations
from pathlib import Path


def _pairs(groups: dict[str, set[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for members in groups.values() for p in combinations(members, 2)}


def _groups(store) -> dict[str, set[str]]:  # noqa: ANN001
    from sqlalchemy import select

    from rashomon.store import schema

    out: dict[str, set[str]] = {}
    with store.read() as conn:
        for sid, aid in conn.execute(select(schema.story_members.c.story_id, schema.story_members.c.article_id)):
            out.setdefault(sid, set()).add(aid)
    return out


def _f1(pred: set, gold: set) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    """Run the comparison and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="src", required=True, help="a store of analysed articles")
    ap.add_argument("--batch", type=int, default=20, help="articles per ingest batch")
    ap.add_argument("--order", choices=("id", "date", "ingest"), default="id", help="ingest order")
    ap.add_argument("--basil", type=Path, help="../shared/data: score BASIL articles against the gold triplets")
    args = ap.parse_args()

    from rashomon.store import Store
    from rashomon.store.stories import rebuild_stories

    src = Store(args.src)
    articles = src.load_articles()
    if args.order == "id":
        articles.sort(key=lambda a: a.id)
    elif args.order == "date":
        articles.sort(key=lambda a: ((a.published or "9999")[:10], a.id))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "stories.sqlite"))
        place = 0.0
        for i in range(0, len(articles), args.batch):
            batch = articles[i:i + args.batch]
            c0 = time.process_time()
            store.add_many(batch)
            place += time.process_time() - c0
        incremental = _groups(store)
        c0 = time.process_time()
        rebuild_stories(store)
        rebuild = time.process_time() - c0
        full = _groups(store)
    p, r, f1 = _f1(_pairs(incremental), _pairs(full))
    same = {frozenset(m) for m in full.values()}
    moved = sum(len(m) for m in incremental.values() if frozenset(m) not in same)
    print(f"{len(articles)} articles in batches of {args.batch} ({args.order} order): "
          f"{len(incremental)} stories incrementally, {len(full)} by the full rebuild")
    print(f"same-story pairs incremental {len(_pairs(incremental))}, full {len(_pairs(full))}: "
          f"P {p:.3f} R {r:.3f} F1 {f1:.3f}; {moved} articles in a story that differs from the rebuild's")
    print(f"CPU s: ingest incl. analysis-free storing, clusters and placement {place:.1f}; rebuild {rebuild:.1f}")
    if args.basil:
        from collections import Counter

        from rashomon.evaluation.stories import StoryGold, basil_gold, score_stories

        gold = basil_gold(args.basil)
        source = {a.id: a.source for a in articles}
        # Gold over the BASIL documents present (an article whose analysis failed is not stored).
        present = set(source.values())
        labels = {d: lab for d, lab in gold.labels.items() if d in present}
        gold = StoryGold(sorted(labels), None, labels, max(Counter(labels.values()).values(), default=0))
        print(f"BASIL: {len(labels)} gold documents present")
        for name, groups in (("incremental", incremental), ("full rebuild", full)):
            score = score_stories([[source[a] for a in m] for m in groups.values()], gold)
            print(f"BASIL {name}: P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f} "
                  f"(largest story {score.largest}, gold {score.gold_largest})")


if __name__ == "__main__":
    main()
