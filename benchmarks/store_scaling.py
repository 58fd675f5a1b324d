"""What one more article costs as the store grows: ingest one analysed article into stores of
0, 1,000 and 10,000 articles and print the CPU seconds and peak RSS of that ingest.

    .venv/bin/python benchmarks/store_scaling.py --from ANALYSED_DB [--sizes 0,1000,10000] [--keep DIR] [--analysis]

ANALYSED_DB holds a few hundred analysed real articles (`rashomon ingest ... --db FILE`). Big
stores are built fast: copies of those articles, each with its own id and a numbered last line
(so its own text and hash; spans are untouched), stored through `Store.add` without
re-analysing, clusters brought up to date once. Each measured ingest runs in a fresh process
(`Store(db).add_many([article])`, cluster update included) on an article the store has never
seen, after loading the name tables that analysis would have loaded; analysis itself is
excluded (it is the same for any store size) or, with `--analysis`, timed apart on the same
articles and added to each figure. The store side is split into the cluster update and the story
placement (each store's articles are placed in stories once when it is built, so the measured
ingest places its article incrementally; the child loads the sentence encoder first, as
analysis does). `--keep DIR` keeps the built stores for reruns. The target (issue 18): 10,000 within 20% of empty.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The child: open the store, ingest one article, report its own CPU time and peak RSS.
_CHILD = r"""
import json, re, sys, time
from rashomon.store import Store, batch, stories
from rashomon.store.blob import decode_article

def hwm_mb():
    # VmHWM is this process's own peak; ru_maxrss would carry over the forking parent's.
    return int(re.search(r"VmHWM:\s+(\d+)", open("/proc/self/status").read()).group(1)) / 1024

def timed(module, name, key):
    # CPU seconds of each step, so the figure splits into cluster update and story placement.
    inner = getattr(module, name)
    def wrapper(*args, **kwargs):
        c0 = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[key] += time.process_time() - c0
    setattr(module, name, wrapper)

spent = {"clusters": 0.0, "stories": 0.0}
timed(batch, "refresh_clusters", "clusters")
timed(stories, "refresh_stories", "stories")
art = decode_article(open(sys.argv[2], "rb").read())
if sys.argv[3] == "warm":
    # A real ingest analyses first: entity grouping loads the name tables and the cross-script
    # model, the techniques load the sentence encoder (story placement embeds with it). Load
    # them here too, so the figure is the store's own cost.
    from rashomon.encoder import use_model
    from rashomon.resolve.incremental import place_entities
    place_entities([], {"E": [("Alexander Lukashenko", "PERSON"), ("Александр Лукашенко", "PERSON"),
                              ("Minsk", "LOC"), ("Минск", "LOC"), ("European Union", "ORG"), ("Евросоюз", "ORG")]})
    use_model().encode(["Alexander Lukashenko spoke in Minsk.", "Александр Лукашенко выступил в Минске."])
before_rss = hwm_mb()
t0, c0 = time.perf_counter(), time.process_time()
store = Store(sys.argv[1])
report = store.add_many([art])
cpu, wall = time.process_time() - c0, time.perf_counter() - t0
assert report.added == [art.id], report.summary()
print(json.dumps({"cpu": cpu, "wall": wall, "rss_mb": hwm_mb(), "rss_before_mb": before_rss,
                  "clusters": report.clusters, "clusters_cpu": spent["clusters"], "stories_cpu": spent["stories"]}))
"""

# The analysis of the same articles, reported apart: models loaded first (on a short text), then
# the CPU seconds of analysing each text, and of loading the models.
_ANALYSE = r"""
import json, sys, time
from rashomon import Analyzer
texts = json.load(open(sys.argv[1], encoding="utf-8"))
c0 = time.process_time()
analyzer = Analyzer()
analyzer.analyze_text("Alexander Lukashenko spoke in Minsk.\n\nАлександр Лукашенко выступил в Минске.")
load = time.process_time() - c0
cpu = []
for text in texts:
    c0 = time.process_time()
    analyzer.analyze_text(text)
    cpu.append(time.process_time() - c0)
