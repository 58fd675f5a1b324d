"""Speed-up of analysis with more workers: `--jobs N` (supervised processes) and Dask `local:N`.

Runs the same real articles through 1, 2 and 4 workers of each kind, in this process, and
prints articles/s and the speed-up over one worker of the same kind, with the machine's core
count (a speed-up cannot exceed the cores). Model loading is left out: each configuration
first analyses a warm-up article, and the clock starts after it.

    python benchmarks/scaleout.py [--n 500] [--workers 1 2 4] [--kind jobs dask]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def corpus(n: int) -> list:
    """The first n real articles over the English and Russian training corpora, interleaved."""
    from rashomon.ingest.text import article_from_text

    en = sorted((DATA / "semeval2023" / "en" / "train-articles-subtask-3").glob("article*.txt"))
    ru = sorted((DATA / "semeval2023" / "ru" / "train-articles-subtask-3").glob("article*.txt"))
    ptc = sorted((DATA / "ptc2020" / "train-articles").glob("article*.txt"))
    paths = [p for pair in zip(en, ru) for p in pair] + en[len(ru):] + ptc
    if not paths:
        raise SystemExit(f"no articles under {DATA}")
    out = []
    for i, p in enumerate(paths[:n]):
        art = article_from_text(p.open(encoding="utf-8", newline="").read(), str(p), title_from_first_line=False)
        art.id = f"a{i}"
        out.append(art)
    return out


def run_jobs(articles: list, workers: int) -> float:
    """Seconds for `workers` supervised processes (after a warm-up article each)."""
    from rashomon.settings import load_options
    from rashomon.supervisor import Supervisor

    with Supervisor(load_options(), None, jobs=workers) as sup:
        list(sup.run(articles[:workers]))  # models loaded in every worker
        t0 = time.perf_counter()
        list(sup.run(articles))
        return time.perf_counter() - t0


def run_dask(articles: list, workers: int) -> float:
    """Seconds on a Dask LocalCluster of `workers` workers (after a warm-up article each)."""
    from rashomon.scaleout import analyze_on_cluster, connect
    from rashomon.settings import load_options

    with connect(f"local:{workers}", load_options()) as client:
        list(analyze_on_cluster(articles[:workers], client))
        t0 = time.perf_counter()
        for _ in analyze_on_cluster(articles, client):
            pass
        return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="articles")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--kind", nargs="+", default=["jobs", "dask"], choices=["jobs", "dask"])
    args = parser.parse_args()
    articles = corpus(args.n)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words; {os.cpu_count()} cores "
          f"(usable here: {len(os.sched_getaffinity(0))})")
    for kind in args.kind:
        run = run_jobs if kind == "jobs" else run_dask
        base = None
        for w in args.workers:
            secs = run(articles, w)
            base = base or secs
            print(f"{kind:>4} x{w}: {secs:7.1f} s  {len(articles) / secs:6.2f} articles/s  "
                  f"{words / secs:8.0f} words/s  speed-up {base / secs:4.2f}", flush=True)


if __name__ == "__main__":
    main()
