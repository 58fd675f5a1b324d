"""The one Russian morphological dictionary (pymorphy2 through natasha) the rules share."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def russian_morph():  # noqa: ANN201 - natasha.MorphVocab, loaded on first use
    """natasha's MorphVocab: pymorphy2's readings of a Russian word."""
    from natasha import MorphVocab

    return MorphVocab()
