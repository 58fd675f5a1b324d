"""Peak RSS of `rashomon analyze` and `rashomon ingest` for 10, 100 and 1,000 real articles.

The whole process tree is measured (the driver and its worker processes), sampled from
/proc every 0.2 s. Articles are real news from ../shared/data, written to a temporary
directory at run time (never into the repository):

- en: PTC-2020 and SemEval-2023 English training articles;
- ru: SemEval-2023 Russian training articles (CRLF kept) and the tgcontest pair texts.

Where a language has fewer real articles than asked for, the texts are cycled and each
copy gets a numbered first line, so every text is distinct (and so is analysed and stored).
Smaller runs are an even sample of the largest run's articles (same mix of lengths).
Acceptance (issue 14): peak RSS for 1,000 within 15% of 100, for analyze and ingest.

    nice python benchmarks/memory.py [--sizes 10 100 1000] [--langs en ru] [--jobs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
RASHOMON = Path(sys.executable).with_name("rashomon")


def english_texts() -> list[str]:
    """PTC-2020 and SemEval-2023 English training articles."""
    files = sorted((DATA / "ptc2020" / "train-articles").glob("article*.txt"))
    files += sorted((DATA / "semeval2023" / "en" / "train-articles-subtask-3").glob("article*.txt"))
    return [p.read_text(encoding="utf-8") for p in files]


def russian_texts() -> list[str]:
    """SemEval-2023 Russian training articles (CRLF kept) and tgcontest pair texts."""
    files = sorted((DATA / "semeval2023" / "ru" / "train-articles-subtask-3").glob("article*.txt"))
    texts = [p.open(encoding="utf-8", newline="").read() for p in files]
    pairs = DATA / "tgcontest_ru_dev" / "pairs.jsonl"
    if pairs.exists():
        for line in pairs.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for side in ("first", "second"):
                title, text = row.get(f"{side}_title") or "", row.get(f"{side}_text") or ""
                if text.strip():
                    texts.append(f"{title}\n\n{text}\n" if title else text)
    return list(dict.fromkeys(texts))  # a text in two pairs counts once


def corpus_texts(texts: list[str], n: int, largest: int) -> list[str]:
    """n distinct texts spread evenly over the `largest` run's articles.

    The largest run takes the real texts in order, then numbered copies. A smaller run takes
    every (largest/n)-th of those, so 100 articles have the same mix of lengths and corpora as
    1,000: the first 100 files alone held none of the longest articles, and peak memory follows
    the longest article analysed, which is not what this benchmark asks about.
    """
    largest = max(largest, n)
    picked = []
    for k in range(n):
        i = k * largest // n
        text = texts[i % len(texts)]
        copy = i // len(texts)
        picked.append(f"Copy {copy}.\n\n{text}" if copy else text)
    return picked


def write_corpus(texts: list[str], folder: Path) -> None:
    """One article file per text."""
    folder.mkdir(parents=True)
    for i, text in enumerate(texts):
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8", newline="")


def _tree(root: int) -> list[int]:
    """root and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def peak_rss(cmd: list[str]) -> tuple[float, float, int, str]:
    """Run cmd; return (peak tree RSS in MB, seconds, exit code, error codes reported)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, sum(_rss_kb(pid) for pid in _tree(proc.pid)))
        time.sleep(0.2)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        sys.stderr.write(err[-2000:])
    codes = Counter(m.group(1) for m in re.finditer(r"^error (E\d{3})", err, re.MULTILINE))
    return peak / 1024, time.perf_counter() - t0, proc.returncode, " ".join(f"{c}x{n}" for c, n in sorted(codes.items()))


def main() -> None:
    """Print one line per (language, size, command)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    ap.add_argument("--langs", nargs="+", default=["en", "ru"], choices=["en", "ru"])
    ap.add_argument("--commands", nargs="+", default=["analyze", "ingest"], choices=["analyze", "ingest"])
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is absent: this benchmark reads real articles from ../shared/data")
    print(f"{'lang':4} {'n':>5} {'command':8} {'peak MB':>8} {'seconds':>8} exit errors")
    for lang in args.langs:
        texts = english_texts() if lang == "en" else russian_texts()
        peaks: dict[tuple[str, int], float] = {}
        for n in args.sizes:
            with tempfile.TemporaryDirectory(prefix="rashomon-memory-") as tmp:
                corpus = Path(tmp) / "articles"
                write_corpus(corpus_texts(texts, n, max(args.sizes)), corpus)
                for command in args.commands:
                    if command == "analyze":
                        cmd = [str(RASHOMON), "analyze", str(corpus), "-o", str(Path(tmp) / "out.json")]
                    else:
                        cmd = [str(RASHOMON), "ingest", str(corpus), "--db", str(Path(tmp) / "store.sqlite")]
                    mb, secs, code, errors = peak_rss(cmd + ["--no-progress", "--jobs", str(args.jobs)])
                    peaks[(command, n)] = mb
                    print(f"{lang:4} {n:>5} {command:8} {mb:>8.0f} {secs:>8.0f} {code} {errors}", flush=True)
        for command in args.commands:
            if (command, 100) in peaks and (command, 1000) in peaks:
                ratio = peaks[(command, 1000)] / peaks[(command, 100)]
                print(f"{lang:4} {command}: peak(1000)/peak(100) = {ratio:.2f}"
                      f" ({'within' if ratio <= 1.15 else 'over'} 15%)", flush=True)


if __name__ == "__main__":
    main()
