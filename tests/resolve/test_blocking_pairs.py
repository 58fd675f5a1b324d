"""Candidate blocking: shared key or skeleton prefixes, exact extra blocks, large-block refinement."""

from __future__ import annotations

import pytest

from rashomon.names import name_key
from rashomon.resolve.blocking import MAX_BLOCK, candidate_pairs, skeleton


@pytest.mark.parametrize(("key", "expected"), [("moscov", "mskv"), ("moskva", "mskv"), ("rusia", "rs"), ("", "")])
def test_blocking_skeleton(key: str, expected: str) -> None:
    assert skeleton(key) == expected


@pytest.mark.parametrize(
    ("a", "b", "paired"),
    [("Lukashenko", "Лукашэнка", True), ("Russia", "Россия", True), ("Kiev", "Киев", True),
     ("Lukashenko", "Putin", False), ("Minsk", "Brest", False)],
)
def test_blocking_pairs_share_a_block(a: str, b: str, paired: bool) -> None:
    assert bool(candidate_pairs([(0, name_key(a)), (1, name_key(b))])) is paired


def test_blocking_extra_keys_pair_unrelated_spellings() -> None:
    assert candidate_pairs([(0, "varsav"), (1, "us")], extra=[(0, "7"), (1, "7")]) == {(0, 1)}


def test_blocking_large_blocks_are_refined() -> None:
    items = [(i, f"kov{chr(97 + i % 26)}{i}") for i in range(MAX_BLOCK * 3)]
    pairs = candidate_pairs(items)
    assert len(pairs) < len(items) * (len(items) - 1) // 2 // 5
