"""Hostile article text (<script>, on* handlers, javascript: links) shows as text and never runs."""

from __future__ import annotations

import re
import urllib.request

import pytest

pytestmark = pytest.mark.slow

MARKERS = ("window.__xss", "document.title")


def _assert_inert(page) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.title() != "pwned"
    # No element built from article text became markup.
    assert page.locator("script:not([src]):not([type='application/json'])").count() == 0
    assert page.locator("img[onerror], svg, iframe, b[onmouseover], [onload], [onclick]").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0


def test_web_xss_nothing_executes_on_any_page(page, server, articles, screenshots):
    doc = articles["a_x"]
    assert "<script>" in doc["title"]
    urls = [f"/articles/{doc['id']}", "/", "/search?q=Breaking+news", "/search?q=onerror",
            f"/compare?ids={doc['id']},{articles['b_k']['id']}", "/entities"]
    luka = re.search(r"/entities/(E\d+)\">[^<]*Lukash", urllib.request.urlopen(server + "/entities").read().decode())
    if luka:
        urls.append(f"/entities/{luka.group(1)}")
    for url in urls:
        response = page.goto(server + url)
        assert response.status == 200, url
        _assert_inert(page)
    page.goto(f"{server}/articles/{doc['id']}")
    text = page.locator("#text").inner_text()
    assert "<script>window.__xss = 1;" in text and 'onerror="window.__xss = 2' in text
    assert "<script>" in page.locator("#title").inner_text()
    # Clicking every highlighted span and the would-be link text runs nothing either.
    for seg in page.locator("#text .seg").all()[:40]:
        seg.click()
    page.get_by_text("Click here", exact=False).first.click()
    page.wait_for_timeout(200)
    _assert_inert(page)
    assert page.url.startswith(server)
    page.screenshot(path=str(screenshots / "xss.png"), full_page=False)


def test_web_xss_escaped_in_raw_html(server, articles):
    doc = articles["a_x"]
    for url in (f"/articles/{doc['id']}", "/", "/search?q=Breaking"):
        html = urllib.request.urlopen(server + url).read().decode()
        for bad in ("<script>window.__xss", "<img src=x", "<a href=\"javascript:", "<svg onload", "<iframe"):
            assert bad not in html, (url, bad)
        assert "&lt;script&gt;" in html or "\\u003cscript\\u003e" in html
