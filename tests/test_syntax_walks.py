"""SyntaxView walks end on any heads, cycles and out-of-range heads included (second line of defence)."""

from __future__ import annotations

import signal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.model import Article, Sentence, Token
from rashomon.syntax import SyntaxView


@pytest.fixture(autouse=True)
def _hang_guard():
    """A walk that loops must fail the test, not hang the suite (the bug this file guards)."""

    def _stuck(signum, frame):  # noqa: ANN001, ARG001
        raise TimeoutError("walk did not end within 30 s")

    old = signal.signal(signal.SIGALRM, _stuck)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _article(heads: list[int]) -> Article:
    words = [f"w{i}" for i in range(len(heads))]
    text = " ".join(words)
    art = Article(id="walks", text=text)
    pos = 0
    for i, (w, h) in enumerate(zip(words, heads)):
        art.tokens.append(Token(pos, pos + len(w), w, w, "X", "dep", h, 0))
        pos += len(w) + 1
    art.sentences = [Sentence(0, len(text), text)] if text else []
    return art


@pytest.mark.parametrize("heads, start, want", [
    ([0, 0, 1], 0, [0, 1, 2]),  # a tree
    ([1, 2, 0], 0, [0, 1, 2]),  # a three-cycle: each token once, and the walk ends
    ([1, 0, 1, 2], 0, [0, 1, 2, 3]),  # a two-cycle with a branch hanging from it
    ([1, 0, 1, 2], 2, [2, 3]),  # below the cycle: a plain subtree
    ([0, 99, -5, 1], 0, [0]),  # out-of-range heads hang from nothing
    ([0, 99, -5, 1], 1, [1, 3]),
])
def test_syntax_walks_subtree_table(heads, start, want):
    assert SyntaxView(_article(heads)).subtree(start) == want


def test_syntax_walks_subtree_exclude():
    view = SyntaxView(_article([1, 2, 0, 0]))
    assert view.subtree(0, exclude={2}) == [0, 3]
    assert view.subtree(0, exclude={0}) == []


@pytest.mark.parametrize("heads, a, b, want", [
    ([0, 0, 1], 0, 2, True),
    ([0, 0, 1], 2, 0, False),
    ([1, 2, 0, 3], 3, 0, False),  # b sits in a cycle that never reaches a
    ([1, 2, 0, 3], 1, 0, True),
    ([0, 7, 1], 0, 2, False),  # the chain leaves the array
])
def test_syntax_walks_is_ancestor_table(heads, a, b, want):
    assert SyntaxView(_article(heads)).is_ancestor(a, b) is want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-3, 40), min_size=1, max_size=40), st.data())
def test_syntax_walks_property_end_on_any_heads(heads, data):
    view = SyntaxView(_article(heads))
    i = data.draw(st.integers(0, len(heads) - 1))
    j = data.draw(st.integers(0, len(heads) - 1))
    sub = view.subtree(i)
    assert len(sub) == len(set(sub)) <= len(heads) and sub[0] >= 0 and i in sub
    assert isinstance(view.is_ancestor(i, j), bool)


def test_syntax_walks_view_of_is_built_once_per_parse():
    """Quotes, quantities and claims read one view of an article; a new parse or article gets its own."""
    art = _article([0, 0, 1])
    view = SyntaxView.of(art)
    assert SyntaxView.of(art) is view
    other = _article([0, 0, 1])
    assert SyntaxView.of(other) is not view and SyntaxView.of(other).article is other
    art.tokens = list(art.tokens)  # a re-parse replaces the token list
    fresh = SyntaxView.of(art)
    assert fresh is not view and fresh.tokens is art.tokens
    art.sentences = []
    assert SyntaxView.of(art) is not fresh
