"""Search cost is bounded: repeated words count once, more than MAX_TERMS distinct words is E085,
and snippets come from one linear pass over the page of hits only (FTS5 snippet() was quadratic)."""

from __future__ import annotations

import time

import pytest

from rashomon.errors import RashomonError
from rashomon.store.search import MAX_TERMS, make_snippet, query_words


@pytest.mark.parametrize(("query", "words"), [
    ("Minsk", ["Minsk"]),
    ("minsk MINSK Minsk", ["minsk"]),
    (" ".join(["coup"] * 125), ["coup"]),
    ("Lukašenka lukasenka", ["Lukašenka"]),
    ('"coup" OR minsk*', ["coup", "OR", "minsk"]),
    ("", []),
    ("!!! ---", []),
])
def test_search_terms_deduplicated(query, words):
    assert query_words(query) == words


@pytest.mark.parametrize("n", [MAX_TERMS + 1, 40, 125])
def test_search_terms_over_the_cap_is_e085(n):
    with pytest.raises(RashomonError) as info:
        query_words(" ".join(f"word{i}" for i in range(n)))
    assert info.value.code == "E085" and f"{n} distinct words" in str(info.value)


def test_search_terms_at_the_cap_allowed():
    assert len(query_words(" ".join(f"word{i}" for i in range(MAX_TERMS)))) == MAX_TERMS


TEXT = ("Officials in Minsk said that 33 people were detained. Lukašenka blamed the West; "
        "few people believe Lukashenka, said the opposition in MINSK.")


@pytest.mark.parametrize(("words", "hits"), [
    (["minsk"], ["Minsk", "MINSK"]),
    (["lukasenka"], ["Lukašenka"]),
    (["Lukashenka", "minsk"], ["Minsk", "Lukashenka", "MINSK"]),
    (["nowhere"], []),
])
def test_search_snippet_marks_hits_and_slices_the_text(words, hits):
    parts = make_snippet(TEXT, words, size=64)
    assert [t for t, hit in parts if hit] == hits
    body = "".join(t for t, _ in parts)
    assert body.strip("…") in TEXT  # the snippet is a slice of the text, nothing rewritten


def test_search_snippet_window_around_the_first_hit():
    text = " ".join(f"w{i}" for i in range(1000)) + " target " + " ".join(f"v{i}" for i in range(1000))
    parts = make_snippet(text, ["target"], size=32)
    assert parts[0] == ("…", False) and parts[-1] == ("…", False)
    joined = "".join(t for t, _ in parts[1:-1])
    assert joined in text and "target" in joined and len(joined.split()) <= 32


def test_search_snippet_linear_on_huge_text():
    """A 1,000,000-character article with every query word everywhere: one bounded pass (hang guard)."""
    words = [f"w{i}" for i in range(MAX_TERMS)]
    text = " ".join(words[i % MAX_TERMS] for i in range(150_000))
    started = time.monotonic()
    parts = make_snippet(text, words)
    assert time.monotonic() - started < 10
    assert sum(hit for _, hit in parts) == 32
