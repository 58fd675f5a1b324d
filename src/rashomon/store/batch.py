"""Batch ingest: read inputs, skip texts already stored, analyse the rest, commit one by one.

Inputs are read lazily and analysed through the one batch driver (`runner.analyze_stream`,
with its per-article budget); each article is committed in its own transaction as soon as
it is analysed, so a batch killed half-way keeps everything committed and a rerun only
analyses what is missing. Nothing holds the whole batch: the known-hash check runs per chunk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from ..errors import RashomonError
from ..ingest import read_sources
from ..ingest.ids import content_hash
from ..model import Article
from ..runner import analyze_stream, count_sources
from ..settings import Options
from .clusters import clusters_stale, refresh_clusters
from .repository import Store

Item = Article | RashomonError
CHUNK = 64  # articles read ahead per known-hash query


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


def ingest_paths(
    store: Store,
    inputs: list[str],
    options: Options,
    *,
    jobs: int = 1,
    analyzer: Any = None,  # an Analyzer to reuse in this process (tests, web); worker processes otherwise
    on_total: Callable[[int], None] | None = None,
    on_item: Callable[[str, Item | str], None] | None = None,
) -> IngestReport:
    """Ingest inputs into the store; models load only if something new needs analysing."""
    if on_total:
        on_total(count_sources(inputs))
    return ingest_items(store, read_sources(inputs, options.ingest), options, jobs=jobs, analyzer=analyzer,
                        on_item=on_item)


def ingest_items(
    store: Store,
    items: Iterable[Item],
    options: Options,
    *,
    jobs: int = 1,
    analyzer: Any = None,
    on_item: Callable[[str, Item | str], None] | None = None,
) -> IngestReport:
    """Ingest already-read items (articles, or error items that are just reported)."""
    report = IngestReport()
    fresh = _not_stored(store, items, report, on_item)
    for result in analyze_stream(fresh, options, jobs=jobs, analyzer=analyzer):
        if isinstance(result, Article):
            try:
                if store.add(result):
                    report.added.append(result.id)
                else:
                    report.skipped.append(result.id)
            except RashomonError as err:  # E073: this id is stored for another text; the batch goes on
                if err.code != "E073":
                    raise
                result = err
        if isinstance(result, RashomonError):
            report.failed.append(result)
            _notify(on_item, result.path or "", result)
        else:
            _notify(on_item, result.source, result)
    if report.added or clusters_stale(store):
        report.clusters = refresh_clusters(store)
    return report


def _not_stored(store: Store, items: Iterable[Item], report: IngestReport,
                on_item: Callable[[str, Item | str], None] | None) -> Iterator[Item]:
    """Items whose text is not stored yet (nor earlier in this batch); skipped ones are reported."""
    seen: set[str] = set()
    source = iter(items)
    while chunk := list(islice(source, CHUNK)):
        known = store.known_hashes(content_hash(a.text) for a in chunk if isinstance(a, Article))
        for item in chunk:
            if isinstance(item, Article):
                digest = content_hash(item.text)
                if digest in known or digest in seen:
                    report.skipped.append(item.id)
                    _notify(on_item, item.source, "skipped")
                    continue
                seen.add(digest)
            yield item


def _notify(callback: Callable[[str, Item | str], None] | None, source: str, what: Item | str) -> None:
    if callback:
        callback(source, what)
