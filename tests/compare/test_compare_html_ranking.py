"""The standalone HTML page of a hand-built Comparison: the table ranks conflicts by
confidence, shows kind, why, frame/slot and both sources, marks every position on its column,
notes conflicts held below the threshold, and escapes what the engine passes through."""

from __future__ import annotations

import json
import re

import pytest

from rashomon.render.compare_html import render_compare_page
from tests.compare.handbuilt import RANKED, articles, sample_comparison


def _rows(html: str) -> list[tuple[str, str, str]]:
    """(section, id, confidence) for every table row, in page order."""
    return re.findall(r'<tr class="jump row-(\w+)" data-id="(\w+)"[^>]*>\s*(?:<td class="confidence">([^<]*)</td>)?',
                      html)


def test_compare_html_ranking_table_order():
    html = render_compare_page(sample_comparison(), articles())
    rows = _rows(html)
    assert [r[1] for r in rows if r[0] == "conflicts"] == RANKED
    assert [r[2] for r in rows if r[0] == "conflicts"] == ["0.93", "0.77", "0.61"]
    assert [r[:2] for r in rows if r[0] != "conflicts"] == [("updates", "r1"), ("agreements", "a1"),
                                                            ("unique", "u1")]
    table = html.split('<section id="conflicts">', 1)[1].split("</section>", 1)[0]
    assert "frame: people detained; differs in: quantity" in table
    assert "people detained: 30 vs 200 (quantity differs)" in table
    assert "<b>Police</b>" in table and "<b>Activists</b>" in table
    assert "conflicts (confidence ≥ 0.5): 3 · updates: 1" in html


def test_compare_html_ranking_every_position_is_marked():
    arts = articles()
    html = render_compare_page(sample_comparison(), arts)
    details = json.loads(re.search(r'<script type="application/json" id="details-data">(.*?)</script>', html,
                                   flags=re.S).group(1))
    targets = re.findall(r'data-targets="([^"]*)"', html)
    anchors = [t for group in targets for t in group.split()]
    assert len(anchors) == 3 * 2 + 2 + 2 + 1
    for anchor in anchors:
        assert f'id="{anchor}"' in html, anchor  # the row can jump there
    top = details["aaaaaaaaaaa1:x2.0"]
    assert (top["text"], top["confidence"], top["source"], top["layer"]) == ("30", "0.93", "Police", "quantity")
    assert details["aaaaaaaaaaa1:r1.0"]["confidence"] is None  # updates carry no conflict confidence


@pytest.mark.parametrize("hidden,note", [(2, "2 more conflicts below confidence 0.5; --min-confidence 0 shows all"),
                                         (0, None)])
def test_compare_html_ranking_hidden_note(hidden, note):
    html = render_compare_page(sample_comparison(hidden=hidden), articles())
    if note is None:
        assert "hidden-note" not in html and "below confidence" not in html
    else:
        assert f'<tr class="hidden-note"><td colspan="4"><small>{note}</small>' in html


def test_compare_html_ranking_escapes_engine_text():
    comp = sample_comparison()
    comp.conflicts[1].topic = "<script>alert(1)</script>"
    comp.conflicts[1].positions[0].source_name = '<img src=x onerror="alert(2)">'
    html = render_compare_page(comp, articles())
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<img src=x" not in html
