"""The compare HTML page in a real headless Chromium: main elements visible, rows ranked by
confidence and jumping to their spans, the hidden-conflict note, screenshot."""

from __future__ import annotations

import pytest

from rashomon.compare import compare_articles
from rashomon.render.compare_html import render_compare_page
from tests.compare.handbuilt import RANKED, articles, sample_comparison

pytestmark = pytest.mark.slow


def test_compare_page_browser_seeds(seed_articles, chromium, tmp_path):
    arts = list(seed_articles.values())
    page_file = tmp_path / "compare.html"
    page_file.write_text(render_compare_page(compare_articles(arts), arts), encoding="utf-8")
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_file.as_uri())
    for selector in ("#conflicts table", "#summary", "#columns .col", "tr.jump"):
        assert page.locator(selector).first.is_visible(), selector
    assert page.locator("#columns .col").count() == 2
    assert "who is behind the coup" in page.locator("#conflicts").inner_text()
    # A conflict row jumps to its span, which flashes.
    page.locator("tr.jump").first.click()
    page.wait_for_timeout(300)
    assert page.locator(".flash").count() >= 1
    # Clicking a highlighted span shows its explanation; a layer toggle hides a layer.
    page.locator(".pos-conflict").first.click()
    assert "topic" in page.locator("#details").inner_text()
    page.locator("input.toggle[data-layer=entities]").uncheck()
    assert "hide-entities" in page.evaluate("document.body.className")
    page.screenshot(path=str(tmp_path / "compare.png"), full_page=False)
    assert (tmp_path / "compare.png").stat().st_size > 10_000
    assert errors == []
    page.close()


def test_compare_page_browser_ranked_rows_jump(chromium, tmp_path):
    """A hand-built comparison (no models): what the reader sees is ranked, and each row jumps."""
    arts = articles()
    page_file = tmp_path / "ranked.html"
    page_file.write_text(render_compare_page(sample_comparison(), arts), encoding="utf-8")
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_file.as_uri())
    rows = page.locator("#conflicts tr.row-conflicts")
    assert rows.count() == 3
    assert [rows.nth(i).get_attribute("data-id") for i in range(3)] == RANKED
    assert [rows.nth(i).locator("td.confidence").inner_text() for i in range(3)] == ["0.93", "0.77", "0.61"]
    assert page.locator("#conflicts tr.row-updates").count() == 1
    note = page.locator("#conflicts tr.hidden-note")
    assert note.is_visible() and "2 more conflicts below confidence 0.5" in note.inner_text()
    # The top row jumps to both of its spans: "30" in one column, "200" in the other.
    rows.first.click()
    page.wait_for_timeout(300)
    flashed = page.locator(".col .flash")
    assert sorted(flashed.nth(i).inner_text() for i in range(flashed.count())) == ["200", "30"]
    page.locator(".col .pos-conflict", has_text="200").first.click()
    assert "confidence: 0.93" in page.locator("#details").inner_text()
    page.screenshot(path=str(tmp_path / "ranked.png"), full_page=False)
    assert errors == []
    page.close()


def test_compare_page_browser_escapes_text(analyzer, chromium, tmp_path):
    evil = analyzer.analyze_text('Minsk <img src=x onerror="document.title=\'pwned\'"> said <script>document.title="pwned"</script> things.')
    other = analyzer.analyze_text("Minsk officials said nothing happened.")
    arts = [evil, other]
    page_file = tmp_path / "evil.html"
    page_file.write_text(render_compare_page(compare_articles(arts), arts), encoding="utf-8")
    page = chromium.new_page()
    page.goto(page_file.as_uri())
    page.wait_for_timeout(200)
    assert page.title() != "pwned"
    assert "<script>" in page.locator("#columns").inner_text()
    page.close()
