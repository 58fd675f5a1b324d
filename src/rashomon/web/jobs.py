"""Uploads are analysed off the request path: a bounded queue, one worker thread, job status.

POST /api/articles only reads and validates the text, then queues it and answers 202 with a
status URL; a full queue is E084. The worker thread analyses through `Analyzer.pipe`, under
the same per-article budget as the CLI (`analysis.max_seconds`, `analysis.max_rss_mb`): in a
supervised worker process that is killed and replaced when over budget (what `rashomon serve`
does; the idle worker stays parked with its models between uploads), or, when the app was
given an Analyzer of its own, in this process, where only the memory limit is checked: a
thread cannot be interrupted on time. Requests never wait for an analysis, and the served
process never loads a model.
"""

from __future__ import annotations

import queue
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import RashomonError
from ..model import Article
from ..settings import Options
from ..store import Store, refresh_clusters

KEEP_FINISHED = 1000  # finished jobs remembered for their status URL


@dataclass
class Job:
    """One upload: queued, running, done (with the article id) or error (with its code)."""

    id: str
    source: str
    created: float = field(default_factory=time.time)
    status: str = "queued"
    article_id: str | None = None
    added: bool | None = None
    error: dict[str, str] | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON form for /api/jobs/{id}."""
        out: dict[str, Any] = {"id": self.id, "status": self.status}
        if self.status == "done":
            out |= {"article_id": self.article_id, "added": self.added}
        if self.error:
            out["error"] = self.error
        return out


Analyse = Callable[[Article], "Article | RashomonError"]


class UploadQueue:
    """A bounded queue of articles to analyse and store, worked by one daemon thread."""

    def __init__(self, store: Store, options: Options, *, size: int = 8, analyzer: Any = None) -> None:
        self.store = store
        self.options = options
        self.size = size
        self._analyzer = analyzer
        self._queue: queue.Queue[tuple[Job, Article] | None] = queue.Queue(maxsize=size)
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._dirty = False  # stored something since clusters were last rebuilt

    def submit(self, art: Article) -> Job:
        """Queue an article; raises E084 when the queue is full."""
        job = Job(uuid.uuid4().hex, art.source)
        with self._lock:
            try:
                self._queue.put_nowait((job, art))
            except queue.Full:
                raise RashomonError("E084", size=self.size) from None
            self._jobs[job.id] = job
            self._forget_old()
            if self._thread is None:
                # Started on first use: an app that only reads never starts a thread.
                self._thread = threading.Thread(target=self._work, name="rashomon-uploads", daemon=True)
                self._thread.start()
        return job

    def get(self, job_id: str) -> Job | None:
        """A job by id, while it is remembered."""
        with self._lock:
            return self._jobs.get(job_id)

    def close(self) -> None:
        """Stop the worker thread (and its analysis process) after the current job."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            try:
                self._queue.put(None, timeout=5)
            except queue.Full:
                return  # a daemon thread; its worker process sees the pipe close when we exit
            thread.join(timeout=30)

    def _forget_old(self) -> None:
        finished = [k for k, j in self._jobs.items() if j.status in ("done", "error")]
        for key in finished[: max(0, len(finished) - KEEP_FINISHED)]:
            del self._jobs[key]

    def _work(self) -> None:
        while True:
            entry = self._queue.get()
            if entry is None:
                return
            job, art = entry
            job.status = "running"
            self._finish(job, self._analyse(art))
            if self._dirty and self._queue.empty():
                # Clusters span the corpus: rebuild once the burst of uploads is done.
                self._refresh()

    def _analyse(self, art: Article) -> Article | RashomonError:
        """One article under the per-article budget; never raises for the article."""
        from ..api import Analyzer
        from ..budget import internal_error

        try:
            if self._analyzer is not None:
                (result,) = self._analyzer.pipe([art])
            else:
                # One worker process; when the article is done it is parked, models loaded,
                # and the next upload takes it again.
                (result,) = Analyzer(self.options).pipe([art], jobs=1)
            return result
        except RashomonError as err:
            return err
        except Exception as exc:  # noqa: BLE001 - the thread must survive any one upload
            return internal_error(art, exc)

    def _finish(self, job: Job, result: Article | RashomonError) -> None:
        if isinstance(result, Article):
            try:
                job.added = self.store.add(result)
                self._dirty = self._dirty or job.added
                job.article_id = result.id
                job.status = "done"
                return
            except RashomonError as err:
                result = err
        job.error = {"code": result.code, "message": str(result)}
        job.status = "error"

    def _refresh(self) -> None:
        self._dirty = False
        try:
            from ..store.stories import refresh_stories

            refresh_clusters(self.store)
            refresh_stories(self.store)
        except RashomonError:
            pass  # the next batch or upload rebuilds them; the articles are stored
