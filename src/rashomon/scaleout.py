"""Analysis on a Dask cluster: `--scheduler tcp://HOST:8786` or `--scheduler local:N`.

Each Dask worker holds one supervised analysis process (`supervisor.Supervisor`, jobs=1),
started by a worker plugin and kept for the worker's life, so models load once per worker and
the per-article budget (E041/E042/E043) holds on the cluster as it does locally. The driver
submits a bounded window of articles ahead of the oldest unfinished one and yields results in
input order, so it never holds the corpus. A worker lost mid-run loses no article: the
scheduler reruns its tasks elsewhere; an article that has killed several workers comes back as
E043. Results are yielded once per input, and the store skips texts it already has, so a rerun
after a lost driver adds nothing twice.

This module imports Dask; nothing else in the package imports it until `--scheduler` is used.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any, Iterable, Iterator, TypeVar

import dask
import dask.utils
from distributed import Client, LocalCluster, WorkerPlugin, get_worker
from distributed.client import FutureCancelledError
from distributed.scheduler import DEFAULT_EXTENSIONS, KilledWorker
from distributed.spans import SpansSchedulerExtension

from . import budget
from .errors import RashomonError
from .model import Article

if TYPE_CHECKING:
    from .settings import Options

T = TypeVar("T")
PLUGIN = "rashomon-analysis"
LOCAL = "local:"
WINDOW_PER_WORKER = 4  # articles in flight per worker: enough to keep each busy, little held
# Results between two returns of the driver's free heap memory. Results arrive as pickled
# bytes of very different sizes (a few KB to ~2 MB), read on Dask's comm thread; glibc kept
# what they freed in its heaps, so the driver's RSS crept up ~2 MB over the first 5,000
# articles with no Python object behind it (tracemalloc flat; malloc_trim gave it back).
TRIM_EVERY = 50


def parse_scheduler(spec: str) -> tuple[str, Any]:
    """('local', N) for `local:N`, ('address', spec) for a scheduler address; E150 otherwise."""
    spec = spec.strip()
    if spec.startswith(LOCAL):
        count = spec[len(LOCAL):]
        if count.isdigit() and int(count) >= 1:
            return "local", int(count)
        raise RashomonError("E150", spec=spec, detail="local:N needs a worker count N ≥ 1")
    if "://" in spec or (":" in spec and spec.rsplit(":", 1)[1].isdigit()):
        return "address", spec
    raise RashomonError("E150", spec=spec, detail="expected tcp://HOST:PORT or local:N")


class AnalysisPlugin(WorkerPlugin):
    """Worker plugin: one supervised analysis process per Dask worker, for the worker's life."""

    name = PLUGIN

    def __init__(self, options: Options, components: list[str] | None = None) -> None:
        self.options = options
        self.components = components
        self.supervisor: Any = None
        self.lock = threading.Lock()  # a worker with several threads still runs one analysis at a time

    def setup(self, worker: Any = None) -> None:
        """Start the analysis process; models load there once."""
        from .supervisor import Supervisor

        self.lock = threading.Lock()
        # Sealed: the analysed article stays the bytes its process pickled; this worker hands
        # them to Dask as they are and only the driver unpickles (once, not three times).
        self.supervisor = Supervisor(self.options, self.components, jobs=1, sealed=True, unset=_dask_only_environ())

    def teardown(self, worker: Any = None) -> None:
        """Stop the analysis process with the worker."""
        if self.supervisor is not None:
            for w in list(self.supervisor.workers):
                w.stop()
            self.supervisor.workers = []

    def analyze(self, article: Article) -> bytes | RashomonError:
        """One article through this worker's analysis process (the result sealed: see `_opened`)."""
        with self.lock:
            return next(iter(self.supervisor.run([article])))

    def __getstate__(self) -> dict[str, Any]:
        return {"options": self.options, "components": self.components}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["options"], state["components"])  # type: ignore[misc]


