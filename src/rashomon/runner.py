"""Batch analysis over many inputs, in-process or in worker processes (`--jobs`).

Each worker builds its Analyzer once (models load once per process) and analyses whole
sources, so one bad file only ever costs its own result.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator

from .api import Analyzer
from .errors import RashomonError
from .ingest import expand_sources, read_source
from .model import Article
from .settings import Options

Item = Article | RashomonError
_worker: Analyzer | None = None


def _init_worker(options: Options, components: list[str] | None) -> None:
    global _worker
    _worker = Analyzer(options, components)


def _analyze_source(source: str) -> list[Item]:
    assert _worker is not None
    return _analyze_with(_worker, source)


def _analyze_with(analyzer: Analyzer, source: str) -> list[Item]:
    """All results for one source; a failure of the whole source becomes one error item."""
    out: list[Item] = []
    try:
        for item in read_source(source, analyzer.options.ingest):
            out.append(item if isinstance(item, RashomonError) else analyzer.analyze(item))
    except RashomonError as err:
        out.append(err)
    except OSError as exc:
        out.append(RashomonError("E001", path=f"{source} ({exc.strerror})"))
    return out


def run_batch(
    inputs: list[str],
    options: Options,
    *,
    jobs: int = 1,
    components: list[str] | None = None,
    on_source: Callable[[str, int], None] | None = None,
) -> Iterator[Item]:
    """Analyse every input (directories expanded), yielding results in input order."""
    sources = list(expand_sources(inputs))
    if jobs <= 1 or len(sources) <= 1:
        analyzer = Analyzer(options, components)
        for i, source in enumerate(sources):
            results = _analyze_with(analyzer, source)
            if on_source:
                on_source(source, i + 1)
            yield from results
        return
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(sources)), initializer=_init_worker, initargs=(options, components)
    ) as pool:
        for i, (source, results) in enumerate(zip(sources, pool.map(_analyze_source, sources))):
            if on_source:
                on_source(source, i + 1)
            yield from results


def count_sources(inputs: list[str]) -> int:
    """How many sources the inputs expand to (for progress bars)."""
    return sum(1 for _ in expand_sources(inputs))
