"""Stance markers per language: hedges, disputes, back-pointing phrases, distancing cues."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import load_list


def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the words as a whole word, in any case. The words share their beginnings in a trie
    ("allegations|alleged|allegedly" -> "alleg(?:ations|ed(?:ly)?)"), so at each character `re`
    tries a few first letters instead of every word; the markers' users ask only whether one occurs."""
    return re.compile(rf"(?<![\w-])(?:{_trie(sorted(set(words)))})(?![\w-])", re.IGNORECASE)


def _trie(words: list[str]) -> str:
    """A regular expression matching exactly the given strings, factored by their common prefixes."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in node.items() if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


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
    return StanceMarkers(_alternation(words("hedges")), _alternation(words("disputes")),
                         _alternation(words("dispute_anaphora")), surface)
