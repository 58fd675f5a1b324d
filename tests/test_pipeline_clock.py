"""Pipeline timings read the clock the caller chose (the benchmark uses CPU time)."""

from __future__ import annotations

import itertools

import pytest

from rashomon.model import Article
from rashomon.pipeline import Pipeline


class Step:
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, article: Article) -> Article:
        return article


@pytest.mark.parametrize("batched, n, expected", [(False, 3, 3.0), (True, 3, 2.0), (False, 0, None), (True, 0, None)])
def test_pipeline_clock_timings_use_the_given_clock(batched, n, expected):
    pipe = Pipeline([Step("a"), Step("b")])
    ticks = itertools.count()
    pipe.clock = lambda: float(next(ticks))  # every reading one second later
    pipe.timings = {}
    arts = [Article(id=str(i), text="t") for i in range(n)]
    if batched:
        list(pipe.pipe(arts, batch_size=2))  # two batches: each component read twice per batch
    else:
        for art in arts:
            pipe(art)
    if expected is None:
        assert pipe.timings == {}
    else:
        assert pipe.timings == {"a": expected, "b": expected}
