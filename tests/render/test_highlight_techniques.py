"""Technique marks: a paragraph-level judgement is drawn apart from a span found in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.model import Article, Technique
from rashomon.render.highlight import article_marks
from rashomon.render.html import render_article_page
from rashomon.techniques.taxonomy import paragraph_level

TEXT = "The corrupt regime lied again.\n\nOfficials met today."


def _tech(start: int, end: int, why: str) -> Technique:
    return Technique("Loaded_Language", start, end, TEXT[start:end], why, 0.4)


@pytest.mark.parametrize(
    ("why", "css"),
    [
        ("paragraph stage: 0.34 that this paragraph uses it, likeliest sentence shown", "tech-para"),
        ("model (words): 0.71; top features 'corrupt' +1.20", "tech"),
        ("lexicon: 'corrupt'", "tech"),
        ("quoted phrase with no speech cue", "tech"),
        ("the paragraph stage said nothing here", "tech"),  # the words anywhere but first are no marker
    ],
)
def test_highlight_techniques_paragraph_level_has_its_own_class(why, css):
    art = Article(id="a", text=TEXT, techniques=[_tech(4, 11, why)])
    (mark,) = article_marks(art)
    assert mark.css == css and paragraph_level(why) == (css == "tech-para")


def test_highlight_techniques_page_styles_and_hides_both():
    art = Article(id="a", text=TEXT, techniques=[_tech(0, 30, "paragraph stage: 0.3 that this paragraph uses it"),
                                                 _tech(4, 11, "model (words): 0.71")])
    page = render_article_page(art)
    # The sentence alone, then the word under both (the found span's class wins by order, below).
    assert '<span class="seg tech-para"' in page and '<span class="seg tech tech-para"' in page
    assert "body.hide-techniques .tech, body.hide-techniques .tech-para" in page
    # The found span is styled after the paragraph one, so where both cover a word the span shows.
    assert page.index(".tech-para {") < page.index(".tech {")


def test_highlight_techniques_web_and_compare_styles_hide_both():
    root = Path(__file__).resolve().parents[2] / "src" / "rashomon"
    for css in (root / "web" / "static" / "style.css", root / "templates" / "compare.html"):
        text = css.read_text(encoding="utf-8")
        assert "body.hide-techniques .tech, body.hide-techniques .tech-para" in text, css
        assert text.index(".tech-para {") < text.index(".tech {"), css
