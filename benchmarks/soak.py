"""Soak: the full default pipeline over every real article we have, under a per-article budget.

Reads every article of `../shared/data` (PTC-2020 and SemEval-2023 en/ru training articles,
PolNeAR texts, BASIL articles, the tgcontest pairs) and the seeds, each distinct text once
(rashomon.evaluation.corpora), through the project's batch driver `Analyzer.pipe`
under its per-article budget (`[analysis]`, or `--max-seconds` / `--max-rss-mb`): an article
over time (E041) or a worker over memory (E042) has its worker killed and replaced, a worker
that dies is E043, an exception E044, and the soak goes on. Every analysed article's spans
are checked (`Article.check_spans`). `--jobs N` runs N driver streams of one worker each, so
each article's time is still measured on its own.

    python benchmarks/soak.py [--jobs 1] [--corpus polnear ...] [--sample 200] [--limit N]
                              [--json soak.json] [--no-worst-cases]

Prints articles per corpus and language, p50/p99/max seconds per article, peak RSS of the
whole process tree, every article that errors or runs over budget (code + path), every span
error, and the slowest articles. Then times benchmarks/worst_cases.py's generated texts at
growing sizes (ratio per doubling: about 2 is linear, about 4 quadratic).
tests/test_soak_sample.py runs a fixed sample through `soak()` in CI.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SEEDS = ROOT.parent / "shared" / "seeds"


@dataclass
class Outcome:
    """What happened to one article: `code` is None when it was analysed with sound spans."""

    corpus: str
    path: str
    language: str
    chars: int
    seconds: float
    code: str | None = None
    detail: str = ""
    detected: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    cold: bool = False  # timed across a worker start: left out of the percentiles


@dataclass
class SoakReport:
    """All outcomes of a soak plus the peak RSS of its process tree."""

    outcomes: list[Outcome]
    peak_rss_mb: float
    wall_seconds: float
    max_seconds: float
    max_rss_mb: int

    def failures(self, codes: Iterable[str] | None = None) -> list[Outcome]:
        """Outcomes with an error code (only those codes when given)."""
        wanted = set(codes) if codes is not None else None
        return [o for o in self.outcomes if o.code and (wanted is None or o.code in wanted)]

    def summary(self) -> dict[str, Any]:
        """Counts, per-language timing percentiles, peak RSS and every failure, JSON-ready."""
        ok = [o for o in self.outcomes if o.code is None and not o.cold]
        per_lang = {}
        for lang in sorted({o.language for o in self.outcomes}):
            per_lang[lang] = {"articles": sum(o.language == lang for o in self.outcomes),
                              **timing([o.seconds for o in ok if o.language == lang])}
        return {
            "articles": len(self.outcomes),
            "timed": len(ok),
            "per_corpus": dict(Counter(f"{o.corpus}/{o.language}" for o in self.outcomes)),
            "per_language": per_lang,
            "all": timing([o.seconds for o in ok]),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "wall_seconds": round(self.wall_seconds, 1),
            "budget": {"max_seconds": self.max_seconds, "max_rss_mb": self.max_rss_mb},
            "errors": dict(Counter(o.code for o in self.outcomes if o.code)),
            "failures": [asdict(o) for o in self.failures()],
            "slowest": [asdict(o) for o in sorted(ok, key=lambda o: -o.seconds)[:10]],
        }


def timing(seconds: list[float]) -> dict[str, float]:
    """p50/p99/max of per-article seconds (nearest-rank percentiles)."""
    if not seconds:
        return {"p50": 0.0, "p99": 0.0, "max": 0.0}
    ordered = sorted(seconds)

    def rank(q: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, int(-(-q * len(ordered) // 1)) - 1))]

    return {"p50": round(rank(0.5), 3), "p99": round(rank(0.99), 3), "max": round(ordered[-1], 3)}


# --- memory of the whole process tree ----------------------------------------------------


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out.extend(int(c) for c in fh.read().split())
    except OSError:
        pass
    return out


def rss_mb(pid: int) -> float:
    """Resident set size of one process in MB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, IndexError, ValueError):
        return 0.0


def tree_rss_mb(pid: int) -> float:
    """RSS of a process and all its descendants, in MB."""
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += rss_mb(p)
        todo.extend(_children(p))
    return total


