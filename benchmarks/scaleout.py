"""Speed-up of analysis with more workers: `--jobs N` (supervised processes) and Dask `local:N`.

Runs the same real articles through 1 and 2 workers of each kind (`--workers 1 2 4` adds
more), in this process, and prints articles/s and the speed-up over one worker of the same
kind, with the machine's core count (a speed-up cannot exceed the cores). Model loading is
left out: each configuration first analyses a warm-up article per worker, and the clocks start
after it. Beside wall time it prints CPU seconds per article: the driver's own (this process;
with Dask it also runs the scheduler and the nannies) and its children's (analysis processes,
and with Dask the Dask workers), which are steadier than wall time on a shared machine.
`--n 500` takes about 10 minutes on two idle cores for both kinds.

    python benchmarks/scaleout.py [--n 500] [--workers 1 2] [--kind jobs dask]
"""

from __future__ import annotations

import argparse
import os
import resource
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


def _children_cpu() -> float:
    """CPU seconds used so far by this process's descendants: the live ones from /proc (with
    the children each has reaped), plus the children this process has reaped."""
    parent: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    parent[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    ours, grew = {os.getpid()}, True
    while grew:
        kids = {pid for pid, pp in parent.items() if pp in ours} - ours
        ours |= kids
        grew = bool(kids)
    total = 0.0
    for pid in ours - {os.getpid()}:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            continue
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    return total + reaped.ru_utime + reaped.ru_stime


def _timed(results) -> tuple[float, float, float]:  # noqa: ANN001 - an iterator of results
    """(wall seconds, driver CPU seconds, children CPU seconds) to exhaust `results`."""
    kids, cpu, t0 = _children_cpu(), time.process_time(), time.perf_counter()
    for _ in results:
        pass
    return time.perf_counter() - t0, time.process_time() - cpu, _children_cpu() - kids


def _options():  # noqa: ANN202 - rashomon.settings.Options
    """The packaged options, except that no worker retires mid-run (analysis.worker_articles):
    a retired worker's successor reloads the models, which this benchmark leaves out."""
    from rashomon.settings import load_options

    return load_options(analysis={"worker_articles": 1_000_000})


def run_jobs(articles: list, workers: int) -> tuple[float, float, float]:
    """`workers` supervised processes (after a warm-up article each): see `_timed`."""
    from rashomon.supervisor import Supervisor

    with Supervisor(_options(), None, jobs=workers) as sup:
        # Warm up until every worker has answered (one fast worker can take a whole warm-up
        # batch while the other still loads its models, which would then be timed).
        for _ in range(20):
            list(sup.run(articles[:workers]))
            if len(sup.workers) == workers and all(w.served for w in sup.workers):
                break
        return _timed(sup.run(articles))


def run_dask(articles: list, workers: int) -> tuple[float, float, float]:
    """A Dask LocalCluster of `workers` workers (after a warm-up article each): see `_timed`."""
    from rashomon.scaleout import _analyze_task, analyze_on_cluster, connect

    with connect(f"local:{workers}", _options()) as client:
        # One warm-up article on each worker, pinned there: every analysis process has loaded.
        warm = [client.submit(_analyze_task, articles[0], workers=[address], pure=False)
                for address in client.scheduler_info()["workers"]]
        client.gather(warm)
        del warm
        return _timed(analyze_on_cluster(articles, client))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="articles")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
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
            secs, driver, children = run(articles, w)
            base = base or secs
            n = len(articles)
            print(f"{kind:>4} x{w}: {secs:7.1f} s  {n / secs:6.2f} articles/s  {words / secs:8.0f} words/s  "
                  f"speed-up {base / secs:4.2f}  CPU per article: driver {1000 * driver / n:5.1f} ms, "
                  f"workers {children / n:5.3f} s", flush=True)


if __name__ == "__main__":
    main()