print(json.dumps({"load": load, "cpu": cpu}))
"""


def analysis_cpu(articles: list, work: Path) -> dict:
    """CPU seconds to analyse each article (models loaded), and to load the models."""
    path = work / "texts.json"
    path.write_text(json.dumps([a.text for a in articles], ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _ANALYSE, str(path)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _copy(art, n: int):  # noqa: ANN001, ANN202 - Article -> Article
    """A distinct copy: own id, own text (a numbered last line), the same analysis."""
    return dataclasses.replace(art, id=f"{art.id[:100]}-c{n}", text=f"{art.text}\n\n[copy {n}]")


def build(db: Path, articles: list, size: int) -> float:
    """Fill a fresh store with `size` copies; returns the seconds it took."""
    from rashomon.store import Store, refresh_clusters

    start = time.perf_counter()
    store = Store(db)
    have = store.count()
    for n in range(have, size):
        store.add(_copy(articles[n % len(articles)], n))
        if (n + 1) % 1000 == 0:  # clusters kept current as an ingest would, batch by batch
            refresh_clusters(store)
            print(f"  {db.name}: {n + 1} stored", file=sys.stderr, flush=True)
    refresh_clusters(store)
    store.close()
    bring_stories_up_to_date(db)
    return time.perf_counter() - start


def bring_stories_up_to_date(db: Path) -> None:
    """Place the stored articles in stories (one full grouping), as a store kept current would
    have them, so the measured ingest places its article incrementally."""
    from rashomon.store import Store
    from rashomon.store.stories import refresh_stories, stories_stale

    store = Store(db)
    if stories_stale(store):
        start = time.process_time()
        n = refresh_stories(store)
        print(f"  {db.name}: {n} stories in {time.process_time() - start:.0f} CPU-s", file=sys.stderr, flush=True)
    store.close()


def measure(db: Path, art, work: Path, warm: bool) -> dict:  # noqa: ANN001
    """One ingest of `art` into `db` in a fresh process."""
    from rashomon.store.blob import encode_article

    blob = work / f"{art.id}.blob"
    blob.write_bytes(encode_article(art))
    out = subprocess.run([sys.executable, "-c", _CHILD, str(db), str(blob), "warm" if warm else "cold"], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    """Build the stores, then time one-article ingests into each."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--from", dest="source", required=True, help="store holding analysed articles")
    ap.add_argument("--sizes", default="0,1000,10000")
    ap.add_argument("--repeat", type=int, default=3, help="ingests per size (a new article each)")
    ap.add_argument("--analysis", action="store_true", help="also time the analysis of the same articles")
    ap.add_argument("--cold", action="store_true", help="leave the name tables and the sentence encoder unloaded before the ingest")
    ap.add_argument("--keep", type=Path, help="directory to keep (and reuse) the built stores")
    args = ap.parse_args()
    from rashomon.store import Store

    src = Store(args.source)
    articles = src.load_articles()
    src.close()
    fresh = articles[-args.repeat:]  # the measured articles: never copied into the big stores
    base = articles[: -args.repeat]
    tmp = tempfile.TemporaryDirectory()
    work = Path(tmp.name)
    root = args.keep or work
    root.mkdir(parents=True, exist_ok=True)
    print(f"{len(base)} analysed articles copied to build the stores; {len(fresh)} kept apart to ingest")
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        db = root / f"store_{size}.sqlite"
        if not db.exists() or args.keep is None:
            secs = build(db, base, size)
            print(f"built {size:>6} articles in {secs:.0f} s", file=sys.stderr)
        else:
            bring_stories_up_to_date(db)  # a store kept from before stories were stored
        # Each measured article goes into its own copy, so every run sees `size` articles.
        runs = []
        for art in fresh:
            copy = work / f"run_{size}.sqlite"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{copy}{suffix}").unlink(missing_ok=True)
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{db}{suffix}").exists():
                    subprocess.run(["cp", f"{db}{suffix}", f"{copy}{suffix}"], check=True)
            runs.append(measure(copy, art, work, not args.cold))
        # Means over the measured articles (each is a different article, so no best-of).
        best = {k: sum(r[k] for r in runs) / len(runs)
                for k in ("cpu", "clusters_cpu", "stories_cpu", "wall", "rss_mb", "rss_before_mb")}
        rows.append((size, best))
        print(f"{size:>6} articles: one-article ingest {best['cpu']:.3f} CPU-s mean (runs "
              f"{', '.join(format(r['cpu'], '.3f') for r in runs)}) = cluster update {best['clusters_cpu']:.3f} "
              f"(runs {', '.join(format(r['clusters_cpu'], '.3f') for r in runs)}) + story placement "
              f"{best['stories_cpu']:.3f} (runs {', '.join(format(r['stories_cpu'], '.3f') for r in runs)}) + the rest; "
              f"wall {best['wall']:.3f} s, peak RSS {best['rss_mb']:.0f} MB ({best['rss_before_mb']:.0f} MB after imports)")
    empty = rows[0][1]["cpu"]
    analysed = analysis_cpu(fresh, work) if args.analysis else None
    if analysed:
        per = sum(analysed["cpu"]) / len(analysed["cpu"])
        print(f"analysis of the same articles: {per:.2f} CPU-s mean (runs "
              f"{', '.join(format(c, '.2f') for c in analysed['cpu'])}), model load {analysed['load']:.1f} CPU-s")
    for size, best in rows[1:]:
        line = (f"{size:>6} vs {rows[0][0]}: store CPU x{best['cpu'] / empty:.2f} (clusters "
                f"x{best['clusters_cpu'] / max(rows[0][1]['clusters_cpu'], 1e-9):.2f}, stories "
                f"x{best['stories_cpu'] / max(rows[0][1]['stories_cpu'], 1e-9):.2f})")
        line += f", RSS x{best['rss_mb'] / rows[0][1]['rss_mb']:.2f}"
        if analysed:
            line += (f"; with the analysis x{(per + best['cpu']) / (per + empty):.3f}, with analysis and model load "
                     f"x{(analysed['load'] + per + best['cpu']) / (analysed['load'] + per + empty):.3f}")
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
