"""Word lists as regular expressions: any listed word or phrase, as a whole word, in any case.

The words share their beginnings in a trie ("allegations|alleged|allegedly" ->
"alleg(?:ations|ed(?:ly)?)"), so at each character `re` tries a few first letters instead of
every word. At a position it still takes the longest listed word that ends on a word boundary,
as an alternation sorted longest first does, so matches and their spans are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def whole_words(words: Iterable[str]) -> re.Pattern[str]:
    """Any of the words, not inside a longer word or a hyphenated one, ignoring case."""
    return re.compile(rf"(?<![\w-])(?:{trie(sorted(set(words)))})(?![\w-])", re.IGNORECASE)


def trie(words: list[str]) -> str:
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
