"""The REST API under /api/ with its OpenAPI document, and analysing an uploaded article."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.slow


def _get(url: str):  # noqa: ANN202
    with urllib.request.urlopen(url, timeout=30) as resp:
        assert resp.headers["content-type"].startswith("application/json")
        return json.load(resp)


def test_web_api_endpoints(server, articles):
    ov = _get(server + "/api/overview")
    assert ov["articles"] == len(articles) and ov["entities"]
    listing = _get(server + "/api/articles?language=ru")
    assert listing["total"] == 1 and listing["articles"][0]["title"] == "Заговор в Минске"
    doc = _get(f"{server}/api/articles/{articles['b_k']['id']}")
    assert {"id", "text", "entities", "quotes", "claims", "techniques"} <= set(doc)
    ents = _get(server + "/api/entities")["entities"]
    detail = _get(f"{server}/api/entities/{ents[0]['id']}")
    assert detail["name"] == ents[0]["name"] and detail["articles"]
    hits = _get(server + "/api/search?q=Minsk&language=en")
    assert hits["total"] >= 1 and all(h["language"] == "en" for h in hits["hits"])
    facets = _get(server + "/api/facets")
    assert "en" in facets["languages"]
    url = f"{server}/api/compare?ids={articles['b_k']['id']}&ids={articles['c_r']['id']}"
    cmp = _get(url)
    assert {"stories", "conflicts", "agreements", "unique"} <= set(cmp["result"])
    assert _get(url) == cmp  # the second answer comes from the cache and is the same document


def test_web_api_errors_are_json(server):
    for path, code in (("/api/articles/abcdef123456", 404), ("/api/entities/E999999", 404),
                       ("/api/articles/%3Cscript%3E", 422), ("/api/articles/7", 404), ("/api/search?date_from=yesterday", 422),
                       ("/api/compare?ids=abcdef123456", 422), ("/api/compare?ids=abcdef123456&ids=abcdef654321", 404)):
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(server + path, timeout=10)
        assert info.value.code == code, path
        assert "detail" in json.load(info.value)


def test_web_api_openapi_and_docs(server):
    spec = _get(server + "/openapi.json")
    for path in ("/api/overview", "/api/articles", "/api/articles/{article_id}", "/api/entities/{cluster_id}",
                 "/api/search", "/api/compare"):
        assert path in spec["paths"], path
    assert not any(p.startswith("/articles") for p in spec["paths"])  # pages stay out of the API doc
    assert urllib.request.urlopen(server + "/docs", timeout=10).status == 200


def test_web_api_upload_analyses_and_stores_once(server):
    """The real pipeline behind `rashomon serve`: 202, a status URL, then the stored article."""
    from tests.web.conftest import http, wait_job

    body = json.dumps({"text": "Upload test\n\nMaria Lind said that 12 people were detained in Riga.",
                       "outlet": "Test Wire", "published": "2021-05-01"}).encode()

    def post() -> dict:
        status, headers, job = http("POST", server + "/api/articles", body, {"Content-Type": "application/json"})
        assert status == 202 and headers["Location"] == job["status_url"]
        return wait_job(server, job["status_url"], timeout=300)

    first = post()
    assert first["status"] == "done" and first["added"] is True
    second = post()
    assert (second["article_id"], second["added"]) == (first["article_id"], False)
    doc = _get(f"{server}/api/articles/{first['article_id']}")
    assert doc["outlet"] == "Test Wire" and doc["title"] == "Upload test" and doc["entities"]
