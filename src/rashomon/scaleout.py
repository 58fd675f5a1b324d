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

import threading
from collections import deque
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any, Iterable, Iterator, TypeVar

from distributed import Client, LocalCluster, WorkerPlugin, get_worker
from distributed.client import FutureCancelledError
from distributed.scheduler import KilledWorker

from . import budget
from .errors import RashomonError
from .model import Article

if TYPE_CHECKING:
    from .settings import Options

T = TypeVar("T")
PLUGIN = "rashomon-analysis"
LOCAL = "local:"
WINDOW_PER_WORKER = 4  # articles in flight per worker: enough to keep each busy, little held


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
        self.supervisor = Supervisor(self.options, self.components, jobs=1)

    def teardown(self, worker: Any = None) -> None:
        """Stop the analysis process with the worker."""
        if self.supervisor is not None:
            for w in list(self.supervisor.workers):
                w.stop()
            self.supervisor.workers = []

    def analyze(self, article: Article) -> Article | RashomonError:
        """One article through this worker's analysis process."""
        with self.lock:
            return next(iter(self.supervisor.run([article])))

    def __getstate__(self) -> dict[str, Any]:
        return {"options": self.options, "components": self.components}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["options"], state["components"])  # type: ignore[misc]


def _analyze_task(article: Article) -> Article | RashomonError:
    """The task each article runs as, on whichever worker the scheduler picks."""
    return get_worker().plugins[PLUGIN].analyze(article)


@contextmanager
def connect(spec: str, options: Options, components: list[str] | None = None, *,
            timeout: str = "20s") -> Iterator[Any]:
    """A Dask client with the analysis plugin on every worker (E151 when it cannot connect)."""
    kind, value = parse_scheduler(spec)
    cluster = None
    try:
        if kind == "local":
            # One thread per worker: a worker runs one analysis at a time anyway (its plugin's
            # process); parallelism is the number of workers.
            cluster = LocalCluster(n_workers=value, threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=40)
            client = Client(cluster)
        else:
            client = Client(value, timeout=timeout)
    except (OSError, TimeoutError) as err:
        if cluster is not None:
            cluster.close()
        raise RashomonError("E151", spec=spec, detail=str(err).splitlines()[0] if str(err) else type(err).__name__) from err
    try:
        client.register_plugin(AnalysisPlugin(options, components), name=PLUGIN)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _worker_count(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def analyze_on_cluster(items: Iterable[T | Article], client: Any) -> Iterator[T | Article | RashomonError]:
    """Results for the Articles in `items`, in input order; other items pass through in place.

    A bounded window of tasks is in flight; each result is released as soon as it is yielded.
    """
    source = iter(items)
    pending: deque[tuple[Any, Any]] = deque()  # (item, its future or None), input order
    while True:
        room = WINDOW_PER_WORKER * _worker_count(client) - len(pending)
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
            yield future.result()
        except KilledWorker:  # it took down every worker it was tried on
            yield RashomonError("E043", detail="Dask workers died running it", path=budget.where(item))
        except FutureCancelledError:
            yield budget.internal_error(item, RuntimeError("the cluster cancelled the task"))
        except RashomonError as err:  # the pipeline cannot be built on the workers
            raise err
        except Exception as exc:  # noqa: BLE001 - one article must not end the batch
            yield budget.internal_error(item, exc)
        finally:
            future.release()


def map_ordered(client: Any, fn: Any, jobs: Iterable[tuple]) -> Iterator[Any]:
    """`fn(*job)` on the cluster for every job, results in job order, a bounded window in flight.

    Unlike per-article analysis, a failing job raises: it is a bug, not a bad input.
    """
    source = iter(jobs)
    pending: deque[Any] = deque()
    while True:
        room = WINDOW_PER_WORKER * _worker_count(client) - len(pending)
        pending.extend(client.submit(fn, *job, pure=False) for job in islice(source, max(0, room)))
        if not pending:
            return
        future = pending.popleft()
        try:
            yield future.result()
        finally:
            future.release()
