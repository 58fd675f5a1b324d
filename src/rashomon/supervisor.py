"""Supervised worker processes: one article in flight per worker, deadline and RSS checked here.

A worker is a "spawn" process that builds its own Analyzer (models load once per worker)
and answers one article at a time over a pipe. The parent polls: an article past
`analysis.max_seconds` or a worker past `analysis.max_rss_mb` gets the worker SIGKILLed and
replaced (its models reload in the new one); a worker that dies by itself (segfault, OOM
killer) is replaced too. Each such article gets its coded error; the others are unaffected.
Results come back in input order with a bounded look-ahead, so memory does not grow with
the batch.
"""

from __future__ import annotations

import atexit
import json
import os
import pickle
import signal
import subprocess
import sys
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Iterable, Iterator, TypeVar

from . import budget
from .errors import RashomonError
from .model import Article
from .settings import Options

Item = Article | RashomonError
T = TypeVar("T")
POLL_SECONDS = 0.2
MAX_FAILED_STARTS = 3
STARTUP_SECONDS = 300  # a worker that has not built its pipeline by then is stuck
PARKED_MAX = 2  # idle workers kept (models loaded) for the next batch in this process
# Test hook: "module:function" called in each worker before its pipeline is built (tests
# register a component that sleeps or allocates on a marker text). Never set in normal use.
SETUP_ENV = "RASHOMON_TEST_WORKER_SETUP"


def _pack(item: Item) -> tuple[str, Any]:
    # RashomonError keeps its fields, not its constructor arguments, so it travels as data.
    if isinstance(item, RashomonError):
        return ("error", (item.code, item.fields))
    # An article travels pickled once, here: the parent decides whether to open it (the Dask
    # plugin passes the bytes on unopened, instead of unpickling and pickling again).
    return ("article", pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))


def _unpack(message: tuple[str, Any], sealed: bool = False) -> Item | bytes:
    kind, payload = message
    if kind == "error":
        code, fields = payload
        return RashomonError(code, **fields)
    return payload if sealed else pickle.loads(payload)


def open_sealed(blob: bytes) -> Article:
    """The Article a `Supervisor(sealed=True)` answered with (bytes from our own worker)."""
    return pickle.loads(blob)


def _worker_main(conn: Connection) -> None:
    """Worker loop: build the pipeline, then analyse one article per request until told to stop."""
    options, components, path = conn.recv()
    sys.path[:] = path  # the parent's import path, as multiprocessing's spawn does
    try:
        hook = os.environ.get(SETUP_ENV)
        if hook:
            import importlib

            module, _, name = hook.partition(":")
            getattr(importlib.import_module(module), name)()
        from .api import Analyzer

        analyzer = Analyzer(options, components)
        analyzer.load()  # models load now, before "ready": no article's deadline pays for them
    except RashomonError as err:
        conn.send(("fatal", _pack(err)[1]))
        return
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        conn.send(("fatal", ("E044", {"detail": f"{type(exc).__name__}: {exc}"[:300], "path": "<pipeline>"})))
        return
    conn.send(("ready", None))
    while True:
        try:
            article = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if article is None:
            return
        conn.send(_pack(budget.analyze_one(analyzer, article)))
        del article
        _release_memory()


def _release_memory() -> None:
    """Hand memory freed by the last article back to the system, so one long article does not
    set the worker's resident size for the rest of its life (glibc keeps freed arenas)."""
    import gc

    # Young generations only: a full collection walks the loaded models' objects too and
    # cost ~100 ms per article (a third of a median article); they stay for the worker's life.
    gc.collect(1)
    return_free_memory()  # without glibc, the worker's retirement (analysis.worker_articles) still bounds growth


