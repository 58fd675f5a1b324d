"""The one comparison view model: conflicts ranked by confidence, then updates, agreements and
unique claims; labels and the hidden-conflict note; every renderer shows the same order."""

from __future__ import annotations

import re

import pytest

from rashomon.render.compare_html import render_compare_page
from rashomon.render.compare_text import render_compare_text
from rashomon.render.compare_view import CLI_HINT, CONFIG_HINT, comparison_rows, hidden_note
from tests.compare.handbuilt import GIVEN, RANKED, articles, sample_comparison


def test_compare_view_rows_ranked_then_sections():
    comp = sample_comparison()
    assert [f.id for f in comp.conflicts] == GIVEN  # handed over out of rank order
    rows = comparison_rows(comp)
    assert [r.id for r in rows] == RANKED + ["r1", "a1", "u1"]
    assert [r.section for r in rows] == ["conflicts"] * 3 + ["updates", "agreements", "unique"]
    assert [r.confidence_label for r in rows] == ["0.93", "0.77", "0.61", "", "", ""]
    top = rows[0]
    assert (top.kind, top.frame_slot) == ("quantity", "frame: people detained; differs in: quantity")
    assert [(p.source, p.source_entity, p.text) for p in top.positions] == [("Police", "E1", "30"),
                                                                            ("Activists", "E2", "200")]
    assert [p.anchor for p in top.positions] == ["x2.0", "x2.1"]


def test_compare_view_rows_spans_point_at_the_text():
    arts = {a.id: a for a in articles()}
    for row in comparison_rows(sample_comparison()):
        for p in row.positions:
            assert arts[p.article].text[p.start:p.end] == p.text, row.id


def test_compare_view_rows_equal_confidence_keeps_engine_order():
    comp = sample_comparison()
    for f in comp.conflicts:
        f.confidence = 0.7
    assert [r.id for r in comparison_rows(comp) if r.section == "conflicts"] == GIVEN


@pytest.mark.parametrize(
    "hidden,threshold,hint,expected",
    [
        (2, 0.5, CLI_HINT, "2 more conflicts below confidence 0.5; --min-confidence 0 shows all"),
        (1, 0.75, CLI_HINT, "1 more conflict below confidence 0.75; --min-confidence 0 shows all"),
        (3, 0.5, CONFIG_HINT, "3 more conflicts below confidence 0.5; " + CONFIG_HINT),
        (0, 0.5, CLI_HINT, ""),  # nothing held back: no note
        (0, 0.0, CLI_HINT, ""),
    ],
)
def test_compare_view_rows_hidden_note(hidden, threshold, hint, expected):
    assert hidden_note(sample_comparison(hidden=hidden, min_confidence=threshold), hint) == expected


def test_compare_view_rows_same_order_in_text_and_html():
    comp = sample_comparison()
    text = render_compare_text(comp)
    html = render_compare_page(comp, articles())
    in_text = re.findall(r"^  (?:\d\.\d\d )?(x\d|r\d|a\d|u\d) ", text, flags=re.M)
    in_html = re.findall(r'<tr class="jump row-\w+" data-id="(\w+)"', html)
    expected = [r.id for r in comparison_rows(comp)]
    assert in_text == expected
    assert in_html == expected
