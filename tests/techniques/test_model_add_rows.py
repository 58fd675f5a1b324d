"""`model._add_rows` adds rows exactly as `np.add.at` does (same sums to the last bit, repeated rows
included), so scores do not move with the faster path."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.techniques.model import _add_rows


@pytest.mark.parametrize(
    ("n", "k", "width", "sorted_rows"),
    [(40, 800, 23, True), (40, 800, 23, False), (5, 0, 23, True), (1, 50, 1, False), (3, 7, 0, False)],
)
def test_model_add_rows_same_as_add_at(n, k, width, sorted_rows):
    rng = np.random.default_rng(k + n)
    rows = rng.integers(0, n, k)
    rows = np.sort(rows) if sorted_rows else rows
    values = rng.standard_normal((k, width)).astype(np.float32)
    base = rng.standard_normal((n, width)).astype(np.float32)  # not zeros: the order of additions shows
    want, got = base.copy(), base.copy()
    np.add.at(want, rows, values)
    _add_rows(got, rows, values)
    assert want.tobytes() == got.tobytes()


def test_model_add_rows_strided_falls_back():
    z = np.zeros((4, 6), dtype=np.float32)[:, ::2]  # not contiguous: no flat view to add through
    values = np.ones((3, 3), dtype=np.float32)
    _add_rows(z, np.array([0, 0, 3]), values)
    assert z[0].tolist() == [2.0, 2.0, 2.0] and z[3].tolist() == [1.0, 1.0, 1.0]
