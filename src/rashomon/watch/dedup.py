"""Near-duplicate texts (wire copies): word 5-shingles, MinHash, and LSH band keys.

A wire story reprinted by several outlets differs in whitespace, punctuation, a byline or a
"Read more" line, so its content hash differs but almost all of its 5-word sequences are the
same. Two texts are near-duplicates when the Jaccard overlap of their shingle sets (words
case-folded, punctuation and whitespace ignored) reaches `watch.near_duplicate` (0.8).

Comparing every pair is quadratic, so each text gets a 64-value MinHash signature, cut into
16 bands of 4 values; a band's hash is a key stored with the article (`near_keys`). Texts
sharing any key are candidates (at Jaccard 0.8 a pair shares a key with probability
1 - (1 - 0.8^4)^16 > 0.999; at 0.3, 12 %), and only candidates are compared exactly. The hash
functions are fixed (derived from SHA-256 of their index), so keys stay comparable across
runs, processes and library versions.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

SHINGLE = 5  # words per shingle
BANDS, ROWS = 16, 4  # 64 MinHash values
_PRIME = (1 << 32) + 15  # a prime above every 32-bit shingle hash
_CHUNK = 20_000  # shingles hashed at once (bounds the 64 x n matrix)
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of a text, case-folded; punctuation and whitespace dropped."""
    return _WORD.findall(text.casefold())


def shingles(text: str) -> set[int]:
    """32-bit hashes of the text's 5-word sequences (a shorter text is one shingle)."""
    ws = words(text)
    if not ws:
        return set()
    grams = [" ".join(ws[i:i + SHINGLE]) for i in range(max(1, len(ws) - SHINGLE + 1))]
    return {int.from_bytes(hashlib.blake2b(g.encode("utf-8", "surrogatepass"), digest_size=4).digest(), "big")
            for g in grams}


def jaccard(a: set[int], b: set[int]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


@lru_cache(maxsize=1)
def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    """The fixed hash family h_i(x) = (a_i x + b_i) mod p; a_i < 2^31 keeps a_i x + b_i below 2^64."""
    a, b = [], []
    for i in range(BANDS * ROWS):
        digest = hashlib.sha256(f"rashomon-minhash-{i}".encode()).digest()
        a.append((int.from_bytes(digest[:4], "big") & 0x7FFFFFFF) | 1)
        b.append(int.from_bytes(digest[4:8], "big"))
    return np.array(a, dtype=np.uint64)[:, None], np.array(b, dtype=np.uint64)[:, None]


def signature(hashes: set[int]) -> np.ndarray:
    """The 64 MinHash values of a shingle set (all p for an empty set)."""
    a, b = _coefficients()
    out = np.full(BANDS * ROWS, _PRIME, dtype=np.uint64)
    values = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    for start in range(0, len(values), _CHUNK):
        chunk = values[start:start + _CHUNK][None, :]
        out = np.minimum(out, ((a * chunk + b) % np.uint64(_PRIME)).min(axis=1))
    return out


def band_keys(hashes: set[int]) -> list[str]:
    """One key per band of the signature: 'NN' band number + 16 hex digits; none for no words."""
    if not hashes:
        return []
    sig = signature(hashes)
    keys = []
    for band in range(BANDS):
        part = sig[band * ROWS:(band + 1) * ROWS].astype(">u8").tobytes()
        keys.append(f"{band:02d}{hashlib.blake2b(part, digest_size=8).hexdigest()}")
    return keys
