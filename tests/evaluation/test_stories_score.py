"""Story scores: pair precision / recall / F1 over all pairs or judged pairs, largest story;
gold from the shared corpora when present."""

from __future__ import annotations

import pytest

from rashomon.evaluation.stories import StoryGold, basil_gold, score_stories, tg_gold
from tests.conftest import DATA, need

ALL_PAIRS = StoryGold(docs=["a1", "a2", "a3", "b1", "b2", "c1"], pairs=None,
                      labels={"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C"}, largest=3)
JUDGED = StoryGold(docs=["x", "y", "z", "w"], pairs=[("x", "y", True), ("z", "w", False), ("x", "z", True)],
                   labels={"x": "X", "y": "X", "z": "X", "w": "W"}, largest=3)


@pytest.mark.parametrize(
    "gold,stories,p,r,largest",
    [
        (ALL_PAIRS, [["a1", "a2", "a3"], ["b1", "b2"], ["c1"]], 1.0, 1.0, 3),  # perfect
        (ALL_PAIRS, [["a1", "a2", "a3", "b1", "b2", "c1"]], 4 / 15, 1.0, 6),  # one blob
        (ALL_PAIRS, [], 0.0, 0.0, 1),  # all singletons (unplaced documents)
        (ALL_PAIRS, [["a1", "a2"], ["a3", "b1"]], 0.5, 0.25, 2),  # split and wrong merge
        (ALL_PAIRS, {"a1": "s", "a2": "s", "b1": "t", "b2": "t"}, 1.0, 0.5, 2),  # mapping form
        (JUDGED, [["x", "y", "z", "w"]], 2 / 3, 1.0, 4),  # unjudged pairs do not count
        (JUDGED, [["x", "y"], ["z", "w"]], 0.5, 0.5, 2),
    ],
)
def test_stories_score_pairs(gold, stories, p, r, largest):
    s = score_stories(stories, gold)
    assert s.precision == pytest.approx(p)
    assert s.recall == pytest.approx(r)
    assert s.f1 == pytest.approx(2 * p * r / (p + r) if p + r else 0.0)
    assert s.largest == largest and s.gold_largest == gold.largest
    assert set(s.as_dict()) >= {"precision", "recall", "f1", "largest", "gold_largest"}


def test_stories_score_gold_from_corpora():
    need(DATA / "basil")
    need(DATA / "tgcontest_ru_dev")
    basil = basil_gold(DATA)
    assert len(basil.docs) == 300 and basil.largest == 3 and basil.pairs is None
    tune, test = basil_gold(DATA, "tune"), basil_gold(DATA, "test")
    assert sorted(tune.docs + test.docs) == basil.docs
    tg = tg_gold(DATA)
    assert len(tg.pairs) == 40 and sum(same for *_, same in tg.pairs) == 22
    # One text sits on several lines, so gold stories exceed a pair.
    assert tg.largest >= 3
    tg_tune, tg_test = tg_gold(DATA, "tune"), tg_gold(DATA, "test")
    assert len(tg_tune.pairs) + len(tg_test.pairs) == 40
    # The gold scores itself perfectly.
    gold_stories: dict[str, list[str]] = {}
    for doc, label in tg.labels.items():
        gold_stories.setdefault(label, []).append(doc)
    assert score_stories(list(gold_stories.values()), tg).f1 == 1.0
