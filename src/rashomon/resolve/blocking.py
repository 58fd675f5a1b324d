"""Candidate blocking: only names sharing a short key prefix are ever compared.

Each name gets two block keys: the first letters of its comparison key (Lukashenko ~
Лукашэнка share 'luk') and the first letters of its consonant skeleton (Russia 'rs' ~
Россия 'rs', where the keys 'rusia'/'rosia' part at the second letter). Blocks that grow
past ``MAX_BLOCK`` are split on a longer prefix, so work stays near-linear in corpus size.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator

PREFIX = 3
MAX_BLOCK = 200  # split blocks larger than this on one more letter
_VOWELS = re.compile(r"[aeiouyj\s'-]+")
_SKELETON_FOLD = str.maketrans({"w": "v", "c": "k", "q": "k", "x": "k"})
_DOUBLES = re.compile(r"(.)\1+")


def skeleton(key: str) -> str:
    """Consonant skeleton of a comparison key: vowels dropped, w/v and c/k/q/x folded, doubles collapsed."""
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", key.translate(_SKELETON_FOLD)))


def block_keys(key: str) -> list[str]:
    """The block keys of one comparison key (empty keys block nowhere)."""
    if not key:
        return []
    return [f"k:{key}", f"s:{skeleton(key) or key}"]


def _split(entries: list[tuple[str, Hashable]], depth: int) -> Iterator[list[Hashable]]:
    """Yield blocks of entries sharing the first `depth` letters, refining large blocks."""
    groups: dict[str, list[tuple[str, Hashable]]] = defaultdict(list)
    for text, item in entries:
        groups[text[:depth]].append((text, item))
    for prefix, group in groups.items():
        if len(group) > MAX_BLOCK and any(len(text) > depth for text, _ in group):
            yield from _split(group, depth + 1)
        else:
            yield [item for _, item in group]


def candidate_pairs(items: Iterable[tuple[Hashable, str]],
                    extra: Iterable[tuple[Hashable, str]] = ()) -> set[tuple[Hashable, Hashable]]:
    """Unordered pairs of items (given with their comparison key) that share a block; `extra`
    adds exact-match blocks (e.g. an exonym group) for pairs no spelling key would bring together."""
    by_kind: dict[str, list[tuple[str, Hashable]]] = defaultdict(list)
    for item, key in items:
        for bk in block_keys(key):
            kind, text = bk.split(":", 1)
            by_kind[f"{kind}:{text[:1]}"].append((text, item))
    for item, key in extra:
        by_kind[f"x:{key}"].append(("", item))
    pairs: set[tuple[Hashable, Hashable]] = set()
    for entries in by_kind.values():
        for block in _split(entries, PREFIX):
            for i, x in enumerate(block):
                for y in block[i + 1 :]:
                    if x != y:
                        pairs.add((x, y) if repr(x) <= repr(y) else (y, x))
    return pairs
