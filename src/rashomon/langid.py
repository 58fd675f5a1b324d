"""Language identification with lingua, restricted to the languages in play."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .model import Article
from .script import has_cyrillic
from .settings import LanguageOptions
from .pipeline import component

_LETTER = re.compile(r"[^\W\d_]")
# Letters only one of the Cyrillic languages uses: cheap, certain evidence before lingua.
_ONLY = {"be": re.compile(r"[ўЎ]"), "uk": re.compile(r"[їЇєЄґҐ]")}


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]):  # noqa: ANN202 - lingua type
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = [getattr(IsoCode639_1, code.upper()) for code in codes]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).with_preloaded_language_models().build()


@component("langid", requires=("paragraphs",), assigns=("language",))
class LanguageIdentifier:
    """Component: assigns `language` per article and per paragraph."""

    def __init__(self, opts: LanguageOptions) -> None:
        self.opts = opts
        self.codes = tuple(opts.languages)

    def detect(self, text: str) -> str:
        """ISO 639-1 code of `text`, or 'und' when it has no letters or no verdict."""
        if not _LETTER.search(text):
            return "und"
        for code, pattern in _ONLY.items():
            if code in self.codes and len(pattern.findall(text)) >= 2:
                return code
        if not has_cyrillic(text) and "en" in self.codes:
            return "en"  # Latin-only text: among en/ru/be/uk only English fits
        lang = _detector(self.codes).detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang is not None else "und"

    def __call__(self, article: Article) -> Article:
        if not self.opts.paragraph_fallback:
            article.language = self.detect(article.text)
            for para in article.paragraphs:
                para.language = article.language
            return article
        weights: Counter[str] = Counter()
        short = []
        for para in article.paragraphs:
            if len(para.text) < self.opts.min_paragraph_chars:
                short.append(para)
            else:
                para.language = self.detect(para.text)
                weights[para.language] += len(para.text)
        # The article language is the dominant paragraph language when there is one; only
        # without one is the whole text identified (a second lingua pass over every letter).
        top = weights.most_common(1)[0][0] if weights else "und"
        article.language = top if top != "und" else self.detect(article.text)
        for para in short:
            para.language = article.language if _LETTER.search(para.text) else "und"
        return article
