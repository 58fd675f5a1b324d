"""The Python API: analyse texts or paths with one Analyzer holding the loaded pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .components import build_pipeline
from .errors import RashomonError
from .ingest.text import article_from_text
from .model import Article
from .pipeline import Pipeline
from .settings import Options, load_options


@dataclass
class BatchResult:
    """Articles analysed and inputs that failed, in input order."""

    articles: list[Article] = field(default_factory=list)
    errors: list[RashomonError] = field(default_factory=list)


class Analyzer:
    """Holds options and a built pipeline; models load on first use, once."""

    def __init__(self, options: Options | None = None, components: list[str] | None = None) -> None:
        self.options = options or load_options()
        self.pipeline: Pipeline = build_pipeline(self.options, components)

    def analyze(self, article: Article) -> Article:
        """Run the pipeline on one article and check its spans."""
        out = self.pipeline(article)
        out.check_spans()
        return out

    def analyze_text(self, text: str, source: str = "<text>", **meta: str) -> Article:
        """Analyse a string as a plain-text article."""
        art = article_from_text(text, source, title_from_first_line=self.options.ingest.title_from_first_line)
        for key, value in meta.items():
            setattr(art, key, value)
        return self.analyze(art)

    def iter_paths(self, inputs: Iterable[str | Path]) -> Iterator[Article | RashomonError]:
        """Read and analyse inputs one by one in this process, yielding an error item for each bad input.

        Goes through the batch driver (`rashomon.runner`), so one failing article is an
        error item (E041/E042/E044), never an exception; for a hard budget against
        hangs in C code use `rashomon.runner.run_batch` (worker processes).
        """
        from .runner import run_batch

        return run_batch([str(p) for p in inputs], self.options, analyzer=self)

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
