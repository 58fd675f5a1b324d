"""Multilingual sentence embeddings (USE multilingual v3 in pure numpy), loaded once, cached."""

from __future__ import annotations

import numpy as np

from ..encoder import use_model


class Embedder:
    """Unit-length vectors for texts; identical texts are encoded once."""

    def __init__(self) -> None:
        self._cache: dict[str, np.ndarray] = {}

    def __call__(self, texts: list[str]) -> np.ndarray:
        """Vectors (len(texts) x 512), each of unit length."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if todo:
            vecs = np.asarray(use_model().encode(todo), dtype=np.float32)
            norms = np.linalg.norm(vecs, axis=1, keepdims=True)
            vecs = vecs / np.where(norms == 0, 1, norms)
            for t, v in zip(todo, vecs):
                self._cache[t] = v
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])
