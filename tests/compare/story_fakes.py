"""Shared by the story tests: fake embeddings (no model) and the two merged groups that check a
story term is held as exact sums (a merged group's link is the mean of its members' pair links)."""

from __future__ import annotations

import itertools
import math

import numpy as np

from rashomon.compare.stories import StoryGroup, StoryOptions
from rashomon.model import Article


class FakeEmbed:
    """Unit vectors at given angles (degrees), looked up by the article's title."""

    def __init__(self, angles: dict[str, float]) -> None:
        self.angles = angles
        self.calls = 0

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), 512), dtype=np.float32)
        for row, text in enumerate(texts):
            rad = math.radians(self.angles[text.split("\n", 1)[0]])
            out[row, 0], out[row, 1] = math.cos(rad), math.sin(rad)
        return out


def merged_groups(arts: dict[str, Article], options: StoryOptions) -> tuple[StoryGroup, StoryGroup, list[float]]:
    """Groups A+B+C and D+E of five articles named A..E, and the six links between their members."""
    embed = FakeEmbed({"A": 0, "B": 10, "C": 20, "D": 30, "E": 40})
    vecs = {n: embed([n])[0] for n in arts}

    def single(n: str) -> StoryGroup:
        return StoryGroup.of_article(n, arts[n], vecs[n], set(), options)

    left, right = single("A"), single("D")
    left.absorb(single("B"))
    left.absorb(single("C"))
    right.absorb(single("E"))
    pairwise = [single(x).link(single(y), options) for x, y in itertools.product("ABC", "DE")]
    return left, right, pairwise
