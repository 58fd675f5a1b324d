"""Scoring conflicts against gold divergences: span overlap on both sides, either order;
precision undefined (None) when nothing is predicted; pooled verdicts raise precision only."""

from __future__ import annotations

import pytest

from rashomon.evaluation.compare_eval import _pool
from rashomon.evaluation.divergence_scores import Predicted, matches, score
from rashomon.evaluation.divergences import Divergence, Side

GOLD = Divergence("tg/5", "quantity", Side("tg/5/first", 10, 20, "author"), Side("tg/5/second", 30, 40, "author"))


@pytest.mark.parametrize(
    "positions,ok",
    [
        ([("tg/5/first", 12, 15), ("tg/5/second", 35, 50)], True),
        ([("tg/5/second", 0, 31), ("tg/5/first", 19, 25)], True),  # either order
        ([("tg/5/first", 0, 10), ("tg/5/second", 30, 40)], False),  # touching is not overlapping
        ([("tg/5/first", 12, 15), ("tg/5/first", 35, 50)], False),  # wrong document
        ([("tg/5/first", 12, 15)], False),
    ],
)
def test_divergence_scores_matches(positions, ok):
    assert matches(Predicted("tg/5", "quantity", 0.9, positions), GOLD) is ok


def test_divergence_scores_other_unit_never_matches():
    assert not matches(Predicted("tg/6", "quantity", 0.9, [("tg/5/first", 12, 15), ("tg/5/second", 35, 50)]), GOLD)


def test_divergence_scores_counts_by_language_and_kind():
    hit = Predicted("tg/5", "quantity", 0.9, [("tg/5/first", 12, 15), ("tg/5/second", 35, 50)])
    miss = Predicted("tg/5", "polarity", 0.9, [("tg/5/first", 100, 110), ("tg/5/second", 100, 110)])
    rep = score(["tg/5"], [hit, miss], [GOLD])
    assert (rep.overall.precision, rep.overall.recall) == (0.5, 1.0)
    assert rep.by_language["ru"].n_pred == 2 and rep.by_kind["polarity"].precision == 0.0
    assert rep.kind_agreement == 1.0


def test_divergence_scores_nothing_predicted_is_undefined_precision():
    rep = score(["tg/5"], [], [GOLD])
    assert rep.overall.precision is None and rep.overall.recall == 0.0 and rep.overall.f1 is None
    assert rep.as_dict()["overall"]["precision"] is None


def test_divergence_scores_pooled_verdicts_raise_precision_not_recall():
    other = Predicted("tg/5", "polarity", 0.9, [("tg/5/first", 100, 110), ("tg/5/second", 100, 110)])
    rep = score(["tg/5"], [other], [GOLD])
    verdict = Divergence("tg/5", "polarity", Side("tg/5/first", 100, 105, "author"), Side("tg/5/second", 104, 108, "author"))
    _pool(rep, [verdict])
    assert rep.overall.precision == 1.0 and rep.overall.recall == 0.0


@pytest.mark.parametrize(
    "unit,lang",
    [
        ("tg/5", "ru"),
        ("semeval/ru/24147+24148", "ru"),
        ("basil/2016/59f2", "en"),
        ("semeval/en/111+112", "en"),
    ],
)
def test_divergence_scores_language_of(unit, lang):
    from rashomon.evaluation.divergence_scores import language_of

    assert language_of(unit) == lang
