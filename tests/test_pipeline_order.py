"""The pipeline checks requires/assigns when built and runs components in order."""

from __future__ import annotations

import pytest

from rashomon.components import REGISTRY, build_pipeline
from rashomon.errors import RashomonError
from rashomon.model import Article
from rashomon.pipeline import Pipeline
from rashomon.settings import load_options


class Step:
    def __init__(self, name, requires=(), assigns=()):
        self.name, self.requires, self.assigns = name, tuple(requires), tuple(assigns)

    def __call__(self, article: Article) -> Article:
        article.meta.setdefault("ran", []).append(self.name)
        return article


@pytest.mark.parametrize(
    "steps,ok",
    [
        ([Step("a", assigns=["x"]), Step("b", requires=["x"])], True),
        ([Step("b", requires=["x"]), Step("a", assigns=["x"])], False),
        ([Step("a", requires=["text"])], True),
        ([Step("a", requires=["nothing"])], False),
        ([], True),
    ],
)
def test_pipeline_order_checked_when_built(steps, ok):
    if ok:
        Pipeline(steps)
    else:
        with pytest.raises(RashomonError) as info:
            Pipeline(steps)
        assert info.value.code == "E020"


def test_pipeline_order_runs_in_sequence_and_records_done():
    pipe = Pipeline([Step("a", assigns=["x"]), Step("b", requires=["x"])])
    art = pipe(Article(id="1", text="t"))
    assert art.meta["ran"] == ["a", "b"] and art.done == ["a", "b"]
    batch = list(pipe.pipe([Article(id=str(i), text="t") for i in range(5)], batch_size=2))
    assert [a.id for a in batch] == ["0", "1", "2", "3", "4"]


def test_pipeline_order_default_components_are_consistent():
    opts = load_options()
    assert set(opts.pipeline.components) <= set(REGISTRY)
    pipe = build_pipeline(opts, ["segment", "langid"])
    assert pipe.names == ["segment", "langid"]


@pytest.mark.parametrize("names,code", [(["langid"], "E020"), (["segment", "nope"], "E021")])
def test_pipeline_order_bad_component_lists(names, code):
    with pytest.raises(RashomonError) as info:
        build_pipeline(load_options(), names)
    assert info.value.code == code


@pytest.mark.parametrize("batched", [False, True])
def test_pipeline_order_timings_only_when_asked(batched):
    pipe = Pipeline([Step("a", assigns=["x"]), Step("b", requires=["x"])])
    arts = [Article(id=str(i), text="t") for i in range(3)]
    run = (lambda: list(pipe.pipe(arts, batch_size=2))) if batched else (lambda: [pipe(a) for a in arts])
    run()
    assert pipe.timings is None
    pipe.timings = {}
    run()
    assert sorted(pipe.timings) == ["a", "b"] and all(t >= 0 for t in pipe.timings.values())