def return_free_memory() -> None:
    """Give the free pages glibc keeps in its heaps back to the system (a no-op without glibc)."""
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _tie_to_parent() -> None:
    """Die with the parent (Linux), and leave Ctrl-C to it: it stops its workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: a driver killed with -9 takes its workers along
    except (OSError, AttributeError):
        pass  # elsewhere an orphan still exits at its next read, when the pipe reports EOF


def main() -> None:
    """Entry point of `python -m rashomon.supervisor <read fd> <write fd>` (a worker)."""
    _tie_to_parent()
    read_fd, write_fd = int(sys.argv[1]), int(sys.argv[2])
    _worker_main(_Duplex(Connection(read_fd, writable=False), Connection(write_fd, readable=False)))


class _Duplex:
    """A request pipe and an answer pipe used as one connection."""

    def __init__(self, incoming: Connection, outgoing: Connection) -> None:
        self.incoming, self.outgoing = incoming, outgoing

    def recv(self) -> Any:
        return self.incoming.recv()

    def send(self, obj: Any) -> None:
        self.outgoing.send(obj)

    def poll(self) -> bool:
        return self.incoming.poll()

    def fileno(self) -> int:
        return self.incoming.fileno()

    def close(self) -> None:
        self.incoming.close()
        self.outgoing.close()


@dataclass
class _Job:
    seq: int
    article: Article
    started: float


class _Worker:
    """One worker process and the article it is working on, if any.

    Started as `python -m rashomon.supervisor` rather than through multiprocessing, so the
    parent's `__main__` (a user script, pytest, uvicorn) is never re-imported in the worker.
    Its stdout goes to our stderr: nothing a library prints can corrupt streamed output.
    """

    def __init__(self, options: Options, components: list[str] | None, unset: tuple[str, ...] = ()) -> None:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "rashomon.supervisor", str(to_child_r), str(from_child_w)],
            pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL, env=worker_env(unset),
            stdout=sys.stderr.fileno() if _has_fileno(sys.stderr) else subprocess.DEVNULL, close_fds=True)
        os.close(to_child_r)
        os.close(from_child_w)
        self.conn = _Duplex(Connection(from_child_r, writable=False), Connection(to_child_w, readable=False))
        self.conn.send((options, components, list(sys.path)))
        self.ready = False
        self.job: _Job | None = None
        self.born = time.monotonic()
        self.served = 0  # articles answered
        self.key = _pool_key(options, components, unset)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def exitcode(self) -> int | None:
        try:
            return self.proc.wait(1)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> None:
        """SIGKILL and reap."""
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self.conn.close()

    def stop(self) -> None:
        """Ask to exit, then make sure it has."""
        try:
            self.conn.send(None)
            self.proc.wait(2)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self.kill()


# Parallelism comes from workers, one article each. BLAS thread pools inside a worker
# (natasha's many small matrix products) only contend for the same cores: on 3,000 short
# Russian paragraphs OpenBLAS's default of a thread per core was ~8x slower (README,
# Reliability). The user's own settings win.
BLAS_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def worker_env(unset: tuple[str, ...] = ()) -> dict[str, str]:
    """The environment of a worker: ours without `unset`, with single-threaded BLAS unless the user chose otherwise."""
    env = {k: v for k, v in os.environ.items() if k not in unset}
    for var in BLAS_THREAD_VARS:
        env.setdefault(var, "1")
    return env


def _pool_key(options: Options, components: list[str] | None, unset: tuple[str, ...] = ()) -> str:
    """What a worker depends on: options except the budget (enforced here), components, hook, environment."""
    return json.dumps([options.model_dump(exclude={"analysis"}), components, os.environ.get(SETUP_ENV), sorted(unset)],
                      sort_keys=True, default=str)


# Idle, healthy workers left by finished batches, newest last: a later batch in the same
# process (the web upload queue, the next test) reuses them instead of reloading models.
_parked: list[_Worker] = []


def _take_parked(key: str) -> _Worker | None:
    for w in reversed(_parked):
        if w.key == key:
            _parked.remove(w)
            if w.alive():
                return w
            w.kill()
    return None


def _park(w: _Worker) -> None:
    _parked.append(w)
    while len(_parked) > PARKED_MAX:
        _parked.pop(0).stop()


@atexit.register
def _stop_parked() -> None:
    while _parked:
        _parked.pop().stop()


def _has_fileno(stream: Any) -> bool:
    try:
        stream.fileno()
        return True
    except (AttributeError, OSError, ValueError):
        return False


def read_ahead(jobs: int) -> int:
    """Items `Supervisor.run` holds at most, from the oldest not yet yielded: enough that no
    worker waits for the next article (simulated with real article lengths: window 6 gives 1.99
    of 2 workers' ideal), and the same whatever the batch size."""
    return 2 * max(1, jobs) + 2


class Supervisor:
    """`jobs` workers under the budget in `options.analysis`; use as a context manager."""

    def __init__(self, options: Options, components: list[str] | None, *, jobs: int = 1,
                 sealed: bool = False, unset: tuple[str, ...] = ()) -> None:
        self.options = options
        self.components = components
        self.jobs = max(1, jobs)
        self.sealed = sealed  # articles come back as their pickled bytes (see open_sealed)
        self.unset = unset  # variables of ours the workers must not inherit
        self.limits = options.analysis
        self.workers: list[_Worker] = []
        self.restarts = 0
        self.failed_starts = 0

    def __enter__(self) -> Supervisor:
        return self

    def __exit__(self, *exc: object) -> None:
        for w in self.workers:
            if w.ready and w.job is None and w.alive():
                _park(w)
            else:
                w.stop()
        self.workers = []

    def _spawn(self) -> _Worker:
        w = (_take_parked(_pool_key(self.options, self.components, self.unset))
             or _Worker(self.options, self.components, self.unset))
        self.workers.append(w)
        return w

    def run(self, items: Iterable[T | Article]) -> Iterator[T | Item | bytes]:
        """Results for the Articles in `items`, in input order; other items (error items, skip
        markers) pass through in place. With `sealed`, an analysed Article comes as its bytes."""
        source = iter(items)
        window = read_ahead(self.jobs)
        pending: deque[int] = deque()  # sequence numbers not yet yielded, in order
        done: dict[int, Any] = {}
        queue: deque[tuple[int, Article]] = deque()
        seq = 0
        exhausted = False
        while True:
            # Read ahead, bounded; errors are finished on arrival.
            while not exhausted and len(pending) < window:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending.append(seq)
                if not isinstance(item, Article):
                    done[seq] = item
                else:
                    queue.append((seq, item))
                seq += 1
            while pending and pending[0] in done:
                yield done.pop(pending.popleft())
            if exhausted and not pending:
                return
            self._dispatch(queue)
            self._collect(done)

    def _dispatch(self, queue: deque[tuple[int, Article]]) -> None:
        while queue and len(self.workers) < self.jobs:
            if len([w for w in self.workers if w.job is None]) >= len(queue):
                break
            self._spawn()
        for w in self.workers:
            if not queue:
                return
            if w.job is None and w.ready:
                seq, art = queue.popleft()
                try:
                    w.conn.send(art)
                except (OSError, ValueError):
                    queue.appendleft((seq, art))
                    continue  # a dead idle worker is noticed and replaced in _collect
                w.job = _Job(seq, art, time.monotonic())

    def _collect(self, done: dict[int, Any]) -> None:
        """Wait briefly for answers, then enforce deadlines and memory limits."""
        if not self.workers:
            return
        # A dead worker's answer pipe reads EOF, so waiting on the pipes also notices deaths.
        ready = set(wait([w.conn.incoming for w in self.workers], timeout=POLL_SECONDS))
        for w in list(self.workers):
            if w.conn.incoming in ready or not w.alive():
                self._answer(w, done)
        now = time.monotonic()
        for w in list(self.workers):
            job = w.job
            if not w.ready and now - w.born > STARTUP_SECONDS:
                self.failed_starts += 1
                self._replace(w, done, None)
                continue
            if job is None:
                continue
            if now - job.started > self.limits.max_seconds:
                self._replace(w, done, budget.over_time(job.article, self.limits.max_seconds))
                continue
            rss = budget.rss_mb(w.pid)
            if rss is not None and rss > self.limits.max_rss_mb:
                self._replace(w, done, budget.over_memory(job.article, self.limits.max_rss_mb))

    def _answer(self, w: _Worker, done: dict[int, Any]) -> None:
        eof = False
        try:
            while w.conn.poll():
                message = w.conn.recv()
                if message[0] == "ready":
                    w.ready = True
                    self.failed_starts = 0
                elif message[0] == "fatal":
                    code, fields = message[1]
                    raise RashomonError(code, **fields)
                elif w.job is not None:
                    result = _unpack(message, self.sealed)
                    # Over budget is E041 whether the deadline check or the answer comes first:
                    # the outcome must not depend on the poll interval.
                    if message[0] == "article" and time.monotonic() - w.job.started > self.limits.max_seconds:
                        result = budget.over_time(w.job.article, self.limits.max_seconds)
                    done[w.job.seq] = result
                    w.job = None
                    w.served += 1
        except (EOFError, OSError):
            eof = True
        if eof or not w.alive():
            job = w.job
            if not w.ready:
                self.failed_starts += 1
                if self.failed_starts >= MAX_FAILED_STARTS:
                    raise RashomonError("E043", detail=f"{MAX_FAILED_STARTS} workers in a row failed to start",
                                        path="<pipeline>")
            self._replace(w, done, budget.worker_died(job.article, w.exitcode()) if job else None)
        elif w.job is None and w.ready:
            rss = budget.rss_mb(w.pid)
            if rss is not None and rss > self.limits.max_rss_mb:
                self._replace(w, done, None)  # grew between articles: recycle without blaming one
            elif w.served >= self.limits.worker_articles:
                self._retire(w)

    def _retire(self, w: _Worker) -> None:
        """Replace a healthy worker that has served its articles (memory stays flat)."""
        self.workers.remove(w)
        w.stop()

    def _replace(self, w: _Worker, done: dict[int, Any], error: RashomonError | None) -> None:
        if w.job is not None and error is not None:
            done[w.job.seq] = error
        w.job = None
        w.kill()
        self.workers.remove(w)
        self.restarts += 1


if __name__ == "__main__":
    main()