def _dask_only_environ() -> tuple[str, ...]:
    """Variables Dask's nanny set for its worker process only (`distributed.nanny.pre-spawn-environ`).

    MALLOC_TRIM_THRESHOLD_=65536 is one: inherited by the analysis process, it made glibc hand
    memory back and fault it in again all through each article (37,800 page faults per article
    against 6,300, and a fifth more CPU than the same analysis under `--jobs`). The process
    returns memory after each article itself (`supervisor._release_memory`). Thread counts
    are not dropped: one BLAS thread per process is what `supervisor.worker_env` sets anyway.
    """
    spawn = dask.config.get("distributed.nanny.pre-spawn-environ", {}) or {}
    return tuple(k for k, v in spawn.items()
                 if k.startswith("MALLOC_") and os.environ.get(k) == str(v))


def _analyze_task(article: Article) -> bytes | RashomonError:
    """The task each article runs as, on whichever worker the scheduler picks."""
    return get_worker().plugins[PLUGIN].analyze(article)


def _opened(result: bytes | RashomonError) -> Article | RashomonError:
    """A task's result as an item: sealed article bytes unpickled, an error as it is."""
    if isinstance(result, bytes):
        from .supervisor import open_sealed

        return open_sealed(result)
    return result


# What Dask keeps for its developers, in the driver's client (and a local scheduler): the last
# `low-level-log-length` (1,000) batches sent on each stream, every submitted task with its
# article among them. The driver held ~1,100 input articles after 2,000 (a gc census) and its
# RSS rose with the batch until every log was full; 16 keeps a short log.
DRIVER_DASK = {"distributed.admin.low-level-log-length": 16}

# Dask's own upkeep, turned down for the LocalCluster of `local:N`. Measured with 2 workers
# each running a task that waits (as ours wait on their analysis process): 13% of a core
# went to Dask (driver 4.6%, workers 8.4%), 1.6% with these. Most of it was the 20 ms
# event-loop tick in every server (without the 1 s tick here: 8.6%); then the workers'
# statistical profiler (a stack sample every 10 ms, for the dashboard), the 100 ms memory
# monitor, the 0.5 s system monitor and work stealing (the scheduler queues our root tasks
# and hands each to the next free worker, so there is nothing to steal). On two cores that
# share was taken from the analysis. None of it changes which task runs where or its result.
QUIET_DASK = {
    **DRIVER_DASK,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    # Each server's samples for the dashboard (7,200 by default; the scheduler and the nannies
    # run in the driver): 5 minutes of them, so the driver does not grow with the run's length.
    "distributed.admin.system-monitor.log-length": 60,
    "distributed.scheduler.work-stealing": False,
}


class LocalSpans(SpansSchedulerExtension):
    """Dask's spans extension for the scheduler of `local:N`, keeping nothing per submission.

    That scheduler runs in the driver process, so whatever it keeps per task is driver memory
    that grows with the batch. Two things did (~0.5 MB per 1,000 articles, traced with
    tracemalloc): every `client.submit` appended its description `{"type": "Future"}` to the
    default span's metadata, kept for the scheduler's life (dashboard information; dropped
    here), and `dask.utils.key_split` caches the prefix of every task key it has seen, up to
    100,000 keys (~30 MB), while our keys are all distinct. The cache is emptied every
    KEY_CACHE_SUBMISSIONS submissions: it only saves re-splitting a key. Where tasks run, and
    their results, do not change.
    """

    KEY_CACHE_SUBMISSIONS = 500

    def __init__(self, scheduler: Any) -> None:
        super().__init__(scheduler)
        self.submissions = 0

    def observe_tasks(self, tss: Any, code: Any, span_metadata: Any) -> dict:
        """Dask's own bookkeeping, without the submission's metadata."""
        self.submissions += 1
        if self.submissions % self.KEY_CACHE_SUBMISSIONS == 0:
            dask.utils.key_split.cache_clear()
        return super().observe_tasks(tss, code, span_metadata={})


def _local_extensions() -> dict[str, Any]:
    """The scheduler extensions Dask would use under the current config, with LocalSpans."""
    extensions = dict(DEFAULT_EXTENSIONS)
    if not dask.config.get("distributed.scheduler.work-stealing"):
        extensions.pop("stealing", None)  # as Scheduler does when it picks the defaults itself
    extensions["spans"] = LocalSpans
    return extensions


