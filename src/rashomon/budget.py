"""The per-article budget: errors for an article over time, over memory, or failing inside.

Used by the supervised workers (`supervisor`) and by in-process analysis with an
Analyzer of your own. In-process, the time limit is a SIGALRM timer: it interrupts Python
code but not a loop inside a C extension, and memory once grown cannot be given back, so
only worker processes are a hard guarantee; the CLI always uses them.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterable, Iterator, TypeVar

from .errors import RashomonError
from .model import Article
from .settings import AnalysisOptions

if TYPE_CHECKING:
    from .api import Analyzer

T = TypeVar("T")


class OverTime(BaseException):
    """Raised by the in-process timer; a BaseException so no `except Exception` swallows it."""


def rss_mb(pid: int | None = None) -> float | None:
    """Resident set size of a process in MB (Linux /proc), or None when unknown."""
    try:
        with open(f"/proc/{pid or 'self'}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def where(article: Article) -> str:
    """How errors name an article: its file (or file:line), else its id."""
    return article.source or article.id


def over_time(article: Article, seconds: float) -> RashomonError:
    """E041 for `article`."""
    return RashomonError("E041", seconds=_num(seconds), path=where(article))


def over_memory(article: Article, mb: int) -> RashomonError:
    """E042 for `article`."""
    return RashomonError("E042", mb=mb, path=where(article))


def worker_died(article: Article, exitcode: int | None) -> RashomonError:
    """E043 for `article`, naming the signal or exit status."""
    if exitcode is not None and exitcode < 0:
        try:
            detail = f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            detail = f"killed by signal {-exitcode}"
    else:
        detail = f"exit status {exitcode}"
    return RashomonError("E043", detail=detail, path=where(article))


def internal_error(article: Article, exc: BaseException) -> RashomonError:
    """E044 for `article`: the exception type and first line, never a traceback."""
    first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    detail = type(exc).__name__ + (f": {first}" if first else "")
    return RashomonError("E044", detail=detail, path=where(article))


def analyze_one(analyzer: Analyzer, article: Article) -> Article | RashomonError:
    """Analyse one article; a coded error stays itself, anything else becomes E044."""
    try:
        return analyzer.analyze(article)
    except RashomonError as err:
        return err
    except (MemoryError, RecursionError, Exception) as exc:  # noqa: BLE001 - one article must not end the batch
        return internal_error(article, exc)


@contextmanager
def deadline(seconds: float) -> Iterator[bool]:
    """Raise OverTime after `seconds` (main thread on Unix only); yields whether a timer is armed."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield False
        return

    def _ring(signum: int, frame: object) -> None:
        raise OverTime()

    previous = signal.signal(signal.SIGALRM, _ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyze_in_process(items: Iterable[T | Article], analyzer: Analyzer,
                       limits: AnalysisOptions) -> Iterator[T | Article | RashomonError]:
    """Analyse the Articles in this process with `analyzer`, under a best-effort budget (see
    module doc); other items (error items, skip markers) pass through in place."""
    for item in items:
        if not isinstance(item, Article):
            yield item
            continue
        # Built before the first article's timer starts; a pipeline that cannot be built
        # raises here, once, instead of failing every article.
        analyzer.load()
        try:
            with deadline(limits.max_seconds):
                result = analyze_one(analyzer, item)
        except OverTime:
            result = over_time(item, limits.max_seconds)
        rss = rss_mb()
        if rss is not None and rss > limits.max_rss_mb and isinstance(result, Article):
            result = over_memory(item, limits.max_rss_mb)
        yield result


def _num(seconds: float) -> str:
    return f"{seconds:g}"
