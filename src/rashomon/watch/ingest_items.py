"""The one door from `rashomon watch` into analysis and the store.

Everything the watcher stores goes through `store_items`, so when the batch driver changes
only this function follows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from ..errors import RashomonError
from ..model import Article
from ..settings import Options

if TYPE_CHECKING:
    from ..api import Analyzer
    from ..store import Store

OnItem = Callable[[str, "Article | RashomonError | str"], None]  # (source, stored article, error or "skipped")


def store_items(store: Store, articles: Iterable[Article], options: Options, *, jobs: int = 1,
                analyzer: Analyzer | None = None, on_item: OnItem | None = None) -> None:
    """Analyse articles (in `jobs` worker processes, or in this process with `analyzer`) and store
    each in its own transaction as it is done; `on_item` hears of each after its commit."""
    from ..api import Analyzer

    # An Analyzer of our own only configures the workers: with jobs=N it loads no model here.
    driver, in_process = (analyzer, True) if analyzer is not None else (Analyzer(options), False)
    store.add_many(driver.pipe(articles, jobs=None if in_process else jobs, exclude=store.known_hashes),
                   on_item=on_item)
