"""The lowest allowed threshold is chosen per language on held-out folds (ties: the higher floor)."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.training.tune import COMBOS, ComboStats, choose_floor, tune

GRID = (0.25, 0.3, 0.4, 0.5)


def _stats(langs: list[str], para_of) -> ComboStats:
    """One label; paragraph counts per article and combo from `para_of(lang, token_th, sent_th)`."""
    n, c = len(langs), len(COMBOS)
    para = np.zeros((n, 1, c, 3), dtype=np.float32)
    for i, lang in enumerate(langs):
        for k, (tt, ts) in enumerate(COMBOS):
            para[i, 0, k] = para_of(lang, tt, ts)
    return ComboStats(
        span=np.zeros((n, 1, c, 3), dtype=np.float32),
        n_gold=np.zeros((n, 1), dtype=np.float32),
        para=para,
        has_span=np.zeros(n, dtype=bool),
        has_para=np.ones(n, dtype=bool),
        lang=np.asarray(langs),
    )


def _low_pays(lang, tt, ts):
    """en: only sentence thresholds under 0.3 find the gold paragraph; ru: token 0.4 does, lower adds false flags."""
    if lang == "en":
        return (1, 0, 0) if ts < 0.3 else (0, 0, 1)
    if min(tt, ts) < 0.4:
        return (1, 3, 0)
    return (1, 0, 0) if tt <= 0.4 else (0, 0, 1)


@pytest.mark.parametrize(
    ("para_of", "expected"),
    [
        (_low_pays, {"en": 0.25, "ru": 0.4}),
        (lambda lang, tt, ts: (1, 1, 1), {"en": 0.5, "ru": 0.5}),  # a tie keeps the higher floor
    ],
)
def test_tune_floor_chosen_per_language_on_held_out_folds(para_of, expected):
    langs = ["en"] * 6 + ["ru"] * 6
    st = _stats(langs, para_of)
    folds = np.asarray([0, 1, 2] * 4)
    floors = choose_floor(st, ["Loaded_Language"], folds, None, GRID, span_weight=0.0)
    assert floors == expected
    th = tune(st, ["Loaded_Language"], min_threshold=floors)
    for lang, floor in floors.items():
        assert min(th["token"][lang]["Loaded_Language"], th["sentence"][lang]["Loaded_Language"]) >= floor


def test_tune_floor_masked_articles_only():
    langs = ["en"] * 6 + ["ru"] * 6
    st = _stats(langs, _low_pays)
    mask = np.asarray([True] * 6 + [False] * 6)
    assert choose_floor(st, ["Loaded_Language"], np.asarray([0, 1, 2] * 4), mask, GRID, 0.0) == {"en": 0.25}
