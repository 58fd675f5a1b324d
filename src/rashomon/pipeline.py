"""Components and the pipeline that runs them in a checked order.

A component is a plain callable `Article -> Article` with `name`, `requires` and
`assigns`, declared on its class by `@component(name, requires=..., assigns=...)`. It may also offer `pipe(articles)` to batch work (the parser does, to feed
spaCy's `nlp.pipe`). The pipeline refuses, when built, an order in which a component
would read something no earlier component assigns (E020).
"""

from __future__ import annotations

import time
from typing import Callable, Iterable, Iterator, Protocol, Sequence, TypeVar, runtime_checkable

from .errors import RashomonError
from .model import Article

# What an Article has before any component runs.
BASE_ATTRIBUTES: frozenset[str] = frozenset({"text", "id", "source", "title", "published", "outlet"})


@runtime_checkable
class Component(Protocol):
    """An analysis step: reads `requires`, writes `assigns`."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


_C = TypeVar("_C", bound=type)


def component(name: str, *, requires: tuple[str, ...], assigns: tuple[str, ...]) -> Callable[[_C], _C]:
    """Class decorator declaring a component's name and the attributes it reads and writes."""

    def declare(cls: _C) -> _C:
        cls.name, cls.requires, cls.assigns = name, requires, assigns
        return cls

    return declare


def check_order(components: Sequence[Component]) -> None:
    """Raise E020 if any component requires an attribute no earlier component assigns."""
    available = set(BASE_ATTRIBUTES)
    order = " -> ".join(c.name for c in components)
    for comp in components:
        missing = [need for need in comp.requires if need not in available]
        if missing:
            raise RashomonError("E020", name=comp.name, needs=", ".join(missing), order=order)
        available.update(comp.assigns)


class Pipeline:
    """An ordered, checked list of components.

    `timings`, when set to a dict, collects the seconds each component spends (name -> sum),
    read from `clock` (wall time unless set, e.g. to `time.process_time` on a shared machine);
    left None, the default, the run loop reads no clock.
    """

    def __init__(self, components: Sequence[Component]) -> None:
        check_order(components)
        self.components = list(components)
        self.timings: dict[str, float] | None = None
        self.clock = time.perf_counter

    @property
    def names(self) -> list[str]:
        """Component names in run order."""
        return [c.name for c in self.components]

    def __call__(self, article: Article) -> Article:
        """Run every component on one article."""
        if self.timings is not None:
            return self._timed(article, self.timings)
        for comp in self.components:
            article = comp(article)
            article.done.append(comp.name)
        return article

    def _timed(self, article: Article, timings: dict[str, float]) -> Article:
        clock = self.clock
        for comp in self.components:
            t0 = clock()
            article = comp(article)
            timings[comp.name] = timings.get(comp.name, 0.0) + clock() - t0
            article.done.append(comp.name)
        return article

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Article]:
        """Run over a stream in batches so batching components see several articles at once."""
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> list[Article]:
        for comp in self.components:
            t0 = self.clock() if self.timings is not None else 0.0
            pipe = getattr(comp, "pipe", None)
            batch = list(pipe(batch)) if pipe is not None else [comp(a) for a in batch]
            if self.timings is not None:
                self.timings[comp.name] = self.timings.get(comp.name, 0.0) + self.clock() - t0
            for art in batch:
                art.done.append(comp.name)
        return batch
