"""The Python API: analyse texts or paths with one Analyzer holding the loaded pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TYPE_CHECKING, Iterable, Iterator

from .components import build_pipeline
from .errors import RashomonError
from .ingest.text import article_from_text
from .model import Article
from .pipeline import Pipeline
from .settings import Options, load_options

if TYPE_CHECKING:
    from .batch import Exclude, Skipped, Source


@dataclass
class BatchResult:
    """Articles analysed and inputs that failed, in input order."""

    articles: list[Article] = field(default_factory=list)
    errors: list[RashomonError] = field(default_factory=list)


class Analyzer:
    """Holds options and the pipeline, built on first use (models load then, once)."""

    def __init__(self, options: Options | None = None, components: list[str] | None = None) -> None:
        self.options = options or load_options()
        self.components = components  # None: the configured list
        self._pipeline: Pipeline | None = None

    def load(self) -> Pipeline:
        """Build the pipeline now, if not yet (components that load a model when built load it)."""
        if self._pipeline is None:
            self._pipeline = build_pipeline(self.options, self.components)
        return self._pipeline

    @property
    def pipeline(self) -> Pipeline:
        """The pipeline, built on first use: `pipe(..., jobs=N)` never builds it in this process."""
        return self.load()

    def analyze(self, article: Article | str) -> Article:
        """Run the pipeline on one article (a string is read as a plain-text article) and check its spans."""
        if isinstance(article, str):
            return self.analyze_text(article)
        if not isinstance(article, Article):
            raise TypeError(f"analyze() takes an Article or a str, not {type(article).__name__}")
        out = self.pipeline(article)
        out.check_spans()
        return out

    def analyze_text(self, text: str, source: str = "<text>", **meta: str) -> Article:
        """Analyse a string as a plain-text article."""
        art = article_from_text(text, source, title_from_first_line=self.options.ingest.title_from_first_line)
        for key, value in meta.items():
            setattr(art, key, value)
        return self.analyze(art)

    def pipe(self, sources: Iterable[Source], *, jobs: int | None = None, exclude: Exclude | None = None,
             scheduler: Any = None) -> Iterator[Article | RashomonError | Skipped]:
        """Read and analyse `sources` (paths, URLs, '-', or Articles), yielding results in input order.

        One failing input or article is an error item (E041-E044, E015, read errors), never an
        exception. `jobs=None` analyses in this process under a best-effort budget; `jobs=N`
        in N supervised worker processes, the hard budget against hangs in C code. With
        `exclude` (content hashes -> those to skip, e.g. `Store.known_hashes`), known texts
        and repeats come back as `rashomon.batch.Skipped`, unanalysed. `scheduler="local:N"` or a
        Dask scheduler address runs the analysis on a Dask cluster. See `rashomon.batch`.
        """
        from .batch import pipe

        return pipe(self, sources, jobs=jobs, exclude=exclude, scheduler=scheduler)

    def iter_paths(self, inputs: Iterable[str | Path]) -> Iterator[Article | RashomonError]:
        """Read and analyse inputs one by one in this process: `pipe(inputs)`."""
        return self.pipe(inputs)  # type: ignore[return-value] - no `exclude`, so nothing is Skipped

    def analyze_paths(self, inputs: Iterable[str | Path]) -> BatchResult:
        """Analyse every input; collect articles and errors."""
        result = BatchResult()
        for item in self.iter_paths(inputs):
            (result.errors if isinstance(item, RashomonError) else result.articles).append(item)  # type: ignore[arg-type]
        return result


def analyze_text(text: str, options: Options | None = None) -> Article:
    """One-shot: analyse a string (loads models; prefer an Analyzer for many texts)."""
    return Analyzer(options).analyze_text(text)


def analyze_paths(inputs: Iterable[str | Path], options: Options | None = None) -> BatchResult:
    """One-shot: analyse files, directories or URLs."""
    return Analyzer(options).analyze_paths(inputs)
