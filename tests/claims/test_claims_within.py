"""Claims look sentences and layer spans up by start, with the answers of a full scan."""

from __future__ import annotations

import random

import pytest

from rashomon.claims import _Within
from rashomon.model import Span


@pytest.mark.parametrize("seed", range(30))
def test_claims_within_same_as_scan(seed):
    rng = random.Random(seed)
    spans = [Span(a, a + rng.randint(0, 9), "") for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 20)))]
    index = _Within(spans)
    ordered = sorted(spans, key=lambda x: x.start)
    for start in range(-1, 45, 3):
        for end in range(start, start + 15, 2):
            assert index.inside(start, end) == [x for x in ordered if start <= x.start and x.end <= end]


@pytest.mark.parametrize("start,end,expected", [(0, 10, 2), (0, 4, 1), (5, 9, 0), (10, 20, 0)])
def test_claims_within_table(start, end, expected):
    index = _Within([Span(0, 4, "a"), Span(4, 10, "b"), Span(8, 12, "c")])
    assert len(index.inside(start, end)) == expected
