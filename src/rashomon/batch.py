"""The one batch driver behind `Analyzer.pipe`: read inputs, skip what the caller has, analyse.

Every batch (`analyze`, `compare`, `entities`, `ingest`, web uploads, the Python API) comes
through `pipe`. It is the only place that reads inputs, it gives E015 to a second article
reusing an id for another text, and it analyses under the per-article budget: in supervised
worker processes (`jobs=N`, see `supervisor`), where an article that hangs in C code, grows
without bound or crashes the interpreter costs only its own result (E041, E042, E043), or in
this process (`jobs=None`) with a best-effort budget (see `budget`). Results come back lazily
and in input order, and no input ever holds the whole batch in memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .errors import RashomonError
from .ingest import expand_sources, read_sources
from .ingest.ids import content_hash
from .model import Article
from .seen import SeenTable
from .settings import IngestOptions

if TYPE_CHECKING:
    from .api import Analyzer

Item = Article | RashomonError
Source = str | Path | Article | RashomonError  # a path, URL or '-' to read; or an item already read
Exclude = Callable[[Iterable[str]], set[str]]  # content hashes -> those to skip (e.g. Store.known_hashes)
CHUNK = 64  # articles read ahead per `exclude` query


@dataclass(frozen=True)
class Skipped:
    """An article `pipe` did not analyse: `exclude` named its text, or the batch had it already."""

    article: Article


def pipe(analyzer: Analyzer, sources: Iterable[Source], *, jobs: int | None = None,
         exclude: Exclude | None = None, scheduler: Any = None) -> Iterator[Article | RashomonError | Skipped]:
    """Analysed articles and error items in input order; never raises for one article.

    `jobs=None` analyses with `analyzer` in this process; `jobs=N` in N worker processes built
    from its options and components (this process loads no model). With `exclude`, articles
    whose text it names, or that repeat a text earlier in the batch, come back as `Skipped`
    without analysis. A pipeline that cannot be built at all (unknown component, broken
    model) raises its RashomonError once: that is not per article. `scheduler` (`local:N`, a
    Dask scheduler address, or a client from `rashomon.scaleout.connect`) analyses on a Dask
    cluster instead, each worker holding one supervised process (see `scaleout`); `jobs` is
    then ignored.
    """
    items = read(sources, analyzer.options.ingest)
    if exclude is not None:
        items = _excluding(items, exclude)
    checked = _unique_ids(items)
    if scheduler is not None:
        from .scaleout import analyze_on_cluster, connect

        if isinstance(scheduler, str):
            with connect(scheduler, analyzer.options, analyzer.components) as client:
                yield from analyze_on_cluster(checked, client)
        else:
            yield from analyze_on_cluster(checked, scheduler)
        return
    if jobs is None:
        from .budget import analyze_in_process

        yield from analyze_in_process(checked, analyzer, analyzer.options.analysis)
        return
    from .supervisor import Supervisor

    with Supervisor(analyzer.options, analyzer.components, jobs=max(1, jobs)) as sup:
        yield from sup.run(checked)


def read(sources: Iterable[Source], opts: IngestOptions) -> Iterator[Item]:
    """Articles and error items from `sources`, lazily: paths read, items already read passed on."""
    for source in sources:
        if isinstance(source, (Article, RashomonError)):
            yield source
        else:
            yield from read_sources([str(source)], opts)


def count(sources: Iterable[Source]) -> int:
    """How many inputs the sources expand to (directories listed), for progress totals."""
    return sum(1 if isinstance(s, (Article, RashomonError)) else sum(1 for _ in expand_sources([str(s)]))
               for s in sources)


def _excluding(items: Iterable[Item], exclude: Exclude) -> Iterator[Item | Skipped]:
    """Items, with Skipped in place of each article `exclude` knows or the batch repeats.

    `exclude` is asked once per chunk of read-ahead articles: never about the whole batch.
    The batch's own texts are remembered in a SeenTable: memory stays flat however long it runs.
    """
    source = iter(items)
    with SeenTable() as seen:
        while chunk := list(islice(source, CHUNK)):
            digests = [content_hash(a.text) if isinstance(a, Article) else "" for a in chunk]
            known = exclude([d for d in digests if d])
            for item, digest in zip(chunk, digests):
                if digest:
                    if digest in known or not seen.add(digest):
                        yield Skipped(item)
                        continue
                yield item


def _unique_ids(items: Iterable[Item | Skipped]) -> Iterator[Item | Skipped]:
    """E015 for the second article reusing an id with a different text (same text passes).

    Every id read so far is remembered, in a SeenTable (on disk past a small cache), so every
    reuse is found however long the batch while memory stays flat.
    """
    with SeenTable() as seen:
        for item in items:
            if isinstance(item, Article):
                digest = bytes.fromhex(content_hash(item.text))
                if seen.first(item.id, digest) != digest:
                    yield RashomonError("E015", id=item.id, path=item.source or item.id)
                    continue
            yield item
