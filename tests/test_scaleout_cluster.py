"""Analysis on a real Dask LocalCluster: same output as one local worker, and no article lost
or doubled when a worker dies mid-run."""

from __future__ import annotations

import os
import signal

import pytest

from rashomon.compare import compare_articles
from rashomon.errors import RashomonError
from rashomon.ingest import read_sources
from rashomon.model import Article
from rashomon.scaleout import analyze_on_cluster, connect, parse_scheduler
from rashomon.serialize import article_dict
from rashomon.settings import load_options
from rashomon.supervisor import Supervisor
from tests.conftest import FIXTURES, SEEDS
from tests.records import Drawn


@pytest.mark.parametrize("spec, expected", [
    ("local:2", ("local", 2)),
    ("local:1", ("local", 1)),
    ("tcp://10.0.0.5:8786", ("address", "tcp://10.0.0.5:8786")),
    ("scheduler.example:8786", ("address", "scheduler.example:8786")),
])
def test_scaleout_parse_scheduler(spec: str, expected: tuple) -> None:
    assert parse_scheduler(spec) == expected


@pytest.mark.parametrize("spec", ["local:0", "local:", "local:two", "nowhere", ""])
def test_scaleout_parse_scheduler_rejects(spec: str) -> None:
    with pytest.raises(RashomonError) as err:
        parse_scheduler(spec)
    assert err.value.code == "E150"


def _inputs() -> list[str]:
    paths = [str(FIXTURES / "en_summit.txt"), str(FIXTURES / "ru_summit.txt"), str(FIXTURES / "en_harbour.html")]
    paths += [str(p) for p in sorted((FIXTURES / "ru_quotes" / "text").glob("*.txt"))]
    if SEEDS.exists():
        paths.append(str(SEEDS))
    return paths


@pytest.fixture(scope="module")
def client():
    with connect("local:2", load_options()) as c:
        yield c


@pytest.mark.slow
def test_scaleout_local_cluster_equals_one_worker(client) -> None:
    opts = load_options()
    with Supervisor(opts, None, jobs=1) as sup:
        local = list(sup.run(read_sources(_inputs(), opts.ingest)))
    remote = list(analyze_on_cluster(read_sources(_inputs(), opts.ingest), client))
    assert all(isinstance(x, Article) for x in local)
    assert [article_dict(a) for a in remote] == [article_dict(a) for a in local]


@pytest.mark.slow
def test_scaleout_compare_stories_on_cluster_equal_local(client) -> None:
    opts = load_options()
    articles = [a for a in analyze_on_cluster(read_sources(_inputs(), opts.ingest), client) if isinstance(a, Article)]
    local = compare_articles(articles, min_confidence=0.0, options=opts).to_dict()
    remote = compare_articles(articles, min_confidence=0.0, options=opts, client=client).to_dict()
    assert remote == local
    assert len(local["stories"]) >= 2  # more than one story went through the cluster


@pytest.mark.slow
def test_scaleout_worker_killed_mid_run_loses_nothing() -> None:
    opts = load_options()
    inputs = _inputs()
    with connect("local:2", opts) as client:
        results = analyze_on_cluster(read_sources(inputs, opts.ingest), client)
        out = [next(results)]
        pids = client.run(os.getpid)  # worker address -> pid
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)
        out += list(results)
    expected = [a.id for a in read_sources(inputs, opts.ingest) if isinstance(a, Article)]
    assert [x.id for x in out if isinstance(x, Article)] == expected  # each once, in input order
    assert not [x for x in out if not isinstance(x, Article)]


@pytest.mark.slow
def test_scaleout_unreachable_scheduler_is_a_coded_error() -> None:
    with pytest.raises(RashomonError) as err:
        with connect("tcp://127.0.0.1:9", load_options(), timeout="2s"):
            pass
    assert err.value.code == "E151"


def _key(item: Article | RashomonError) -> str:
    """An article's id, an error's message (it names the JSONL line)."""
    return item.id if isinstance(item, Article) else str(item)