class PeakSampler:
    """Samples this process tree's RSS in a thread; `peak` is the largest sum seen."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_mb(os.getpid()))
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, tree_rss_mb(os.getpid()))


# --- the project's batch driver ------------------------------------------------------------

_WARM_UP = ("The minister said on Monday that talks with Paris would resume.",
            "Министр заявил в понедельник, что переговоры с Парижем возобновятся.")
_WORKER_LOST = ("E041", "E042", "E043")


def _lane(items: Iterator[tuple[int, Any]], options: Any, lock: threading.Lock,
          record: Callable[[int, Outcome], None]) -> None:
    """One `Analyzer.pipe` stream with one worker, fed from the shared queue; times each article.

    With one worker per stream, the time between two results is that article's analysis
    (plus a pickle each way): the driver dispatches the next article only when asked for
    the next result. The article after a worker start (the first, or one after a worker was
    killed) also pays for loading models, so its time is marked `cold` and left out of the
    percentiles; the warm-up texts absorb the first start.
    """
    from rashomon.api import Analyzer
    from rashomon.errors import RashomonError
    from rashomon.ingest.text import article_from_text
    from rashomon.model import Article

    warm = [article_from_text(t, f"<warm-up {i}>") for i, t in enumerate(_WARM_UP)]
    fed: list[tuple[int, Any]] = []  # (index, item) in the order given to the driver

    def feed() -> Iterator[Article | RashomonError]:
        yield from warm
        while True:
            with lock:
                nxt = next(items, None)
            if nxt is None:
                return
            fed.append(nxt)
            yield nxt[1].article

    results = Analyzer(options).pipe(feed(), jobs=1)
    for _ in warm:
        next(results)
    cold = False
    last = time.perf_counter()
    for n, result in enumerate(results):
        now = time.perf_counter()
        index, item = fed[n]
        seconds, last = now - last, now
        if isinstance(item.article, RashomonError):  # refused at reading: never reached a worker
            outcome = _outcome(item, 0.0, item.article.code, str(item.article))
        elif isinstance(result, RashomonError):
            outcome = _outcome(item, seconds, result.code, str(result))
        else:
            try:
                result.check_spans()
                code, detail = None, ""
            except RashomonError as err:
                code, detail = err.code, str(err)
            outcome = _outcome(item, seconds, code, detail)
            outcome.detected = result.language
            outcome.counts = {k: len(getattr(result, k)) for k in _LAYERS}
        if not isinstance(item.article, RashomonError):
            outcome.cold = cold and outcome.code is None
            cold = outcome.code in _WORKER_LOST  # the driver starts a new worker for the next one
        record(index, outcome)


_LAYERS = ("sentences", "tokens", "entities", "quotes", "claims", "techniques", "quantities", "dates")


def _outcome(item: Any, seconds: float, code: str | None, detail: str) -> Outcome:
    chars = len(item.article.text) if hasattr(item.article, "text") else 0
    return Outcome(item.corpus, item.path, item.language, chars, round(seconds, 3), code, detail)


def soak(items: Iterable[Any], *, jobs: int = 1, max_seconds: float | None = None,
         max_rss_mb: int | None = None,
         on_outcome: Callable[[Outcome], None] | None = None, config: Path | None = None) -> SoakReport:
    """Analyse every CorpusItem through `Analyzer.pipe` (worker processes); one Outcome each, in input order.

    `jobs` streams run side by side, one worker each; the budget is the project's
    `[analysis]` settings unless overridden here. `config`: a TOML file over the defaults (to soak
    a setting other than the default, such as `techniques.paragraph_stage = "gate"`).
    """
    from rashomon.settings import load_options

    overrides = {k: v for k, v in (("max_seconds", max_seconds), ("max_rss_mb", max_rss_mb)) if v is not None}
    options = load_options(config, analysis=overrides) if overrides else load_options(config)
    items = list(items)
    outcomes: list[Outcome | None] = [None] * len(items)
    lock = threading.Lock()

    def record(i: int, outcome: Outcome) -> None:
        with lock:
            outcomes[i] = outcome
            if on_outcome:
                on_outcome(outcome)

    queue = iter(list(enumerate(items)))
    t_start = time.perf_counter()
    with PeakSampler() as sampler:
        lanes = [threading.Thread(target=_lane, args=(queue, options, lock, record), daemon=True)
                 for _ in range(max(1, min(jobs, len(items))))]
        for lane in lanes:
            lane.start()
        for lane in lanes:
            lane.join()
    missing = [items[i].path for i, o in enumerate(outcomes) if o is None]
    if missing:
        raise RuntimeError(f"soak lost {len(missing)} articles (a lane failed), first: {missing[0]}")
    return SoakReport([o for o in outcomes if o is not None], sampler.peak, time.perf_counter() - t_start,
                      options.analysis.max_seconds, options.analysis.max_rss_mb)


# --- selection -----------------------------------------------------------------------------


def _stable(key: str, seed: int) -> str:
    return hashlib.sha256(f"{seed}:{key}".encode()).hexdigest()


def sample(items: list[Any], n: int, seed: int = 14) -> list[Any]:
    """A deterministic sample of n items, spread over corpora in proportion to their size."""
    if n >= len(items):
        return list(items)
    by_corpus: dict[str, list[Any]] = {}
    for it in items:
        by_corpus.setdefault(it.corpus, []).append(it)
    picked: list[Any] = []
    for name, group in by_corpus.items():
        share = max(1, round(n * len(group) / len(items)))
        picked.extend(sorted(group, key=lambda it: _stable(it.path, seed))[:share])
    picked.sort(key=lambda it: _stable(it.path, seed))
    return sorted(picked[:n], key=items.index)


# --- worst cases ---------------------------------------------------------------------------


def time_worst_cases(scales: list[float], *, max_seconds: float | None = None,
                     max_rss_mb: int | None = None) -> list[dict[str, Any]] | None:
    """Time benchmarks/worst_cases.py's texts at each scale through the same driver; None if absent."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        from worst_cases import worst_cases  # type: ignore[import-not-found]
    except ImportError:
        return None
    finally:
        sys.path.pop(0)
    from rashomon.errors import RashomonError
    from rashomon.evaluation.corpora import CorpusItem
    from rashomon.ingest.text import article_from_text
    from rashomon.techniques.formats import guess_language

    items = []
    for scale in sorted(scales):
        for name, text in worst_cases(scale).items():
            where = f"<{name}@{scale:g}>"
            try:
                art: Any = article_from_text(text, where, title_from_first_line=False)
            except RashomonError as err:
                art = err
            items.append(CorpusItem(name, where, guess_language(text), art))

    def show(o: Outcome) -> None:
        status = o.code or ("ok, includes a worker start" if o.cold else "ok")
        print(f"  {o.path:32} {o.chars:>9,} chars {o.seconds:8.2f} s  {status}", flush=True)

    report = soak(items, max_seconds=max_seconds, max_rss_mb=max_rss_mb, on_outcome=show)
    return [{"case": o.corpus, "scale": float(o.path.rsplit("@", 1)[1][:-1]), "chars": o.chars,
             "seconds": o.seconds, "status": o.code or "ok", "cold": o.cold} for o in report.outcomes]


