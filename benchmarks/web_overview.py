"""Web overview cost against corpus size: stores of 200 and 2,000 articles, 16 concurrent clients.

Real analysed articles are slow to make, so a few dozen real ones (PTC-2020 English and
SemEval-2023 Russian training articles from ../shared/data, else the seeds) are analysed once,
and each store holds copies of them with distinct ids and texts (a suffix appended after the
text, so every span still slices it), spread over outlets and dates; clusters are rebuilt as
ingest does. Each store is served by `rashomon serve` (uvicorn, 127.0.0.1) and hammered for a
bounded time by 16 client threads per page, in interleaved rounds (the best round counts).
The article page is measured on the same real articles at every size.

    python benchmarks/web_overview.py [--real 30] [--sizes 200 2000] [--seconds 10] [--rounds 3]

Prints req/s and p50 latency per page and size, and the 2,000/200 rate ratio of the
overview (acceptance: within 20%, i.e. a ratio of at least 0.8).
"""

from __future__ import annotations

import argparse
import dataclasses
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
OUTLETS = ["Belsat", "RIA", "Kyiv Post", "Meduza", "TASS", "Nasha Niva", "Reuters", "BBC", "Interfax", "Zerkalo"]


def real_texts(n: int) -> list[tuple[str, str]]:
    """(name, text) of up to n real articles, two thirds English and one third Russian."""
    en = sorted((DATA / "ptc2020" / "train-articles").glob("article*.txt"))
    ru = sorted((DATA / "semeval2023" / "ru" / "train-articles-subtask-3").glob("article*.txt"))
    picked = en[: n - n // 3] + ru[: n // 3]
    if not picked:
        picked = sorted(SEEDS.glob("*.txt"))
    if not picked:
        sys.exit("no real articles: ../shared/data and ../shared/seeds are both missing")
    return [(p.name, p.open(encoding="utf-8", newline="").read()) for p in picked]


def analysed(n: int) -> list:
    """The real articles, analysed once with the default pipeline."""
    from rashomon.api import Analyzer
    from rashomon.ingest.text import article_from_text

    analyzer = Analyzer()
    out = []
    started = time.monotonic()
    for name, text in real_texts(n):
        art = article_from_text(text, name)
        try:
            out.append(analyzer.analyze(art))
        except Exception as exc:  # noqa: BLE001 - a benchmark reports and goes on
            print(f"  skipped {name}: {exc}", file=sys.stderr)
    print(f"analysed {len(out)} real articles in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return out


def build_store(path: Path, base: list, size: int) -> None:
    """A store of `size` copies of the analysed articles (distinct ids and texts), clusters rebuilt."""
    from rashomon.ingest.ids import article_id
    from rashomon.store import Store, refresh_clusters

    store = Store(path)
    started = time.monotonic()
    first: list[str] = []
    for i in range(size):
        src = base[i % len(base)]
        text = f"{src.text}\n\n[copy {i}]"
        art = dataclasses.replace(src, id=article_id(text), text=text, source=f"copy-{i}-{src.source}",
                                  outlet=OUTLETS[i % len(OUTLETS)],
                                  published=f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}")
        store.add(art)
        if i < len(base):
            first.append(art.id)
    refresh_clusters(store)
    Path(str(path) + ".ids.json").write_text(json.dumps(first))
    print(f"  store of {size}: built in {time.monotonic() - started:.0f} s", file=sys.stderr)
    store.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    """`rashomon serve` over a database, on a free loopback port."""

    def __init__(self, db: Path) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen([sys.executable, "-m", "rashomon.cli", "serve", "--db", str(db),
                                      "--port", str(self.port)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _ = fetch(self.port, "/static/style.css")
                if status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def fetch(port: int, path: str, conn: http.client.HTTPConnection | None = None) -> tuple[int, bytes]:
    """One GET; returns (status, body)."""
    own = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    own.request("GET", path)
    resp = own.getresponse()
    body = resp.read()
    if conn is None:
        own.close()
    return resp.status, body


def hammer(port: int, paths: list[str], clients: int, seconds: float) -> tuple[float, float, int]:
    """`clients` threads GET the paths in turn for `seconds`; (req/s, p50 s, errors)."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        i = k
        mine: list[float] = []
        while time.monotonic() < stop:
            t0 = time.monotonic()
            try:
                status, _ = fetch(port, paths[i % len(paths)], conn)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                status = 0
            mine.append(time.monotonic() - t0)
            if status != 200:
                with lock:
                    errors[0] += 1
            i += 1
        conn.close()
        with lock:
            latencies.extend(mine)

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    return len(latencies) / elapsed, statistics.median(latencies) if latencies else float("nan"), errors[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=int, default=30, help="real articles to analyse")
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--seconds", type=float, default=10, help="per page, size and round")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the best counts")
    parser.add_argument("--keep", type=Path, help="keep the stores in this folder (reused when present)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="rashomon-web-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    dbs = {size: folder / f"corpus-{size}.sqlite" for size in args.sizes}
    missing = [s for s, db in dbs.items() if not db.exists()]
    if missing:
        base = analysed(args.real)
        for size in missing:
            build_store(dbs[size], base, size)
    # Every store served at once, rounds interleaved, the best round counts: the machine is
    # shared and noisy, and both sizes should see the same noise.
    served = {size: Served(db) for size, db in dbs.items()}
    results: dict[tuple[str, int], tuple[float, float, int]] = {}
    try:
        pages: dict[int, dict[str, list[str]]] = {}
        for size, srv in served.items():
            # The same real articles' pages at every size (the copies of the first few).
            ids = json.loads(Path(str(dbs[size]) + ".ids.json").read_text())
            pages[size] = {"overview /": ["/"], "api /api/overview": ["/api/overview"],
                           "article /articles/{id}": [f"/articles/{i}" for i in ids]}
            for paths in pages[size].values():
                fetch(srv.port, paths[0])  # the first answer fills any cache: not what we measure
        for rnd in range(args.rounds):
            for name in pages[args.sizes[0]]:
                for size, srv in served.items():
                    rate, p50, errs = hammer(srv.port, pages[size][name], args.clients, args.seconds)
                    print(f"round {rnd + 1} {name:26s} {size:6d} articles: {rate:7.1f} req/s  "
                          f"p50 {p50 * 1000:7.1f} ms  errors {errs}", file=sys.stderr, flush=True)
                    best = results.get((name, size))
                    if best is None or rate > best[0]:
                        results[(name, size)] = (rate, p50, errs)
    finally:
        for srv in served.values():
            srv.close()
    for (name, size), (rate, p50, errs) in results.items():
        print(f"{name:26s} {size:6d} articles: {rate:7.1f} req/s  p50 {p50 * 1000:7.1f} ms  errors {errs}")
    if len(args.sizes) >= 2:
        small, big = min(args.sizes), max(args.sizes)
        for name in ("overview /", "api /api/overview", "article /articles/{id}"):
            ratio = results[(name, big)][0] / results[(name, small)][0]
            print(f"ratio {big}/{small} {name:26s} {ratio:.2f}")
    if not args.keep:
        for db in dbs.values():
            for suffix in ("", "-wal", "-shm", ".ids.json"):
                Path(str(db) + suffix).unlink(missing_ok=True)
        os.rmdir(folder)


if __name__ == "__main__":
    main()
