"""The text report of a hand-built Comparison: conflicts ranked by confidence with kind, why,
frame/slot and both positions; updates; the note on conflicts held below the threshold."""

from __future__ import annotations

import pytest

from rashomon.render.compare_text import render_compare_text
from tests.compare.handbuilt import RANKED, sample_comparison


def _conflict_block(text: str) -> str:
    return text.split("CONFLICTS", 1)[1].split("UPDATES", 1)[0]


def test_compare_text_ranking_order_and_fields():
    text = render_compare_text(sample_comparison())
    block = _conflict_block(text)
    heads = [f"0.93 {RANKED[0]} quantity", f"0.77 {RANKED[1]} origin", f"0.61 {RANKED[2]} date"]
    at = [block.index(h) for h in heads]
    assert at == sorted(at)
    assert "people detained: 30 vs 200 (quantity differs)" in block  # why
    assert "(frame: people detained; differs in: quantity)" in block
    assert "Police [aaaaaaaaaaa1 36:38]: 30" in block and "Activists [bbbbbbbbbbb2 42:45]: 200" in block
    assert "in: Police in Minsk said 30 people were detained at the rally on Sunday." in block


def test_compare_text_ranking_updates_agreements_unique():
    text = render_compare_text(sample_comparison())
    updates = text.split("UPDATES", 1)[1].split("AGREEMENTS", 1)[0]
    assert "(1, figures an article revises itself)" in updates
    assert "r1 quantity: people injured" in updates and "four" in updates and "five" in updates
    assert "r1" not in _conflict_block(text)  # an update is never listed as a conflict
    assert "a1 Police / Activists: march was peaceful" in text
    assert "u1 Activists [bbbbbbbbbbb2]: Volunteers handed out water." in text


@pytest.mark.parametrize(
    "hidden,threshold,note",
    [
        (2, 0.5, "… 2 more conflicts below confidence 0.5; --min-confidence 0 shows all"),
        (1, 0.8, "… 1 more conflict below confidence 0.8; --min-confidence 0 shows all"),
        (0, 0.5, None),  # nothing held back: no note
    ],
)
def test_compare_text_ranking_hidden_note(hidden, threshold, note):
    block = _conflict_block(render_compare_text(sample_comparison(hidden=hidden, min_confidence=threshold)))
    assert f"ranked by confidence, at least {threshold:g}" in block
    if note is None:
        assert "below confidence" not in block
    else:
        assert block.rstrip().endswith(note)


def test_compare_text_ranking_without_conflicts():
    comp = sample_comparison(hidden=4)
    comp.conflicts = []
    block = _conflict_block(render_compare_text(comp))
    assert block.startswith(" (0, ranked") and "4 more conflicts below confidence 0.5" in block
    assert "0.93" not in block
