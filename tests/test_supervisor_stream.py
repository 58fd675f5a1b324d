"""The supervisor streams: it reads a bounded window ahead of what it has yielded, whatever the
batch size, and a sealed result (bytes, as the Dask plugin passes it on) opens to the same article."""

from __future__ import annotations

import pytest

from rashomon.errors import RashomonError
from rashomon.model import Article
from rashomon.serialize import article_dict
from rashomon.settings import load_options
from rashomon.supervisor import Supervisor, open_sealed, read_ahead
from tests.records import Drawn

PIPELINE = ["segment"]  # real, cheap: the window does not depend on what the pipeline does


def _items(n: int) -> list[Article | RashomonError]:
    """Articles with an error item every seventh place (errors pass through in place)."""
    return [RashomonError("E008", line=i, path="batch.jsonl") if i % 7 == 3 else
            Article(id=f"a{i}", text=f"Article {i}.\n\nIts second paragraph, number {i}.") for i in range(n)]


def _key(item: Article | RashomonError) -> str:
    """An article's id, an error's message (it names the JSONL line)."""
    return item.id if isinstance(item, Article) else str(item)


@pytest.mark.parametrize("jobs", [1, 2])
def test_supervisor_stream_window_bounded(jobs: int) -> None:
    items = _items(60)
    source = Drawn(items)
    ahead, out = [], []
    with Supervisor(load_options(), PIPELINE, jobs=jobs) as sup:
        for result in sup.run(iter(source)):
            out.append(result)
            ahead.append(source.count - len(out))  # read but not yet handed out
    assert max(ahead) <= read_ahead(jobs)
    assert max(ahead) >= 2  # it did read ahead (else the bound says nothing)
    assert [_key(x) for x in out] == [_key(x) for x in items]
    assert all(isinstance(x, Article) and x.paragraphs for x in out if not isinstance(x, RashomonError))


@pytest.mark.parametrize("n", [1, 5])
def test_supervisor_stream_sealed_opens_to_the_same_article(n: int) -> None:
    items = [x for x in _items(n + 2) if isinstance(x, Article)][:n]
    with Supervisor(load_options(), PIPELINE, jobs=1) as sup:
        opened = list(sup.run(items))
    with Supervisor(load_options(), PIPELINE, jobs=1, sealed=True) as sup:
        sealed = list(sup.run(items))
    assert all(isinstance(x, bytes) for x in sealed)
    assert [article_dict(open_sealed(x)) for x in sealed] == [article_dict(a) for a in opened]
    assert [open_sealed(x).done for x in sealed] == [["segment"]] * n
