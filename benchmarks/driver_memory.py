"""Peak RSS of the driver of `rashomon analyze --scheduler local:2` at 1,000 to 10,000 articles.

Only the driver process is measured: the `rashomon` process the user starts, which with
`local:N` also runs the Dask scheduler and the workers' nannies (the Dask workers and the
analysis processes are its children and are not counted). It is sampled from
/proc/PID/status every 0.2 s: VmRSS over the run and VmHWM, the kernel's own peak, at the
last sample.

Input: N real articles as one JSONL file (PTC-2020 and SemEval-2023 training articles, English
and Russian, from ../shared/data, written to a temporary directory at run time). There are
fewer real articles than N, so the corpus is cycled: copy k of an article gets the id
`a<k>-<i>` and a first line "Copy k." so every line is a distinct text.

Cost: 10,000 full analyses take about an hour on two cores, so by default the pipeline is
cut to `segment` (paragraphs only) through a --config file: the same command, reader,
scheduler, tasks, worker plugin, analysis processes, ordering and JSON writer, with less work
per article and smaller results. `--components` chooses others (`--full` for the default
pipeline). What the driver holds does not depend on N: at most 4 tasks per worker in flight,
results released on the cluster before they are written.

A size given twice is run twice: the spread of its peaks is the noise the slope is judged
against. The slope is a least-squares fit over every run.

    nice python benchmarks/driver_memory.py [--sizes 1000 1000 2000 5000 10000] [--workers 2] [--full]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
RASHOMON = Path(sys.executable).with_name("rashomon")


def real_texts() -> list[str]:
    """PTC-2020 and SemEval-2023 training articles, English and Russian (CRLF kept)."""
    files = sorted((DATA / "ptc2020" / "train-articles").glob("article*.txt"))
    for lang in ("en", "ru"):
        files += sorted((DATA / "semeval2023" / lang / "train-articles-subtask-3").glob("article*.txt"))
    return [p.open(encoding="utf-8", newline="").read() for p in files]


def write_jsonl(texts: list[str], n: int, path: Path) -> None:
    """n articles cycling `texts`, each copy with its own id and first line."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            copy, text = divmod(i, len(texts))[0], texts[i % len(texts)]
            body = f"Copy {copy}.\n\n{text}" if copy else text
            fh.write(json.dumps({"id": f"a{copy}-{i % len(texts)}", "text": body}, ensure_ascii=False) + "\n")


def _status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of pid in KiB (empty once it has exited)."""
    out = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    out[line.split(":")[0]] = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return out


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of pid itself (threads included, children not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def run_driver(cmd: list[str]) -> dict:
    """Run cmd, sampling the driver; its peak, its RSS over time, CPU, exit code and stderr tail."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[float, int]] = []
    hwm, cpu = 0, None
    while proc.poll() is None:
        status = _status(proc.pid)
        if status:
            samples.append((time.perf_counter() - t0, status.get("VmRSS", 0)))
            hwm = max(hwm, status.get("VmHWM", 0))
            cpu = _cpu_seconds(proc.pid) or cpu
        time.sleep(0.2)
    err = proc.stderr.read() if proc.stderr else ""
    return {"seconds": time.perf_counter() - t0, "hwm_mb": hwm / 1024, "samples": samples,
            "cpu": cpu, "exit": proc.returncode, "stderr": err[-1500:]}


def main() -> None:
    """One line per size, then the slope per 1,000 articles."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 1000, 2000, 5000, 10000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--components", nargs="+", default=["segment"], help="pipeline components (a --config file)")
    ap.add_argument("--full", action="store_true", help="the default pipeline (about 1 h for 10,000 articles)")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is absent: this benchmark reads real articles from ../shared/data")
    texts = real_texts()
    pipeline = "default pipeline" if args.full else "components " + "+".join(args.components)
    print(f"driver of `rashomon analyze --scheduler local:{args.workers}`, {pipeline}; "
          f"{len(texts)} real articles cycled; {os.cpu_count()} cores")
    print(f"{'articles':>8} {'peak MB':>8} {'RSS at 25/50/75/100% of the run, MB':>36} {'seconds':>8} "
          f"{'driver CPU ms/article':>21} exit")
    peaks: list[tuple[int, float]] = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="rashomon-driver-memory-") as tmp:
            corpus, config = Path(tmp) / "corpus.jsonl", Path(tmp) / "pipeline.toml"
            write_jsonl(texts, n, corpus)
            cmd = [str(RASHOMON), "analyze", str(corpus), "--scheduler", f"local:{args.workers}",
                   "-o", str(Path(tmp) / "out.json"), "--no-progress"]
            if not args.full:
                config.write_text(f"[pipeline]\ncomponents = {json.dumps(args.components)}\n", encoding="utf-8")
                cmd += ["--config", str(config)]
            result = run_driver(cmd)
            if result["exit"] != 0:
                sys.stderr.write(result["stderr"])
            samples = result["samples"]
            at = [samples[min(len(samples) - 1, int(q * len(samples)))][1] / 1024 for q in (0.25, 0.5, 0.75, 0.999)]
            cpu = f"{1000 * result['cpu'] / n:.1f}" if result["cpu"] is not None else "?"
            peaks.append((n, result["hwm_mb"]))
            print(f"{n:>8} {result['hwm_mb']:>8.1f} {' / '.join(f'{x:.1f}' for x in at):>36} "
                  f"{result['seconds']:>8.0f} {cpu:>21} {result['exit']}", flush=True)
    summarize(peaks)


def summarize(peaks: list[tuple[int, float]]) -> None:
    """Slope per 1,000 articles (least squares over every run) and the spread of repeated sizes."""
    sizes = sorted({n for n, _ in peaks})
    if len(sizes) < 2:
        return
    xs, ys = [n / 1000 for n, _ in peaks], [mb for _, mb in peaks]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    mean = {n: sum(mb for m, mb in peaks if m == n) / sum(1 for m, _ in peaks if m == n) for n in sizes}
    lo, hi = sizes[0], sizes[-1]
    print(f"peak({hi})/peak({lo}) = {mean[hi] / mean[lo]:.3f}; slope {slope:+.3f} MB per 1,000 articles "
          f"(least squares over {len(peaks)} runs)")
    for n in sizes:
        runs = [mb for m, mb in peaks if m == n]
        if len(runs) > 1:
            print(f"noise: {len(runs)} runs at {n}: {' / '.join(f'{mb:.1f}' for mb in runs)} MB, "
                  f"spread {max(runs) - min(runs):.1f} MB")


if __name__ == "__main__":
    main()
