"""Batch ingest: read inputs, skip texts already stored, analyse the rest, commit one by one.

Each article is committed in its own transaction as soon as it is analysed, so a batch
killed half-way keeps everything committed and a rerun only analyses what is missing.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterator

from ..errors import RashomonError
from ..ingest import expand_sources, read_source
from ..ingest.ids import content_hash
from ..model import Article
from ..settings import Options
from .clusters import clusters_stale, refresh_clusters
from .repository import Store

Item = Article | RashomonError
_worker = None  # the Analyzer of a worker process


@dataclass
class IngestReport:
    """What a batch did: ids added, ids skipped (already stored), errors for failed inputs."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[RashomonError] = field(default_factory=list)
    clusters: int | None = None

    def summary(self) -> str:
        """One line for humans."""
        line = f"added {len(self.added)}, skipped {len(self.skipped)} (already stored), failed {len(self.failed)}"
        return line if self.clusters is None else f"{line}; {self.clusters} entity clusters"


def read_inputs(inputs: list[str], options: Options) -> Iterator[Item]:
    """Unanalysed articles from every input, an error item per bad input."""
    for source in expand_sources(inputs):
        try:
            yield from read_source(source, options.ingest)
        except RashomonError as err:
            yield err
        except OSError as exc:
            yield RashomonError("E001", path=f"{source} ({exc.strerror})")


def _init_worker(options: Options) -> None:
    global _worker
    from ..api import Analyzer

    _worker = Analyzer(options)


def _analyze_in_worker(art: Article) -> Item:
    assert _worker is not None
    try:
        return _worker.analyze(art)
    except RashomonError as err:
        return err


def _analyze_here(analyzer, art: Article) -> Item:  # noqa: ANN001 - rashomon.Analyzer
    try:
        return analyzer.analyze(art)
    except RashomonError as err:
        return err


def ingest_paths(
    store: Store,
    inputs: list[str],
    options: Options,
    *,
    jobs: int = 1,
    analyzer=None,  # noqa: ANN001 - an Analyzer to reuse (tests, web); built lazily otherwise
    on_total: Callable[[int], None] | None = None,
    on_item: Callable[[str, Item | str], None] | None = None,
) -> IngestReport:
    """Ingest inputs into the store; models load only if something new needs analysing."""
    report = IngestReport()
    items = list(read_inputs(inputs, options))
    if on_total:
        on_total(len(items))
    known = store.known_hashes(content_hash(a.text) for a in items if isinstance(a, Article))
    todo: list[Article] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, RashomonError):
            report.failed.append(item)
            _notify(on_item, item.path or "", item)
            continue
        digest = content_hash(item.text)
        if digest in known or digest in seen:
            report.skipped.append(item.id)
            _notify(on_item, item.source, "skipped")
            continue
        seen.add(digest)
        todo.append(item)
    for source, result in zip([a.source for a in todo], _analysed(todo, options, jobs, analyzer)):
        if isinstance(result, RashomonError):
            report.failed.append(result)
        elif store.add(result):
            report.added.append(result.id)
        else:
            report.skipped.append(result.id)
        _notify(on_item, source, result)
    if report.added or clusters_stale(store):
        report.clusters = refresh_clusters(store)
    return report


def _analysed(todo: list[Article], options: Options, jobs: int, analyzer) -> Iterator[Item]:  # noqa: ANN001
    """Analysed articles in input order, in this process or in worker processes."""
    if not todo:
        return
    if jobs <= 1 or len(todo) == 1:
        if analyzer is None:
            from ..api import Analyzer

            analyzer = Analyzer(options)
        for art in todo:
            yield _analyze_here(analyzer, art)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), initializer=_init_worker,
                             initargs=(options,)) as pool:
        yield from pool.map(_analyze_in_worker, todo)


def _notify(callback: Callable[[str, Item | str], None] | None, source: str, what: Item | str) -> None:
    if callback:
        callback(source, what)
