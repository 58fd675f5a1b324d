"""/docs renders in Chromium with every non-loopback request refused (no CDN)."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest

from rashomon.web.security import DOCS_CSP
from tests.web.conftest import _serve

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def docs_server(tmp_path_factory):
    """`rashomon serve` over an empty database: the API document needs no articles."""
    yield from _serve(tmp_path_factory.mktemp("docs") / "empty.sqlite")


def _offline_page(chromium, base: str):  # noqa: ANN202 - (context, page, requests seen, refused, errors)
    context = chromium.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    seen: list[str] = []
    refused: list[str] = []
    errors: list[str] = []
    page.on("request", lambda req: seen.append(req.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    host = urlsplit(base).netloc

    def block(route) -> None:  # noqa: ANN001
        refused.append(route.request.url)
        route.abort()

    # The network is off except our own server: everything else is refused and recorded.
    page.route(re.compile(rf"^(?!{re.escape(base)}/).*"), block)
    return context, page, seen, refused, errors, host


def test_docs_offline_swagger_lists_operations(chromium, docs_server):
    context, page, seen, refused, errors, host = _offline_page(chromium, docs_server)
    try:
        page.goto(docs_server + "/docs")
        page.wait_for_selector(".opblock", state="visible")
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        for wanted in ("/api/articles", "/api/overview", "/api/search", "/api/compare", "/api/jobs/{job_id}"):
            assert any(p.replace("\u200b", "") == wanted for p in paths), (wanted, paths)
        assert refused == [] and all(urlsplit(u).netloc == host for u in seen if not u.startswith("data:")), seen
        assert errors == [], errors
    finally:
        context.close()


def test_docs_offline_no_redoc(docs_server):
    """ReDoc's bundle loads its logo from a CDN, so it is not served."""
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(docs_server + "/redoc", timeout=10)
    assert info.value.code == 404


def test_docs_offline_csp_names_no_other_host(docs_server):
    with urllib.request.urlopen(docs_server + "/docs", timeout=10) as resp:
        csp = resp.headers["content-security-policy"]
        html = resp.read().decode()
    assert csp == DOCS_CSP
    assert "http" not in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "cdn" not in html and "http" not in html and "<script>" not in html
