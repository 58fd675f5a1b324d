"""Word-list patterns (`wordpatterns`): the prefix trie matches exactly its words, as whole words in
any case, and finds what the plain longest-first alternation it replaced found, at the same spans
(stance markers, compare's cue lists). No model needed."""

from __future__ import annotations

import re

import pytest

from rashomon.claims.stance import markers_for
from rashomon.lang import load_list
from rashomon.wordpatterns import trie, whole_words

WORDS = ["alleged", "allegedly", "allegations", "so-called", "I think", "якобы", "по-видимому", "a", "ab", "abc"]


@pytest.mark.parametrize("word", WORDS)
def test_wordpatterns_trie_matches_each_word(word):
    assert re.fullmatch(trie(sorted(set(WORDS))), word)


@pytest.mark.parametrize("text", ["alleg", "allege", "allegationsx", "so called", "I thin", "яко", "abcd", "", "b"])
def test_wordpatterns_trie_matches_nothing_else(text):
    assert re.fullmatch(trie(sorted(set(WORDS))), text) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("He ALLEGEDLY took it.", True),
        ("the so-called invasion", True),
        ("an allegedly-false claim", False),  # a hyphen continues the word
        ("unalleged", False),
        ("Беспилотники якобы пересекли границу", True),
        ("nothing to see", False),
    ],
)
def test_wordpatterns_whole_words_any_case(text, found):
    assert bool(whole_words(tuple(WORDS)).search(text)) is found


def _plain(words: tuple[str, ...]) -> re.Pattern[str]:
    """The alternation the trie replaced: every word tried in turn at every character."""
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@pytest.mark.parametrize("name", ["hedges", "disputes", "dispute_anaphora", "agent_markers", "denials"])
def test_wordpatterns_same_as_plainwhole_words(name):
    words = tuple(w for lang in ("en", "ru") for w in load_list(lang, name))
    fast, plain = whole_words(words), _plain(words)
    probes = [p for w in words for p in (w, w.upper(), w.title(), f"x{w}", f"{w}x", f"{w}-", w[:-1], f"«{w}», he said")]
    probes.append(" ".join(words))  # every word once, shorter ones inside longer phrases included
    assert [[m.span() for m in fast.finditer(p)] for p in probes] == [[m.span() for m in plain.finditer(p)] for p in probes]
    assert markers_for("en").hedged("Apparently it rained.")
