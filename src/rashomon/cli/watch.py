"""`rashomon watch FEEDS.toml`: poll RSS/Atom feeds into the store until stopped."""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer

from ..errors import RashomonError
from .flags import AllowPrivate, Config, Jobs
from .store import DbOption

FeedsFile = typer.Argument(..., metavar="FEEDS.toml",
                           help="TOML file listing the feeds: a feed table each, with url, name, interval, language.")
Cycles = typer.Option(None, "--cycles", min=1,
                      help="Stop after N polling cycles (default: run until SIGTERM or Ctrl-C).")


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM and SIGINT ask the watcher to stop between articles instead of killing it."""
    previous = {}

    def _handler(signum: int, frame: object) -> None:
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        previous[sig] = signal.signal(sig, _handler)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _log(line: str) -> None:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    typer.echo(f"{stamp} watch {line}", err=True)


def watch(
    feeds: Path = FeedsFile,
    db: Optional[str] = DbOption,
    cycles: Optional[int] = Cycles,
    jobs: int = Jobs,
    config: Optional[Path] = Config,
    allow_private: bool = AllowPrivate,
) -> None:
    """Poll feeds (conditional GET), fetch new items, skip duplicates, analyse and store them."""
    from ..store import Store
    from ..watch import Watcher, read_feeds
    from . import fail, options

    stop = threading.Event()
    try:
        opts = options(config, allow_private=allow_private)
        feed_list = read_feeds(feeds, opts.watch)
        store = Store(db)
        with _stop_on_signals(stop):
            watcher = Watcher(store, feed_list, opts, jobs=jobs, stop=stop, log=_log)
            done = watcher.run(cycles)
    except RashomonError as err:
        fail(err)
    why = "stopped" if stop.is_set() else "done"
    typer.echo(f"watch {why} after {done} cycle(s) → {store.describe()}", err=True)
    store.close()
