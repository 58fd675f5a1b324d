"""Soak: the full default pipeline over every real article we have, under a per-article budget.

Reads every article of `../shared/data` (PTC-2020 and SemEval-2023 en/ru training articles,
PolNeAR texts, BASIL articles, the tgcontest pairs) and the seeds, each distinct text once
(rashomon.evaluation.corpora), and analyses each in a supervised worker process: an article
over `--max-seconds` (E041) or a worker over `--max-rss-mb` (E042) is killed and reported,
a worker that dies is reported (E043), an exception is reported (E044), and the soak goes on
with a fresh worker. Every analysed article's spans are checked (`Article.check_spans`).

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
import pickle
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_MAX_SECONDS = 120.0
DEFAULT_MAX_RSS_MB = 4096
_HEADER = struct.Struct("!Q")


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
        ok = [o for o in self.outcomes if o.code is None]
        per_lang = {}
        for lang in sorted({o.language for o in self.outcomes}):
            per_lang[lang] = {"articles": sum(o.language == lang for o in self.outcomes),
                              **timing([o.seconds for o in ok if o.language == lang])}
        return {
            "articles": len(self.outcomes),
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


# --- supervised workers --------------------------------------------------------------------


def _send(fh, obj: object) -> None:  # noqa: ANN001
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    fh.write(_HEADER.pack(len(data)) + data)
    fh.flush()


def _read_exact(fd: int, n: int) -> bytes:
    chunks, got = [], 0
    while got < n:
        chunk = os.read(fd, n - got)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _recv(fd: int) -> object:
    (n,) = _HEADER.unpack(_read_exact(fd, _HEADER.size))
    return pickle.loads(_read_exact(fd, n))


def worker_main() -> None:
    """Worker loop: build the default Analyzer, then analyse each pickled Article sent on stdin."""
    # The protocol owns the real stdout; anything the libraries print goes to stderr.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    from rashomon import Analyzer
    from rashomon.errors import RashomonError

    analyzer = Analyzer()
    # Lazy loads (models, lexicons, caches) happen here, not in the first article's time.
    analyzer.analyze_text("The minister said on Monday that talks with Paris would resume.")
    analyzer.analyze_text("Министр заявил в понедельник, что переговоры с Парижем возобновятся.")
    _send(out, ("ready", os.getpid()))
    inp = sys.stdin.buffer
    while True:
        try:
            (n,) = _HEADER.unpack(inp.read(_HEADER.size))
        except struct.error:
            return
        art = pickle.loads(inp.read(n))
        t0 = time.perf_counter()
        try:
            res = analyzer.pipeline(art)
        except RashomonError as err:
            _send(out, ("error", time.perf_counter() - t0, err.code, str(err)))
            continue
        except Exception as exc:  # noqa: BLE001 - the soak reports every crash, it must not stop
            detail = f"{type(exc).__name__}: {exc}"[:500]
            _send(out, ("error", time.perf_counter() - t0, "E044", detail))
            continue
        seconds = time.perf_counter() - t0
        try:
            res.check_spans()
            code, detail = None, ""
        except RashomonError as err:
            code, detail = err.code, str(err)
        counts = {k: len(getattr(res, k)) for k in ("sentences", "tokens", "entities", "quotes", "claims",
                                                      "techniques", "quantities", "dates")}
        _send(out, ("done", seconds, code, detail, res.language, counts))


class Worker:
    """One worker process running `worker_main`, with its stderr kept in a temp file."""

    def __init__(self) -> None:
        self.log = tempfile.TemporaryFile()
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--worker"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
                                     env=env, cwd=str(ROOT))
        self.fd = self.proc.stdout.fileno()  # type: ignore[union-attr]
        self.job: tuple[int, Any] | None = None
        self.started = 0.0
        self.ready = False

    def wait_ready(self, timeout: float = 600.0) -> None:
        """Block until the models are loaded (not counted in any article's time)."""
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            self.kill()
            raise RuntimeError("soak worker did not load its models in time")
        msg = _recv(self.fd)
        assert isinstance(msg, tuple) and msg[0] == "ready"
        self.ready = True

    def submit(self, index: int, item: Any, article: Any) -> None:
        """Send one article; its clock starts now."""
        self.job = (index, item)
        self.started = time.perf_counter()
        _send(self.proc.stdin, article)

    def stderr_tail(self, n: int = 300) -> str:
        """The end of what the worker wrote to stderr (a crash's last words)."""
        self.log.seek(0, os.SEEK_END)
        size = self.log.tell()
        self.log.seek(max(0, size - n))
        return self.log.read().decode("utf-8", "replace").strip().replace("\n", " | ")

    def kill(self) -> None:
        """Kill the worker and reap it."""
        try:
            self.proc.kill()
        except ProcessLookupError:
            pass
        self.proc.wait()
        self.log.close()

    def close(self) -> None:
        """Ask the worker to exit (closing its stdin) and reap it."""
        try:
            self.proc.stdin.close()  # type: ignore[union-attr]
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def soak(items: Iterable[Any], *, jobs: int = 1, max_seconds: float = DEFAULT_MAX_SECONDS,
         max_rss_mb: int = DEFAULT_MAX_RSS_MB,
         on_outcome: Callable[[Outcome], None] | None = None) -> SoakReport:
    """Analyse every CorpusItem in supervised workers; one Outcome per item, in input order."""
    from rashomon.errors import RashomonError

    items = list(items)
    outcomes: list[Outcome | None] = [None] * len(items)

    def record(i: int, outcome: Outcome) -> None:
        outcomes[i] = outcome
        if on_outcome:
            on_outcome(outcome)

    def base(item: Any, seconds: float, code: str | None, detail: str) -> Outcome:
        chars = len(item.article.text) if not isinstance(item.article, RashomonError) else 0
        return Outcome(item.corpus, item.path, item.language, chars, round(seconds, 3), code, detail)

    t_start = time.perf_counter()
    todo = list(enumerate(items))
    todo.reverse()
    workers: list[Worker] = []
    with PeakSampler() as sampler:
        try:
            while todo or any(w.job for w in workers):
                # Fill idle slots (input errors are outcomes without a worker).
                while todo and (len(workers) < jobs or any(w.job is None for w in workers)):
                    i, item = todo[-1]
                    if isinstance(item.article, RashomonError):
                        todo.pop()
                        record(i, base(item, 0.0, item.article.code, str(item.article)))
                        continue
                    idle = next((w for w in workers if w.job is None), None)
                    if idle is None:
                        idle = Worker()
                        idle.wait_ready()
                        workers.append(idle)
                    todo.pop()
                    idle.submit(i, item, item.article)
                busy = [w for w in workers if w.job]
                if not busy:
                    continue
                readable, _, _ = select.select([w.fd for w in busy], [], [], 0.25)
                now = time.perf_counter()
                for w in busy:
                    assert w.job is not None
                    i, item = w.job
                    gone = None
                    if w.fd in readable:
                        try:
                            msg = _recv(w.fd)
                        except (EOFError, OSError, pickle.UnpicklingError):
                            w.proc.wait()
                            gone = Outcome(item.corpus, item.path, item.language, len(item.article.text),
                                           round(now - w.started, 3), "E043",
                                           f"exit {w.proc.returncode}: {w.stderr_tail()}")
                        else:
                            w.job = None
                            if msg[0] == "error":
                                record(i, base(item, msg[1], msg[2], msg[3]))
                            else:
                                _, seconds, code, detail, detected, counts = msg
                                out = base(item, seconds, code, detail)
                                out.detected, out.counts = detected, counts
                                record(i, out)
                            continue
                    elif now - w.started > max_seconds:
                        gone = base(item, now - w.started, "E041", f"over {max_seconds:g} s")
                    elif (mb := tree_rss_mb(w.proc.pid)) > max_rss_mb:
                        gone = base(item, now - w.started, "E042", f"worker at {mb:.0f} MB > {max_rss_mb} MB")
                    if gone is not None:
                        # The worker is stuck, bloated or dead: replace it, keep going.
                        w.kill() if w.proc.poll() is None else w.log.close()
                        workers.remove(w)
                        record(i, gone)
        finally:
            for w in workers:
                w.kill() if w.job else w.close()
    return SoakReport([o for o in outcomes if o is not None], sampler.peak,
                      time.perf_counter() - t_start, max_seconds, max_rss_mb)


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


def time_worst_cases(scales: list[float]) -> list[dict[str, Any]] | None:
    """Time benchmarks/worst_cases.py's texts at each scale in one Analyzer; None if absent."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        from worst_cases import worst_cases  # type: ignore[import-not-found]
    except ImportError:
        return None
    finally:
        sys.path.pop(0)
    from rashomon import Analyzer

    analyzer = Analyzer()
    analyzer.analyze_text("Warm-up. The minister said it.")
    rows: list[dict[str, Any]] = []
    for scale in scales:
        for name, text in worst_cases(scale).items():
            t0 = time.perf_counter()
            try:
                analyzer.analyze_text(text, source=f"<{name}@{scale}>")
                status = "ok"
            except Exception as exc:  # noqa: BLE001 - report, keep timing the others
                status = f"{type(exc).__name__}: {str(exc)[:80]}"
            rows.append({"case": name, "scale": scale, "chars": len(text),
                         "seconds": round(time.perf_counter() - t0, 3), "status": status})
            print(f"  {name:24} scale {scale:<5g} {len(text):>9,} chars {rows[-1]['seconds']:8.2f} s  {status}",
                  flush=True)
    return rows


def growth_table(rows: list[dict[str, Any]]) -> list[str]:
    """Per case: seconds at each size and the time ratio per doubling of size."""
    lines = []
    for name in dict.fromkeys(r["case"] for r in rows):
        runs = sorted((r for r in rows if r["case"] == name), key=lambda r: r["chars"])
        cells = "  ".join(f"{r['chars']:>9,}: {r['seconds']:7.2f} s" for r in runs)
        ratio = ""
        a, b = runs[0], runs[-1]
        if len(runs) > 1 and a["seconds"] > 0.01 and b["chars"] > a["chars"]:
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
    if sys.argv[1:] == ["--worker"]:
        worker_main()
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--corpus", action="append", help="only this corpus (repeatable)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--limit", type=int, help="first N articles only")
    parser.add_argument("--sample", type=int, help="a deterministic sample of N articles over all corpora")
    parser.add_argument("--max-seconds", type=float, default=DEFAULT_MAX_SECONDS)
    parser.add_argument("--max-rss-mb", type=int, default=DEFAULT_MAX_RSS_MB)
    parser.add_argument("--json", type=Path, help="write the summary (and worst-case rows) here")
    parser.add_argument("--progress", action="store_true", help="one line per article")
    parser.add_argument("--no-worst-cases", action="store_true")
    parser.add_argument("--worst-scales", type=float, nargs="+", default=[0.25, 0.5, 1.0])
    args = parser.parse_args()

    from rashomon.evaluation.corpora import iter_corpora

    if not args.data.exists():
        sys.exit(f"{args.data} is absent: the soak needs the shared corpora")
    items = list(iter_corpora(args.data, args.seeds, args.corpus))
    if args.sample:
        items = sample(items, args.sample)
    if args.limit:
        items = items[: args.limit]
    print(f"soak: {len(items)} articles, jobs {args.jobs}", flush=True)
    done = [0]

    def progress(o: Outcome) -> None:
        done[0] += 1
        if args.progress or o.code or o.seconds > 10:
            flag = o.code or ("slow" if o.seconds > 10 else "ok")
            print(f"[{done[0]}/{len(items)}] {flag:4} {o.seconds:7.2f} s {o.chars:7} chars {o.path} {o.detail[:160]}",
                  flush=True)

    report = soak(items, jobs=args.jobs, max_seconds=args.max_seconds, max_rss_mb=args.max_rss_mb,
                  on_outcome=progress)
    print_report(report)
    result: dict[str, Any] = {"soak": report.summary()}
    if not args.no_worst_cases:
        print("\nworst cases (full pipeline, one process):", flush=True)
        rows = time_worst_cases(args.worst_scales)
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
