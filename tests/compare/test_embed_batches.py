"""Story openings are embedded in fixed batches, so a Dask cluster gives the very same vectors."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.compare.embed import BATCH, Embedder

# Sentences of different lengths (padding within a batch is what could change a vector).
_WORDS = "the council voted on the budget after a long debate about schools roads and taxes".split()
TEXTS = [" ".join(_WORDS[: 3 + i % 13]) + f" (item {i})" for i in range(2 * BATCH + 17)]


@pytest.mark.slow
def test_embed_batches_repeat_and_order_do_not_change_vectors() -> None:
    whole = Embedder()(TEXTS)
    assert whole.shape == (len(TEXTS), 512)
    assert np.allclose(np.linalg.norm(whole, axis=1), 1.0, atol=1e-5)
    again = Embedder()(TEXTS + TEXTS[:5])  # repeats are encoded once and answered from the cache
    assert np.array_equal(again[: len(TEXTS)], whole) and np.array_equal(again[len(TEXTS):], whole[:5])
    assert Embedder()([]).shape == (0, 512)


@pytest.mark.slow
def test_embed_batches_on_a_dask_cluster_equal_local() -> None:
    from rashomon.scaleout import connect
    from rashomon.settings import load_options

    local = Embedder()(TEXTS)
    with connect("local:2", load_options(), ["segment"]) as client:
        remote = Embedder(client)(TEXTS)
    assert np.array_equal(remote, local)  # bit for bit: the same batches, one BLAS thread each
