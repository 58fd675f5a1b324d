"""The one batch driver: analyse a stream of articles under a per-article budget.

`analyze_stream` is what `analyze`, `compare`, `entities` and `ingest` go through. Articles
are analysed in supervised worker processes (see `supervisor`), one article in flight per
worker, so an article that hangs in C code, grows without bound or crashes the interpreter
costs only its own result (E041, E042, E043) and the batch goes on. With an `analyzer`
given, analysis stays in this process (the Python API and tests), with a best-effort
budget: see `inprocess`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .errors import RashomonError
from .ingest import expand_sources, read_sources
from .model import Article
from .settings import Options

if TYPE_CHECKING:
    from .api import Analyzer

Item = Article | RashomonError


def analyze_stream(
    items: Iterable[Article | RashomonError],
    options: Options,
    *,
    jobs: int = 1,
    components: list[str] | None = None,
    analyzer: Analyzer | None = None,
) -> Iterator[Article | RashomonError]:
    """Analyse the Articles lazily, in input order; errors pass through; never raises for one article.

    Without `analyzer`, `jobs` worker processes (at least one) do the work under the budget
    `options.analysis`; with one, it runs in this process. A pipeline that cannot be built at
    all (unknown component, broken model) raises its RashomonError: that is not per article.
    """
    checked = _unique_ids(items)
    if analyzer is not None:
        from .budget import analyze_in_process

        yield from analyze_in_process(checked, analyzer, options.analysis)
        return
    from .supervisor import Supervisor

    with Supervisor(options, components, jobs=max(1, jobs)) as sup:
        yield from sup.run(checked)


def _unique_ids(items: Iterable[Item]) -> Iterator[Item]:
    """E015 for the second article reusing an id with a different text (same text passes)."""
    from .ingest.ids import content_hash

    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            digest = content_hash(item.text)
            first = seen.setdefault(item.id, digest)
            if first != digest:
                yield RashomonError("E015", id=item.id, path=item.source or item.id)
                continue
        yield item


def run_batch(
    inputs: list[str],
    options: Options,
    *,
    jobs: int = 1,
    components: list[str] | None = None,
    analyzer: Analyzer | None = None,
) -> Iterator[Item]:
    """Read every input (directories expanded) and analyse it, yielding results in input order."""
    return analyze_stream(read_sources(inputs, options.ingest), options, jobs=jobs,
                          components=components, analyzer=analyzer)


def count_sources(inputs: list[str]) -> int:
    """How many sources the inputs expand to (for progress bars)."""
    return sum(1 for _ in expand_sources(inputs))


def each(items: Iterator[Item], callback: Callable[[Item], None] | None) -> Iterator[Item]:
    """Pass items through, calling `callback` on each first (progress, error printing)."""
    for item in items:
        if callback is not None:
            callback(item)
        yield item
