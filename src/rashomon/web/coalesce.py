"""Expensive answers computed once: identical concurrent requests share one computation, a
semaphore bounds how many run at once, and corpus-wide answers are cached per corpus version.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from concurrent.futures import Future
from typing import Any, Callable, Hashable, TypeVar

from ..store import Store
from ..store.version import corpus_version

T = TypeVar("T")


class Coalescer:
    """Runs `fn` once per key among concurrent callers; at most `limit` computations at a time."""

    def __init__(self, limit: int) -> None:
        self._slots = threading.BoundedSemaphore(limit)
        self._lock = threading.Lock()
        self._running: dict[Hashable, Future[Any]] = {}

    def run(self, key: Hashable, fn: Callable[[], T]) -> T:
        """fn()'s result; callers arriving while it runs wait for the same result (or error)."""
        with self._lock:
            future = self._running.get(key)
            owner = future is None
            if owner:
                future = self._running[key] = Future()
        assert future is not None
        if not owner:
            return future.result()
        try:
            with self._slots:
                result = fn()
        except BaseException as exc:
            future.set_exception(exc)
            raise
        else:
            future.set_result(result)
            return result
        finally:
            with self._lock:
                del self._running[key]


class LruCache:
    """A small thread-safe least-recently-used map."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._items: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable) -> Any:
        """The value, or None."""
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: Hashable, value: Any) -> None:
        """Remember a value, dropping the oldest beyond `size`."""
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class VersionedCache:
    """Corpus-wide answers (overview, facets, lists) kept until the corpus version changes.

    The version is read before computing, so a write landing during the computation only
    makes the cached answer newer than its key: the next request sees a new version and
    recomputes. The cost of a request is one indexed read while nothing changes.
    """

    def __init__(self, store: Store, coalescer: Coalescer, size: int = 64) -> None:
        self.store = store
        self.coalescer = coalescer
        self._cache = LruCache(size)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached answer for `key` at the current corpus version, computing it once if needed."""
        with self.store.read() as conn:
            version = corpus_version(conn)
        hit = self._cache.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        value = self.coalescer.run((key, version), compute)
        self._cache.put(key, (version, value))
        return value