@contextmanager
def connect(spec: str, options: Options, components: list[str] | None = None, *,
            timeout: str = "20s") -> Iterator[Any]:
    """A Dask client with the analysis plugin on every worker (E151 when it cannot connect)."""
    kind, value = parse_scheduler(spec)
    with dask.config.set(QUIET_DASK if kind == "local" else DRIVER_DASK):
        cluster = None
        try:
            if kind == "local":
                # One thread per worker: a worker runs one analysis at a time anyway (its plugin's
                # process); parallelism is the number of workers. No dashboard (its plugins
                # record every task); the scheduler's small HTTP server takes any free port.
                cluster = LocalCluster(n_workers=value, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=40,
                                       scheduler_kwargs={"dashboard": False, "extensions": _local_extensions()})
                client = Client(cluster)
            else:
                client = Client(value, timeout=timeout)
        except (OSError, TimeoutError) as err:
            if cluster is not None:
                cluster.close()
            raise RashomonError("E151", spec=spec,
                                detail=str(err).splitlines()[0] if str(err) else type(err).__name__) from err
        try:
            client.register_plugin(AnalysisPlugin(options, components), name=PLUGIN)
            yield client
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


class _Capacity:
    """Tasks to keep in flight: WINDOW_PER_WORKER per worker. The worker count is asked of the
    scheduler every REFRESH_SECONDS, not before every submit: each question is a round trip
    that returns every worker's metrics (it was the driver's main cost per article)."""

    REFRESH_SECONDS = 5.0

    def __init__(self, client: Any) -> None:
        self.client = client
        self.asked = -self.REFRESH_SECONDS
        self.value = WINDOW_PER_WORKER

    def __call__(self) -> int:
        now = time.monotonic()
        if now - self.asked >= self.REFRESH_SECONDS:
            self.asked = now
            self.value = WINDOW_PER_WORKER * _worker_count(self.client)
        return self.value


def _worker_count(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def analyze_on_cluster(items: Iterable[T | Article], client: Any) -> Iterator[T | Article | RashomonError]:
    """Results for the Articles in `items`, in input order; other items pass through in place.

    A bounded window of tasks is in flight (WINDOW_PER_WORKER per worker); each result is
    released on the cluster before it is yielded, and free heap memory is returned every
    TRIM_EVERY results, so nothing grows with the batch.
    """
    from .supervisor import return_free_memory

    source = iter(items)
    pending: deque[tuple[Any, Any]] = deque()  # (item, its future or None), input order
    capacity = _Capacity(client)
    served = 0
    while True:
        room = capacity() - len(pending)
        for item in islice(source, max(0, room)):
            # pure=False: two articles with equal fields are still two tasks.
            future = client.submit(_analyze_task, item, pure=False) if isinstance(item, Article) else None
            pending.append((item, future))
        if not pending:
            return
        item, future = pending.popleft()
        if future is None:
            yield item
            continue
        try:
            result = _opened(future.result())
        except KilledWorker:  # it took down every worker it was tried on
            result = RashomonError("E043", detail="Dask workers died running it", path=budget.where(item))
        except FutureCancelledError:
            result = budget.internal_error(item, RuntimeError("the cluster cancelled the task"))
        except RashomonError as err:  # the pipeline cannot be built on the workers
            raise err
        except Exception as exc:  # noqa: BLE001 - one article must not end the batch
            result = budget.internal_error(item, exc)
        finally:
            future.release()  # before the consumer gets the result: the cluster holds nothing of it
        served += 1
        if served % TRIM_EVERY == 0:
            return_free_memory()
        yield result


def map_ordered(client: Any, fn: Any, jobs: Iterable[tuple]) -> Iterator[Any]:
    """`fn(*job)` on the cluster for every job, results in job order, a bounded window in flight.

    Unlike per-article analysis, a failing job raises: it is a bug, not a bad input.
    """
    source = iter(jobs)
    pending: deque[Any] = deque()
    capacity = _Capacity(client)
    while True:
        room = capacity() - len(pending)
        pending.extend(client.submit(fn, *job, pure=False) for job in islice(source, max(0, room)))
        if not pending:
            return
        future = pending.popleft()
        try:
            yield future.result()
        finally:
            future.release()
