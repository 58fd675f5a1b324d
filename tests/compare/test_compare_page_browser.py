"""The compare HTML page in a real headless Chromium: main elements visible, rows jump, screenshot."""

from __future__ import annotations

import pytest

from rashomon.compare import compare_articles
from rashomon.render.compare_html import render_compare_page

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