@pytest.mark.slow
def test_scaleout_window_bounded_and_dask_environ_dropped() -> None:
    """A batch larger than the window: the driver draws at most WINDOW_PER_WORKER per worker
    ahead of what it has yielded and holds no more futures than that; each analysis process
    runs without the MALLOC_TRIM_THRESHOLD_ Dask's nanny set for its own worker process."""
    from rashomon.scaleout import PLUGIN, WINDOW_PER_WORKER

    items = [RashomonError("E008", line=i, path="batch.jsonl") if i % 9 == 4 else
             Article(id=f"a{i}", text=f"Article {i}.\n\nIts second paragraph, number {i}.") for i in range(50)]
    source = Drawn(items)
    with connect("local:2", load_options(), ["segment"]) as c:
        window = WINDOW_PER_WORKER * 2
        ahead, held, out = [], [], []
        for result in analyze_on_cluster(iter(source), c):
            out.append(result)
            ahead.append(source.count - len(out))
            held.append(len(c.futures))  # released futures leave asynchronously: may lag by a few
        assert max(ahead) <= window
        assert max(ahead) >= window - 1  # the window was used (else the bound says nothing)
        assert max(held) <= 2 * window
        assert [_key(x) for x in out] == [_key(x) for x in items]

        def environs(dask_worker) -> tuple[str | None, list[str | None]]:  # noqa: ANN001 - client.run passes it
            plugin = dask_worker.plugins[PLUGIN]
            kids = []
            for w in plugin.supervisor.workers:
                with open(f"/proc/{w.pid}/environ", "rb") as fh:
                    env = dict(e.split(b"=", 1) for e in fh.read().split(b"\0") if b"=" in e)
                kids.append(env.get(b"MALLOC_TRIM_THRESHOLD_"))
            return os.environ.get("MALLOC_TRIM_THRESHOLD_"), kids

        seen = c.run(environs)
    assert any(own for own, _ in seen.values())  # Dask did set it for its workers
    assert [kids for _, kids in seen.values() if kids] and all(
        k is None for _, kids in seen.values() for k in kids)  # our processes did not inherit it


@pytest.mark.slow
def test_scaleout_local_scheduler_keeps_nothing_per_submission(monkeypatch) -> None:
    """`local:N` runs Dask's scheduler in the driver process: after 120 distinct tasks its spans
    hold no per-submission metadata, and key_split's cache (every distinct key, up to 100,000
    otherwise) is emptied every KEY_CACHE_SUBMISSIONS submissions, so it stays near that size;
    the driver returns its free heap memory every TRIM_EVERY results."""
    import dask.utils

    from rashomon.scaleout import LocalSpans

    from rashomon import scaleout, supervisor

    every = 16
    monkeypatch.setattr(LocalSpans, "KEY_CACHE_SUBMISSIONS", every)
    trims = []
    monkeypatch.setattr(scaleout, "TRIM_EVERY", 10)
    monkeypatch.setattr(supervisor, "return_free_memory", lambda: trims.append(1))
    items = [Article(id=f"k{i}", text=f"Article {i}.\n\nIts second paragraph, number {i}.") for i in range(120)]
    with connect("local:2", load_options(), ["segment"]) as c:
        cached = []
        for result in analyze_on_cluster(iter(items), c):
            assert isinstance(result, Article)
            cached.append(dask.utils.key_split.cache_info().currsize)
        spans = c.cluster.scheduler.extensions["spans"]
        assert isinstance(spans, LocalSpans) and spans.submissions >= len(items)
        assert spans.spans  # Dask's spans still work: the tasks went to the default span
        assert [(s.metadata or {}).get("collections", []) for s in spans.spans.values()] == [[]] * len(spans.spans)
    assert len(cached) == len(items)
    assert max(cached[2 * every:]) <= 2 * every  # 120 distinct keys were split; far fewer are held
    assert len(trims) == len(items) // 10  # the driver's free heap memory returned every TRIM_EVERY results
