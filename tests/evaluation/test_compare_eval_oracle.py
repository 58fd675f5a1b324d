"""The oracle of `eval compare --oracle`: which gold divergences a generator's claim pairs can
reach, and the nearest-neighbour generator's blocking."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.compare.units import ClaimUnit
from rashomon.evaluation.compare_eval import neighbour_pairs, reachable
from rashomon.evaluation.divergences import Divergence, Side
from rashomon.model import Claim


def _unit(k: int, article: str, start: int, end: int, source: str = "author") -> ClaimUnit:
    return ClaimUnit(k, article, Claim("", start, end, "x" * (end - start), None, "asserted"), source, f"{source}:{article}")


UNITS = [_unit(0, "a1", 0, 50), _unit(1, "a1", 60, 120, "police"), _unit(2, "a2", 0, 40), _unit(3, "a2", 50, 90)]
DOC_OF = {"a1": "doc/1", "a2": "doc/2"}


def _gold(a: tuple[str, int, int], b: tuple[str, int, int]) -> Divergence:
    return Divergence("u", "polarity", Side(*a, "author"), Side(*b, "author"))


@pytest.mark.parametrize("pairs, gold, expected", [
    ([(0, 2)], _gold(("doc/1", 10, 20), ("doc/2", 5, 9)), 1),     # both spans inside the pair's claims
    ([(0, 2)], _gold(("doc/2", 5, 9), ("doc/1", 10, 20)), 1),     # either order
    ([(0, 2)], _gold(("doc/1", 45, 70), ("doc/2", 30, 45)), 1),   # overlap is enough, as scoring counts it
    ([(0, 3)], _gold(("doc/1", 10, 20), ("doc/2", 5, 9)), 0),     # second span in another claim
    ([(0, 2)], _gold(("doc/2", 10, 20), ("doc/1", 60, 70)), 0),   # right offsets, wrong documents
    ([(0, 1)], _gold(("doc/1", 10, 20), ("doc/1", 70, 80)), 1),   # two sources inside one article
    ([], _gold(("doc/1", 10, 20), ("doc/2", 5, 9)), 0),           # no pairs, nothing reached
])
def test_compare_eval_oracle_reachable(pairs, gold, expected) -> None:
    assert reachable(UNITS, pairs, [gold], DOC_OF) == expected


@pytest.mark.parametrize("k, expected", [
    (1, [(0, 1), (1, 2), (1, 3), (3, 4)]),  # each claim's nearest claim of another source
    (0, []),
    # every pair of different sources, none twice; never (2, 3) nor (0, 4), one source each
    (9, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (1, 4), (2, 4), (3, 4)]),
])
def test_compare_eval_oracle_neighbour_pairs(k, expected) -> None:
    units = UNITS + [_unit(4, "a1", 130, 160)]  # 4 is the author of a1, as 0 is; 2 and 3 are a2's author
    vecs = np.array([[1.0, 0.0], [0.8, 0.6], [0.6, 0.8], [0.0, 1.0], [-1.0, 0.0]], dtype=np.float32)
    assert neighbour_pairs(units, vecs, k) == expected