def growth_table(rows: list[dict[str, Any]]) -> list[str]:
    """Per case: seconds at each size and the time ratio per doubling of size."""
    lines = []
    for name in dict.fromkeys(r["case"] for r in rows):
        runs = sorted((r for r in rows if r["case"] == name), key=lambda r: r["chars"])
        cells = "  ".join(f"{r['chars']:>9,}: {r['seconds']:7.2f} s{'' if r['status'] == 'ok' else ' ' + r['status']}"
                          for r in runs)
        ratio = ""
        a, b = runs[0], runs[-1]
        timed = all(r["status"] == "ok" and not r["cold"] for r in (a, b))
        if len(runs) > 1 and timed and a["seconds"] > 0.01 and b["chars"] > a["chars"]:
            import math

            per_doubling = (b["seconds"] / a["seconds"]) ** (1 / math.log2(b["chars"] / a["chars"]))
            ratio = f"  x{per_doubling:.2f} per doubling"
        lines.append(f"  {name:24} {cells}{ratio}")
    return lines


# --- command line --------------------------------------------------------------------------


def print_report(report: SoakReport) -> None:
    """The human-readable summary."""
    s = report.summary()
    print(f"\n{s['articles']} articles in {s['wall_seconds']:.0f} s wall; peak RSS (process tree) "
          f"{s['peak_rss_mb']:.0f} MB; budget {report.max_seconds:g} s / {report.max_rss_mb} MB per article")
    for key, n in sorted(s["per_corpus"].items()):
        print(f"  {key:24} {n:5}")
    print("seconds per article (analysed ones):")
    for lang, row in s["per_language"].items():
        print(f"  {lang:4} {row['articles']:5} articles  p50 {row['p50']:.2f}  p99 {row['p99']:.2f}  max {row['max']:.2f}")
    a = s["all"]
    print(f"  all  {s['articles']:5} articles  p50 {a['p50']:.2f}  p99 {a['p99']:.2f}  max {a['max']:.2f}")
    hangs = len(report.failures(["E041", "E042"]))
    crashes = len(report.failures(["E043", "E044"]))
    spans = len(report.failures(["E040"]))
    print(f"hangs/over budget: {hangs}  crashes: {crashes}  span errors: {spans}  "
          f"other errors: {len(report.failures()) - hangs - crashes - spans}")
    for o in report.failures():
        print(f"  {o.code} {o.seconds:8.1f} s {o.chars:7} chars {o.path}  {o.detail[:200]}")
    print("slowest:")
    for o in s["slowest"]:
        print(f"  {o['seconds']:8.2f} s {o['chars']:7} chars {o['path']}")


