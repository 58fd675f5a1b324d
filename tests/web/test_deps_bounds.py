"""Every query parameter is bounded: offsets and limits (422, never a 500), no control characters
(a NUL once made the speaker filter match everything), and every id ingest accepts has a page."""

from __future__ import annotations

import pytest

from rashomon import load_options
from rashomon.model import Article
from rashomon.store import Store, refresh_clusters
from rashomon.web.app import create_app
from rashomon.web.deps import ARTICLE_ID

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

IDS = ["7", "a", "A-1", "x.y_z", "abc123def456", "1" * 128]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """An in-process app over a store holding articles with short ids (segment-only analysis)."""
    from starlette.testclient import TestClient

    from rashomon.api import Analyzer

    store = Store(tmp_path_factory.mktemp("bounds") / "ids.sqlite")
    analyzer = Analyzer(load_options(pipeline={"components": ["segment", "langid"]}))
    for i, aid in enumerate(IDS):
        text = f"Article {aid}\n\nOfficials in Minsk said that {i} people were detained."
        art = analyzer.analyze(Article(id=aid, text=text, source=f"{aid}.txt", title=f"Article {aid}",
                                       outlet="Wire", published="2021-04-20"))
        assert store.add(art)
    refresh_clusters(store)
    with TestClient(create_app(store), base_url="http://127.0.0.1") as tc:
        yield tc
    store.close()


@pytest.mark.parametrize("aid", IDS)
def test_deps_every_ingest_id_has_a_page(client, aid):
    assert client.get(f"/articles/{aid}").status_code == 200
    doc = client.get(f"/api/articles/{aid}")
    assert doc.status_code == 200 and doc.json()["id"] == aid


@pytest.mark.parametrize(("path", "status"), [
    ("/api/articles/%3Cscript%3E", 422), ("/articles/%3Cscript%3E", 422), ("/api/articles/.hidden", 422),
    ("/api/articles/" + "1" * 129, 422), ("/api/articles/a%0A", 422), ("/articles/7%00", 422), ("/api/articles/a%2Fb", 404), ("/api/articles/8", 404),
    ("/compare?ids=7,a", 200), ("/api/compare?ids=7&ids=..", 422), ("/api/compare?ids=7,8", 404),
])
def test_deps_ids_follow_the_ingest_rule(client, path, status):
    res = client.get(path)
    assert res.status_code == status, (path, res.text[:200])


def test_deps_article_id_pattern_is_the_ingest_rule():
    import re

    from rashomon.ingest.ids import is_valid_id

    for value in IDS:
        assert is_valid_id(value) and re.fullmatch(ARTICLE_ID, value), value
    for value in ["<script>", "../x", ".x", "", "a" * 129, "a b", "a/b", "Минск", "-a", "a\n"]:
        assert not is_valid_id(value) and not re.fullmatch(ARTICLE_ID, value), value


BIG = str(2**63)
OUT_OF_RANGE = [
    f"/api/articles?offset={BIG}", f"/api/search?offset={BIG}", f"/api/entities?offset={BIG}",
    f"/search?offset={BIG}", "/api/articles?offset=-1", "/api/articles?offset=1000001",
    f"/api/articles?limit={BIG}", "/api/articles?limit=0", "/api/search?limit=501", "/api/entities?limit=1001",
    "/api/articles?offset=1e3", "/api/articles?limit=nan",
]


@pytest.mark.parametrize("path", OUT_OF_RANGE)
def test_deps_offsets_and_limits_bounded(client, path):
    assert client.get(path).status_code == 422, path


def test_deps_large_but_valid_offset_is_empty(client):
    res = client.get("/api/articles?offset=1000000")
    assert res.status_code == 200 and res.json()["articles"] == [] and res.json()["total"] == len(IDS)


PARAMS = ["speaker", "outlet", "language", "technique", "date_from", "date_to", "q", "ids", "entity", "offset",
          "limit", "token", "anything"]
ROUTES = ["/api/search", "/api/articles", "/search", "/compare", "/api/entities", "/", "/api/overview"]


@pytest.mark.parametrize("char", ["%00", "%01", "%09", "%0A", "%0D", "%1F", "%7F"])
@pytest.mark.parametrize("param", PARAMS)
def test_deps_control_characters_refused_in_every_parameter(client, char, param):
    for route in ROUTES:
        res = client.get(f"{route}?{param}=Lu{char}ka")
        assert res.status_code == 422, (route, param, char, res.status_code)


@pytest.mark.parametrize("value", ["%E2%80%AE", "%E2%80%8B", "%C2%85", "x" * 201])
def test_deps_filters_refuse_format_characters_and_overlong(client, value):
    for name in ("speaker", "outlet", "technique", "language"):
        assert client.get(f"/api/search?{name}={value}").status_code == 422, (name, value)


def test_deps_nul_speaker_does_not_match_everything(client):
    everything = client.get("/api/search").json()["total"]
    assert everything == len(IDS)
    assert client.get("/api/search?speaker=%00").status_code == 422
    assert client.get("/api/search?speaker=nobody-at-all").json()["total"] == 0
    assert client.get("/api/search?speaker=%20%20").json()["total"] == everything  # blank is no filter
