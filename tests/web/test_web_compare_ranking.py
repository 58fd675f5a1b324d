"""The web compare page and /api/compare show a Comparison ranked by confidence, as the CLI
does, from the app's own options; the comparison is a typed object, cached per server.

The comparison is hand-built (no models): the engine is replaced by one that records what the
app asked for and returns it; storage, routing, caching, templates and HTTP are all real."""

from __future__ import annotations

import re

import pytest

from rashomon import load_options
from rashomon.compare.result import Comparison
from rashomon.ingest.ids import content_hash
from rashomon.store import Store
from tests.compare.handbuilt import ACTIVISTS, POLICE, RANKED, sample_comparison


@pytest.fixture
def live(tmp_path, monkeypatch):  # noqa: ANN201 - (base URL, article ids, recorded calls, app state)
    from rashomon import compare as compare_module
    from rashomon.api import Analyzer
    from rashomon.model import Article
    from rashomon.web.app import create_app
    from tests.web.conftest import LiveApp

    store = Store(tmp_path / "w.sqlite")
    analyzer = Analyzer(load_options(pipeline={"components": ["segment", "langid"]}))
    ids = []
    for n, text in enumerate((POLICE, ACTIVISTS)):
        art = analyzer.analyze(Article(id=f"w{n}", text=text, source=f"{n}.txt"))
        assert store.add(art)
        ids.append(art.id)
    stored = store.load_articles(ids)
    calls: list[dict] = []

    def engine(articles, **kw):  # noqa: ANN001, ANN003, ANN202
        calls.append(kw)
        assert [a.id for a in articles] == ids
        return sample_comparison(stored, min_confidence=kw["options"].compare.min_confidence)

    monkeypatch.setattr(compare_module, "compare_articles", engine)
    opts = load_options(compare={"min_confidence": 0.6})
    guard = create_app(store, options=opts)
    with LiveApp(guard) as app:
        yield app.base, ids, calls, guard.app.state.rashomon
    store.close()


def test_web_compare_ranking_api_shape(live):
    from tests.web.conftest import http

    base, ids, calls, state = live
    status, _, body = http("GET", f"{base}/api/compare?ids={ids[0]}&ids={ids[1]}")
    assert status == 200 and body["articles"] == ids
    doc = body["result"]
    assert [c["id"] for c in doc["conflicts"]] == ["x1", "x2", "x3"]  # the engine's order, untouched
    for c in doc["conflicts"]:
        assert {"id", "kind", "topic", "why", "confidence", "frame", "slot", "positions"} <= set(c)
        assert len(c["positions"]) == 2
        for p in c["positions"]:
            assert {"article", "source_name", "source_entity", "text", "start", "end", "claim"} <= set(p)
    assert doc["conflicts"][1]["positions"][1]["source_entity"] == "E2"
    assert doc["min_confidence"] == 0.6 and doc["hidden_conflicts"] == 2
    assert [u["id"] for u in doc["updates"]] == ["r1"]
    # The app's options reached the engine, and the typed result is what the cache holds.
    assert calls[0]["options"] is state.options
    key = tuple(content_hash(a.text) for a in state.store.load_articles(ids))
    assert isinstance(state.compare_cache.get(key), Comparison)
    assert http("GET", f"{base}/api/compare?ids={ids[0]}&ids={ids[1]}")[2] == body
    assert len(calls) == 1


def test_web_compare_ranking_page(live):
    from tests.web.conftest import http

    base, ids, calls, _ = live
    status, _, html = http("GET", f"{base}/compare?ids={ids[0]},{ids[1]}")
    assert status == 200
    table = html.split('id="compare-table"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r'<tr class="row-(\w+)" data-id="(\w+)"><td>[^<]*</td><td class="confidence">([^<]*)</td>',
                      table)
    assert [r[1] for r in rows if r[0] == "conflicts"] == RANKED
    assert [r[2] for r in rows if r[0] == "conflicts"] == ["0.93", "0.77", "0.61"]
    assert [r[1] for r in rows if r[0] != "conflicts"] == ["r1", "a1", "u1"]
    assert "frame: people detained; differs in: quantity" in table
    assert "2 more conflicts below confidence 0.6; min_confidence = 0 under [compare]" in table
    assert "<b>Police</b>: 30" in table and "<b>Activists</b>: 200" in table
    assert len(calls) == 1
