"""Multilingual sentence embeddings (USE multilingual v3 in pure numpy), loaded once, cached."""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np

from ..encoder import BATCH, encode_batch

__all__ = ["BATCH", "Embedder", "encode_batch"]


class Embedder:
    """Unit-length vectors for texts; identical texts are encoded once. With a Dask `client`,
    the batches are encoded on its workers (`compare --scheduler`), with the same result."""

    def __init__(self, client: Any = None) -> None:
        self._cache: dict[str, np.ndarray] = {}
        self.client = client

    def __call__(self, texts: list[str]) -> np.ndarray:
        """Vectors (len(texts) x 512), each of unit length."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
        batches = [(todo[i:i + BATCH],) for i in range(0, len(todo), BATCH)]
        if self.client is not None and len(batches) > 1:
            from ..scaleout import map_ordered

            done: Iterable[np.ndarray] = map_ordered(self.client, encode_batch, batches)
        else:
            done = (encode_batch(*b) for b in batches)
        for (batch,), vecs in zip(batches, done):
            for t, v in zip(batch, vecs):
                self._cache[t] = v
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])
