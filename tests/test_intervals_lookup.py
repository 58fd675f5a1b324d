"""Interval look-ups answer exactly what the linear scans they replace answered."""

from __future__ import annotations

import random

import pytest

from rashomon.intervals import Cover, Disjoint, LastEnclosing, trim_space


def _spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    return sorted(((a, a + rng.randint(0, 8)) for a in (rng.randint(0, 20) for _ in range(n))), key=lambda x: x[0])


@pytest.mark.parametrize("seed", range(40))
def test_intervals_lookup_cover_matches_scan(seed):
    rng = random.Random(seed)
    spans = _spans(rng, rng.randint(0, 12))
    cover = Cover(spans)
    for pos in range(-2, 32):
        assert cover.first_stabbing(pos) == next((i for i, (a, b) in enumerate(spans) if a <= pos < b), None)
        for end in range(pos, pos + 6):
            assert cover.contains_span(pos, end) == any(a <= pos and end <= b for a, b in spans)
            assert cover.overlaps(pos, end) == any(a < end and pos < b for a, b in spans)


@pytest.mark.parametrize("seed", range(40))
def test_intervals_lookup_last_enclosing_matches_backward_scan(seed):
    rng = random.Random(seed)
    index, seen = LastEnclosing(), []
    for a, b in _spans(rng, rng.randint(0, 15)):
        expected = next((j for j in range(len(seen) - 1, -1, -1)
                         if seen[j][0] <= a and b <= seen[j][1] and seen[j] != (a, b)), None)
        assert index.find(a, b) == expected
        index.append(a, b)
        seen.append((a, b))


@pytest.mark.parametrize("seed", range(40))
def test_intervals_lookup_disjoint_matches_scan(seed):
    rng = random.Random(seed)
    index, stored = Disjoint(), []
    for _ in range(25):
        a = rng.randint(0, 40)
        b = a + rng.randint(0, 6)
        expected = any(x < b and a < y for x, y in stored)
        assert index.overlaps(a, b) == expected
        if not expected:
            index.add(a, b)
            stored.append((a, b))


@pytest.mark.parametrize(
    "spans,query,expected",
    [
        ([], 0, None),  # nothing stored
        ([(0, 5)], 5, None),  # end is exclusive
        ([(0, 5), (1, 3)], 2, 0),  # the first in start order wins, as next() did
        ([(0, 2), (1, 9)], 5, 1),
    ],
)
def test_intervals_lookup_first_stabbing_table(spans, query, expected):
    assert Cover(spans).first_stabbing(query) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("  ab c \n", (0, 8), (2, 6)),
        ("ab", (0, 2), (0, 2)),
        ("a   b", (1, 4), (4, 4)),  # all space: empty, at its end
        ("x\u00a0y\u2009", (1, 4), (2, 3)),  # no-break and thin spaces are whitespace too
    ],
)
def test_intervals_trim_space(text, span, expected):
    assert trim_space(text, *span) == expected
