"""`compare` holds slim copies of articles: the comparison must be exactly the one over full articles."""

from __future__ import annotations

import pytest

from rashomon.compare import compare_articles
from rashomon.compare.slim import slim_for_compare
from rashomon.render.compare_html import render_compare_page
from tests.conftest import FIXTURES, SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def full(analyzer):
    paths = [FIXTURES / "en_summit.txt", FIXTURES / "ru_summit.txt", *sorted(SEEDS.glob("*.txt"))]
    result = analyzer.analyze_paths([p for p in paths if p.exists()])
    assert not result.errors and len(result.articles) >= 2
    return result.articles


def test_slim_keeps_comparison_identical(full):
    slim = [slim_for_compare(a) for a in full]
    # Slimmer: no mentions, no quoted-phrase layer; the tree stays (comparison reads it).
    assert all(not a.mentions and not a.quoted for a in slim)
    assert sum(len(a.mentions) + len(a.quoted) for a in full) > 0
    assert compare_articles(slim) == compare_articles(full)


def test_slim_keeps_comparison_page_identical(full):
    doc = compare_articles(full)
    slim = [slim_for_compare(a, display=True) for a in full]
    assert render_compare_page(doc, slim) == render_compare_page(doc, full)


def test_slim_keeps_comparison_spans_valid(full):
    for art in full:
        slim = slim_for_compare(art)
        assert all(slim.text[t.start:t.end] == t.text for t in slim.tokens)
        assert [(t.dep, t.head) for t in slim.tokens] == [(t.dep, t.head) for t in art.tokens]
        slim.check_spans()
