"""cluster_entities stays near-linear: ~2,000 synthetic entities cluster in seconds."""

from __future__ import annotations

import random
import time

from rashomon.resolve import cluster_entities
from tests.resolve.synth import article

FIRST = ["Anna", "Viktor", "Sergei", "Olga", "Pavel", "Irina", "Dmitry", "Maria", "Ivan", "Elena"]
SYLLABLES = ["ka", "lo", "mi", "ren", "tov", "sha", "bel", "dor", "vin", "zu", "pek", "gra", "nos", "lit"]


def _corpus(n_entities: int, per_article: int = 20, seed: int = 7) -> list:
    rng = random.Random(seed)
    people = [(rng.choice(FIRST), "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()) for _ in range(300)]
    places = ["".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize() + "sk" for _ in range(100)]
    arts, specs = [], []
    for i in range(n_entities):
        if i % 3:
            first, last = rng.choice(people)
            specs.append((f"{first} {last}" if rng.random() < 0.6 else last, "PERSON"))
        else:
            specs.append((rng.choice(places), "LOC"))
        if len(specs) == per_article:
            arts.append(article(f"A{len(arts)}", *specs))
            specs = []
    return arts


def test_cluster_scale_two_thousand_entities_in_seconds() -> None:
    arts = _corpus(2000)
    start = time.perf_counter()
    clusters = cluster_entities(arts)
    elapsed = time.perf_counter() - start
    assert sum(len(c.members) for c in clusters) == 2000
    assert len(clusters) < 600  # repeated names collapse
    assert elapsed < 10, f"{elapsed:.1f}s"
