"""Storing a batch: commit analysed articles one by one, report what happened, refresh clusters.

The store only persists. Reading and analysing are `Analyzer.pipe`'s; an ingest is
`store.add_many(analyzer.pipe(inputs, exclude=store.known_hashes))`, so texts already stored
come back as `Skipped` without analysis. Each article is committed in its own transaction as
soon as it arrives, so a batch killed half-way keeps everything committed and a rerun only
analyses what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

from ..batch import Skipped
from ..errors import RashomonError
from ..model import Article
from .clusters import clusters_stale, refresh_clusters

if TYPE_CHECKING:
    from .repository import Store

Item = Article | RashomonError | Skipped
OnItem = Callable[[str, "Article | RashomonError | str"], None]  # (source, the result or "skipped")


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


def add_many(store: Store, items: Iterable[Item], *, on_item: OnItem | None = None) -> IngestReport:
    """Store each analysed article as it comes (error items and skips are only reported), then
    rebuild the entity clusters if anything changed."""
    report = IngestReport()
    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append(item.article.id)
            _notify(on_item, item.article.source, "skipped")
            continue
        if isinstance(item, Article):
            try:
                (report.added if store.add(item) else report.skipped).append(item.id)
            except RashomonError as err:  # E073: this id is stored for another text; the batch goes on
                if err.code != "E073":
                    raise
                item = err
        if isinstance(item, RashomonError):
            report.failed.append(item)
            _notify(on_item, item.path or "", item)
        else:
            _notify(on_item, item.source, item)
    if report.added or clusters_stale(store):
        report.clusters = refresh_clusters(store)
    return report


def _notify(callback: OnItem | None, source: str, what: Article | RashomonError | str) -> None:
    if callback:
        callback(source, what)
