"""Every page in headless Chromium against `rashomon serve`: click a span, see why; toggle a layer."""

from __future__ import annotations

import re

import pytest

from tests.conftest import need, SEEDS

pytestmark = pytest.mark.slow


def _open(page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    assert page.locator("nav.top").is_visible()


def test_web_pages_overview(page, server, screenshots):
    _open(page, server + "/")
    assert page.locator("#articles tr").count() >= 4  # header + articles
    assert "Minsk" in page.locator("#articles").inner_text()
    for box in ("#by-outlet", "#by-language", "#by-date", "#techniques", "#speakers", "#top-entities"):
        assert page.locator(box).is_visible(), box
    assert "Lukash" in page.locator("#top-entities").inner_text()
    page.screenshot(path=str(screenshots / "overview.png"), full_page=True)
    page.locator("#top-entities a").first.click()
    page.wait_for_url(re.compile(r"/entities/E\d+$"))


def test_web_pages_article_click_explains_and_toggles(page, server, articles, screenshots):
    doc = articles["b_k"]
    _open(page, f"{server}/articles/{doc['id']}")
    assert page.locator("#title").inner_text() == doc["title"]
    quote = next(q for q in doc["quotes"] if q["speaker_name"])
    seg = page.locator(f".seg[data-m~='{quote['id']}']").first
    seg.click()
    details = page.locator("#details-list")
    assert "quote:" in details.inner_text()
    assert f"speaker: {quote['speaker_name']}" in details.inner_text()
    assert "selected" in (seg.get_attribute("class") or "")
    # Toggle the quotes layer off: the quote underline goes, the class is on <body>.
    quote_seg = page.locator(".seg.quote").first
    assert quote_seg.evaluate("e => getComputedStyle(e).borderBottomStyle") == "solid"
    page.locator("input.toggle[data-layer=quotes]").uncheck()
    assert "hide-quotes" in page.evaluate("document.body.className")
    assert quote_seg.evaluate("e => getComputedStyle(e).borderBottomStyle") == "none"
    page.locator("input.toggle[data-layer=quotes]").check()
    # An entity mention explains itself and links to the corpus entity page.
    page.locator(".seg.ent").first.click()
    assert "entity:" in details.inner_text()
    link = page.locator("#details-list a")
    assert re.fullmatch(r"/entities/E\d+", link.get_attribute("href") or "")
    page.screenshot(path=str(screenshots / "article.png"), full_page=False)


def test_web_pages_belsat_interview_speakers(page, server, articles, screenshots):
    need(SEEDS)
    doc = articles["003"]
    _open(page, f"{server}/articles/{doc['id']}")
    speakers = {q["speaker_name"] for q in doc["quotes"]}
    for name in ("Anatol Lyabedzka", "Andrey Parotnikau"):
        assert name in speakers, speakers
        quote = next(q for q in doc["quotes"] if q["speaker_name"] == name and q["kind"] == "direct")
        page.locator(f".seg[data-m~='{quote['id']}']").first.click()
        text = page.locator("#details-list").inner_text()
        assert f"speaker: {name}" in text, text
    page.screenshot(path=str(screenshots / "belsat.png"), full_page=False)


def test_web_pages_claim_and_number_explanations(page, server, articles):
    doc = articles["b_k"]
    _open(page, f"{server}/articles/{doc['id']}")
    if doc["claims"]:
        claim = doc["claims"][0]
        page.locator(f".seg[data-m~='{claim['id']}']").first.click()
        assert "stance: " + claim["stance"] in page.locator("#details-list").inner_text()
    if page.locator(".seg.num").count():
        page.locator(".seg.num").first.click()
        assert "number:" in page.locator("#details-list").inner_text()


def test_web_pages_entity(page, server, screenshots):
    _open(page, server + "/entities")
    page.locator("#entity-list a", has_text=re.compile("Lukash")).first.click()
    page.wait_for_url(re.compile(r"/entities/E\d+$"))
    assert "Lukash" in page.locator("#entity-name").inner_text()
    variants = page.locator("#variants").inner_text()
    assert "Latin" in variants and "Cyrillic" in variants  # Лукашенко and Lukashenko/Lukashenka
    assert page.locator("#mentions a.mention").count() >= 3
    page.screenshot(path=str(screenshots / "entity.png"), full_page=False)
    page.locator("#mentions a.mention").first.click()
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]+#s=\d+-\d+$"))
    page.wait_for_selector(".flash")


def test_web_pages_search_with_filters(page, server, screenshots):
    _open(page, server + "/search")
    page.fill("input[name=q]", "Minsk")
    page.select_option("select[name=language]", "en")
    page.click("#search-form button")
    page.wait_for_url(re.compile(r"/search\?q=Minsk"))
    results = page.locator("#results")
    assert page.locator("#results mark").count() >= 1
    assert "Заговор" not in results.inner_text()
    assert "Kyiv reacts" in results.inner_text()
    page.screenshot(path=str(screenshots / "search.png"), full_page=False)
    _open(page, server + "/search?q=%D0%9C%D0%B8%D0%BD%D1%81%D0%BA%D0%B5&language=ru")
    assert "Заговор в Минске" in page.locator("#results").inner_text()
    _open(page, server + "/search?speaker=Parotnikau")
    assert "Kyiv reacts" in page.locator("#results").inner_text()


def test_web_pages_compare(page, server, articles, screenshots):
    _open(page, server + "/compare")
    a, b = articles["b_k"]["id"], articles["c_r"]["id"]
    page.check(f"#pick-articles input[value='{a}']")
    page.check(f"#pick-articles input[value='{b}']")
    page.click("#pick-articles button")
    page.wait_for_url(re.compile(r"/compare\?ids="))
    assert page.locator(".side-by-side .column").count() == 2
    # the two small articles we wrote about one event: the engine reports rows that jump to spans
    assert page.locator("#compare-table a.jump").count() >= 1
    page.locator("a.jump").first.click()
    page.wait_for_selector(".column .flash")
    page.locator(".column .seg").first.click()
    assert page.locator("#details-list dt").count() >= 1
    page.locator("input.toggle[data-layer=entities]").uncheck()
    assert "hide-entities" in page.evaluate("document.body.className")
    page.screenshot(path=str(screenshots / "compare.png"), full_page=False)


def test_web_pages_compare_seeds_story(page, server, articles, screenshots):
    need(SEEDS)
    ids = f"{articles['000']['id']},{articles['003']['id']}"
    _open(page, f"{server}/compare?ids={ids}")
    assert page.locator(".side-by-side .column").count() == 2
    if page.locator("a.jump").count():
        page.locator("a.jump").first.click()
        page.wait_for_selector(".column .flash")
    page.screenshot(path=str(screenshots / "compare-seeds.png"), full_page=False)
