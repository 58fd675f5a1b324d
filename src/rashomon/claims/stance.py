"""Stance markers per language: hedges, disputes, back-pointing phrases, distancing cues."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import load_list
from ..wordpatterns import whole_words


@dataclass(frozen=True)
class StanceMarkers:
    """Compiled marker lists for one article's languages."""

    hedge: re.Pattern[str]
    dispute: re.Pattern[str]
    anaphora: re.Pattern[str]
    distancing_surface: frozenset[str]

    def hedged(self, text: str) -> bool:
        """Contains a hedge ("apparently", "I think", по-видимому)."""
        return bool(self.hedge.search(text))

    def disputed(self, text: str) -> bool:
        """Contains a dispute or distancing marker ("few people believe", "fake", якобы)."""
        return bool(self.dispute.search(text))

    def points_back(self, text: str) -> bool:
        """Refers back to something said before ("this story")."""
        return bool(self.anaphora.search(text))

    def stance(self, text: str, default: str) -> str:
        """disputed > hedged > the default (asserted for the author, attributed for a source)."""
        if self.disputed(text):
            return "disputed"
        if self.hedged(text):
            return "hedged"
        return default


@lru_cache(maxsize=None)
def markers_for(language: str) -> StanceMarkers:
    """Markers of both languages (an English article may quote Russian), cached."""
    langs = ("en", "ru")
    words = lambda name: tuple(w for lang in langs for w in load_list(lang, name))  # noqa: E731
    surface = frozenset(w.lower() for lang in langs for w in load_list(lang, "distancing_cues"))
    return StanceMarkers(whole_words(words("hedges")), whole_words(words("disputes")),
                         whole_words(words("dispute_anaphora")), surface)
