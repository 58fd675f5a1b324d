"""trees.make_trees: any heads become one tree per sentence (tables and a hypothesis property)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.trees import make_trees, tree_problems


def _check_forest(heads: list[int], sents: list[int]) -> None:
    """Independent of trees.py: one self-headed root per sentence, every token reaches it."""
    n = len(heads)
    roots: dict[int, int] = {}
    for i, h in enumerate(heads):
        assert 0 <= h < n, f"token {i}: head {h} out of range"
        assert sents[h] == sents[i], f"token {i}: head {h} in another sentence"
        if h == i:
            assert sents[i] not in roots, f"sentence {sents[i]}: second root {i}"
            roots[sents[i]] = i
    assert set(roots) == set(sents), "a sentence without a root"
    for i in range(n):
        j = i
        for _ in range(n + 1):
            if heads[j] == j:
                break
            j = heads[j]
        assert heads[j] == j and j == roots[sents[i]], f"token {i} never reaches its root (cycle)"


# (name, heads, sents, deps, expected heads, expected deps or None)
TABLE = [
    ("already a tree", [1, 1, 1], [0, 0, 0], ["nsubj", "ROOT", "punct"], [1, 1, 1], ["nsubj", "ROOT", "punct"]),
    ("two trees, two sentences", [1, 1, 2, 2], [0, 0, 1, 1], ["nsubj", "ROOT", "ROOT", "dobj"],
     [1, 1, 2, 2], ["nsubj", "ROOT", "ROOT", "dobj"]),
    # natasha: "Жители в восторге от преобразований." — no root, Жители <-> восторге
    ("rootless two-cycle", [2, 2, 0, 4, 2, 2], [0] * 6, ["nsubj", "case", "nmod", "case", "nmod", "punct"],
     [0, 2, 0, 4, 2, 2], ["ROOT", "case", "nmod", "case", "nmod", "punct"]),
    ("cycle beside a root", [0, 2, 3, 1], [0] * 4, ["root", "a", "b", "c"], [0, 0, 3, 1], ["root", "a", "b", "c"]),
    ("self-loop besides the root", [1, 1, 2], [0] * 3, ["nsubj", "root", "obj"], [1, 1, 1], ["nsubj", "root", "obj"]),
    ("two labelled roots: first wins", [0, 0, 2, 2], [0] * 4, ["root", "obj", "root", "obj"],
     [0, 0, 0, 2], ["root", "obj", "dep", "obj"]),
    ("labelled root preferred to first self-head", [0, 1, 1], [0] * 3, ["nsubj", "ROOT", "punct"],
     [1, 1, 1], ["nsubj", "ROOT", "punct"]),
    ("labelled root inside a cycle", [1, 0, 0], [0] * 3, ["obj", "root", "punct"], [1, 1, 0], ["obj", "root", "punct"]),
    ("out-of-range heads", [5, -1, 1, 99], [0] * 4, ["x", "ROOT", "y", "z"], [1, 1, 1, 1], ["x", "ROOT", "y", "z"]),
    ("cross-sentence head", [1, 1, 0, 2], [0, 0, 1, 1], ["a", "ROOT", "b", "ROOT"], [1, 1, 3, 3],
     ["a", "ROOT", "b", "ROOT"]),
    ("no root label anywhere", [1, 0], [0, 0], ["a", "b"], [0, 0], ["ROOT", "b"]),
    ("single token", [7], [0], ["punct"], [0], ["ROOT"]),
    ("sentence ids need not be contiguous", [0, 1, 0, 1], [4, 9, 4, 9], ["root", "root", "x", "y"],
     [0, 1, 0, 1], ["root", "root", "x", "y"]),
    ("empty input", [], [], [], [], []),
]


@pytest.mark.parametrize("name, heads, sents, deps, want_heads, want_deps", TABLE, ids=[t[0] for t in TABLE])
def test_trees_repair_table(name, heads, sents, deps, want_heads, want_deps):
    tree = make_trees(heads, sents, deps, root_label="ROOT")
    assert tree.heads == want_heads
    assert tree.deps == want_deps
    _check_forest(tree.heads, sents)
    assert tree_problems(tree.heads, sents) == []
    changed = sum(1 for i in range(len(heads)) if want_heads[i] != heads[i] or want_deps[i] != deps[i])
    assert tree.repaired == changed


def test_trees_repair_good_tree_untouched():
    heads, sents, deps = [1, 1, 3, 1, 1], [0] * 5, ["nsubj", "ROOT", "det", "dobj", "punct"]
    tree = make_trees(heads, sents, deps)
    assert (tree.heads, tree.deps, tree.repaired) == (heads, deps, 0)


def test_trees_repair_without_labels_uses_root_label():
    # Token 2 heads itself and becomes the root; the 0 <-> 1 cycle is cut at token 0.
    tree = make_trees([1, 0, 2], [0, 0, 0], None, root_label="root")
    assert (tree.heads, tree.deps) == ([2, 0, 2], ["", "", "root"])


@pytest.mark.parametrize("heads, sents, deps", [
    ([0, 0], [0], None),
    ([0], [0], ["a", "b"]),
])
def test_trees_repair_rejects_mismatched_lengths(heads, sents, deps):
    with pytest.raises(ValueError):
        make_trees(heads, sents, deps)


@pytest.mark.parametrize("heads, sents, problem", [
    ([1, 0], [0, 0], "0 roots"),
    ([0, 1], [0, 0], "2 roots"),
    ([0, 5], [0, 0], "out of range"),
    ([0, 2, 2], [0, 0, 1], "another sentence"),
    ([0, 2, 3, 1], [0, 0, 0, 0], "cycle"),
])
def test_trees_repair_problems_named(heads, sents, problem):
    assert any(problem in p for p in tree_problems(heads, sents))


def test_trees_repair_linear_on_a_long_chain_cycle():
    # One 200,000-token cycle: a quadratic repair would not finish in a test run.
    n = 200_000
    heads = [(i + 1) % n for i in range(n)]
    tree = make_trees(heads, [0] * n)
    assert tree_problems(tree.heads, [0] * n) == []
    assert tree.repaired == 1


@st.composite
def _parses(draw):
    n = draw(st.integers(0, 40))
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=6)))
    sents, s = [], 0
    for i in range(n):
        while s < len(cuts) and cuts[s] <= i:
            s += 1
        sents.append(s)
    heads = draw(st.lists(st.integers(-3, n + 3), min_size=n, max_size=n))
    deps = draw(st.lists(st.sampled_from(["root", "ROOT", "nsubj", "obj", "punct", ""]), min_size=n, max_size=n))
    return heads, sents, deps


@settings(max_examples=400, deadline=None)
@given(_parses())
def test_trees_repair_property_any_heads_become_forest(parse):
    heads, sents, deps = parse
    tree = make_trees(heads, sents, deps)
    _check_forest(tree.heads, sents)
    assert tree_problems(tree.heads, sents) == []
    roots = [i for i, h in enumerate(tree.heads) if h == i]
    assert all(tree.deps[r].lower() == "root" for r in roots)
    assert sum(d.lower() == "root" for d in tree.deps) == len(roots)
    # Repairing a tree changes nothing.
    again = make_trees(tree.heads, sents, tree.deps)
    assert (again.heads, again.deps, again.repaired) == (tree.heads, tree.deps, 0)
