"""The one place components are registered: name -> factory(options) -> component.

Nothing registers itself on import; adding a component means adding a line here.
"""

from __future__ import annotations

from typing import Callable

from .errors import RashomonError
from .pipeline import Component, Pipeline
from .settings import Options
from .threads import single_threaded


def _segment(opts: Options) -> Component:
    from .segment import ParagraphSegmenter

    return ParagraphSegmenter()


def _langid(opts: Options) -> Component:
    from .langid import LanguageIdentifier

    return LanguageIdentifier(opts.language)


def _parse(opts: Options) -> Component:
    from .parse import Parser

    return Parser(opts.models)


def _entities(opts: Options) -> Component:
    from .entities import EntityRecognizer

    return EntityRecognizer()


def _quotes(opts: Options) -> Component:
    from .quotes import QuoteExtractor

    return QuoteExtractor()


def _quantities(opts: Options) -> Component:
    from .quantities import QuantityExtractor

    return QuantityExtractor()


def _dates(opts: Options) -> Component:
    from .dates import DateExtractor

    return DateExtractor()


def _claims(opts: Options) -> Component:
    from .claims import ClaimExtractor

    return ClaimExtractor()


def _techniques(opts: Options) -> Component:
    from .techniques import TechniqueDetector

    det = TechniqueDetector(opts.techniques.model or None, rules=opts.techniques.rules,
                            paragraph_stage=opts.techniques.paragraph_stage,
                            paragraph_encoder=opts.techniques.paragraph_encoder)
    det.load()  # a broken --model directory fails here, once, not on every article
    return det


REGISTRY: dict[str, Callable[[Options], Component]] = {
    "segment": _segment,
    "langid": _langid,
    "parse": _parse,
    "entities": _entities,
    "quotes": _quotes,
    "quantities": _quantities,
    "dates": _dates,
    "claims": _claims,
    "techniques": _techniques,
}


def build_pipeline(opts: Options, names: list[str] | None = None) -> Pipeline:
    """Instantiate the named components (default: the configured list) as a checked Pipeline."""
    single_threaded()  # before any model loads numpy's BLAS: one process, one core
    chosen = names if names is not None else opts.pipeline.components
    comps = []
    for name in chosen:
        factory = REGISTRY.get(name)
        if factory is None:
            raise RashomonError("E021", name=name, known=", ".join(REGISTRY))
        comps.append(factory(opts))
    return Pipeline(comps)
