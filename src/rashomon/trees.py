"""Dependency trees by construction: any head array becomes one rooted tree per sentence.

Parsers do not promise trees. natasha's Russian parser gives some sentences two roots, none,
or a head cycle ("Жители в восторге": Жители → восторге → Жители), and a walk down such a
"tree" never ends. `make_trees` repairs a parse once, at parse time, so every later layer
can treat `head` as a tree: inside each sentence exactly one token heads itself (the root)
and every other token reaches it by following heads. It runs in time linear in the tokens.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

DEMOTED_LABEL = "dep"  # UD's "unspecified dependency": a backend root that is no longer the root


class Tree(NamedTuple):
    """Repaired heads (a root heads itself), dependency labels, and how many tokens changed."""

    heads: list[int]
    deps: list[str]
    repaired: int


def _is_root_label(dep: str) -> bool:
    return len(dep) == 4 and dep.lower() == "root"  # the length first: it rules out most labels cheaply


def _cycles(members: list[int], heads: list[int], state: list[int]) -> list[list[int]]:
    """Cycles among `members` following `heads`; -1 and self-heads end a walk. Linear time.

    `state` is scratch space over all tokens (0 unseen, 1 on the current walk, 2 finished);
    members are left at 2.
    """
    found = []
    for i in members:
        path = []
        j = i
        while j >= 0 and state[j] == 0:
            state[j] = 1
            path.append(j)
            h = heads[j]
            j = -1 if h == j else h
        if j >= 0 and state[j] == 1:  # came back onto this walk: path from j on is a cycle
            found.append(path[path.index(j):])
        for k in path:
            state[k] = 2
    return found


def _choose_root(members: list[int], heads: list[int], deps: list[str], state: list[int]) -> int:
    """The backend's labelled root, else its first self-headed token, else the first token
    that ends a head chain (a broken head or a cycle member)."""
    labelled = [i for i in members if _is_root_label(deps[i])]
    for i in labelled:
        if heads[i] == i:
            return i
    if labelled:
        return labelled[0]
    for i in members:
        if heads[i] == i:
            return i
    ends = [i for i in members if heads[i] < 0]
    ends += [c for cycle in _cycles(members, heads, state) for c in cycle]
    for i in members:
        state[i] = 0
    return min(ends) if ends else members[0]


def make_trees(heads: Sequence[int], sents: Sequence[int], deps: Sequence[str] | None = None,
               root_label: str = "ROOT") -> Tree:
    """One well-formed tree per sentence from any heads (token indices; a root heads itself)."""
    n = len(heads)
    if len(sents) != n or (deps is not None and len(deps) != n):
        raise ValueError("heads, sents and deps must have one entry per token")
    labels = list(deps) if deps is not None else [""] * n
    # Keep the backend's own spelling of the root label (spaCy "ROOT", natasha "root").
    label = next((d for d in labels if _is_root_label(d)), root_label)
    out = list(heads)
    members: dict[int, list[int]] = {}
    for i, s in enumerate(sents):
        members.setdefault(s, []).append(i)
    state = [0] * n
    for s, idx in members.items():
        for i in idx:  # heads outside the array or in another sentence: no head yet
            h = out[i]
            if not (0 <= h < n) or sents[h] != s:
                out[i] = -1
        root = _choose_root(idx, out, labels, state)
        out[root] = root
        for i in idx:  # extra roots and head-less tokens hang from the root
            if i != root and (out[i] == i or out[i] < 0):
                out[i] = root
        state[root] = 2
        for cycle in _cycles(idx, out, state):
            first = min(cycle)
            out[first] = root
        labels[root] = label
        for i in idx:
            if i != root and _is_root_label(labels[i]):
                labels[i] = DEMOTED_LABEL
    # A token may be touched twice and end where it started (a cut cycle whose root it heads).
    repaired = sum(1 for i in range(n) if out[i] != heads[i] or (deps is not None and labels[i] != deps[i]))
    return Tree(out, labels, repaired)


def tree_problems(heads: Sequence[int], sents: Sequence[int]) -> list[str]:
    """What keeps `heads` from being one tree per sentence (empty when it is one). Linear time."""
    n = len(heads)
    problems = []
    inside = list(heads)  # heads that stay in the sentence; -1 ends a walk
    roots: dict[int, int] = {}
    for i, h in enumerate(heads):
        if not (0 <= h < n):
            problems.append(f"token {i}: head {h} out of range")
            inside[i] = -1
        elif sents[h] != sents[i]:
            problems.append(f"token {i}: head {h} in another sentence")
            inside[i] = -1
        elif h == i:
            roots[sents[i]] = roots.get(sents[i], 0) + 1
    members: dict[int, list[int]] = {}
    for i, s in enumerate(sents):
        members.setdefault(s, []).append(i)
    state = [0] * n
    for s, idx in members.items():
        if roots.get(s, 0) != 1:
            problems.append(f"sentence {s}: {roots.get(s, 0)} roots")
        for cycle in _cycles(idx, inside, state):
            problems.append(f"cycle through tokens {sorted(cycle)}")
    return problems