def main() -> None:
    """Run the soak (and the worst cases) and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--corpus", action="append", help="only this corpus (repeatable)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--limit", type=int, help="first N articles only")
    parser.add_argument("--sample", type=int, help="a deterministic sample of N articles over all corpora")
    parser.add_argument("--max-seconds", type=float, help="per-article budget (default: analysis.max_seconds)")
    parser.add_argument("--max-rss-mb", type=int, help="worker memory budget (default: analysis.max_rss_mb)")
    parser.add_argument("--config", type=Path, help="a rashomon TOML config over the defaults (e.g. an opt-in setting)")
    parser.add_argument("--json", type=Path, help="write the summary (and worst-case rows) here")
    parser.add_argument("--progress", action="store_true", help="one line per article")
    parser.add_argument("--no-worst-cases", action="store_true")
    parser.add_argument("--worst-cases-only", action="store_true", help="skip the corpora")
    parser.add_argument("--worst-scales", type=float, nargs="+", default=[0.25, 0.5, 1.0])
    args = parser.parse_args()

    from rashomon.evaluation.corpora import iter_corpora

    result: dict[str, Any] = {}
    if not args.worst_cases_only and not args.data.exists():
        sys.exit(f"{args.data} is absent: the soak needs the shared corpora")
    items = [] if args.worst_cases_only else list(iter_corpora(args.data, args.seeds, args.corpus))
    if args.sample:
        items = sample(items, args.sample)
    if args.limit:
        items = items[: args.limit]
    print(f"soak: {len(items)} articles, jobs {args.jobs}" + (f", config {args.config}" if args.config else ""), flush=True)
    done = [0]

    def progress(o: Outcome) -> None:
        done[0] += 1
        if args.progress or o.code or o.seconds > 10:
            flag = o.code or ("cold" if o.cold else "slow" if o.seconds > 10 else "ok")
            print(f"[{done[0]}/{len(items)}] {flag:4} {o.seconds:7.2f} s {o.chars:7} chars {o.path} {o.detail[:160]}",
                  flush=True)

    if items:
        report = soak(items, jobs=args.jobs, max_seconds=args.max_seconds, max_rss_mb=args.max_rss_mb,
                      on_outcome=progress, config=args.config)
        print_report(report)
        result["soak"] = report.summary()
        if args.json:
            args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    if not args.no_worst_cases:
        print("\nworst cases (full pipeline, same driver and budget):", flush=True)
        rows = time_worst_cases(args.worst_scales, max_seconds=args.max_seconds, max_rss_mb=args.max_rss_mb)
        if rows is None:
            print("  benchmarks/worst_cases.py is absent: skipped")
        else:
            print("growth:")
            print("\n".join(growth_table(rows)))
            result["worst_cases"] = rows
            if args.json:
                args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
