"""Cross-validation reports the newest articles (fold 0) apart from the random grouped folds."""

from __future__ import annotations

import random

import pytest

from rashomon.techniques.formats import GoldArticle, GoldSpan
from rashomon.training import TrainConfig
from rashomon.training.crossval import cross_validate

_FILL = [f"word{i}" for i in range(300)]


def _article(n: int) -> GoldArticle:
    """Two paragraphs: a loaded one ('shameful traitors') and a neutral one."""
    rng = random.Random(n)
    loaded = "The shameful traitors " + " ".join(rng.choice(_FILL) for _ in range(12)) + "."
    plain = "Officials met " + " ".join(rng.choice(_FILL) for _ in range(12)) + "."
    text = loaded + "\n" + plain
    spans = [GoldSpan("Loaded_Language", 4, 22)]
    return GoldArticle(str(700000000 + n), text, "en", spans, {1: {"Loaded_Language"}, 2: set()}, "semeval2023")


@pytest.mark.parametrize(("share", "newest"), [(0.2, 3), (0.0, 0)])
def test_crossval_newest_reported_apart(share, newest):
    arts = [_article(n) for n in range(15)]
    cfg = TrainConfig(min_count=1, iters_token=30, iters_sentence=30, vec_dims=0, folds=3, time_share=share, min_examples=1)
    res = cross_validate(arts, ["Loaded_Language"], cfg, log=lambda _: None)
    summary = res.summary()
    if newest:
        assert res.newest_articles == {"en": newest}
        assert "semeval2023_en_newest_paragraph_micro_f1" in summary
        # The paragraph stage is scored on the same newest articles, fitted on the older ones.
        for reports in (res.newest_stage, res.newest_stage_label, res.newest_stage_encoded):
            assert reports["en"].micro.n_gold == res.newest["en"].micro.n_gold
        assert {"semeval2023_en_newest_stage_gate_paragraph_micro_f1",
                "semeval2023_en_newest_stage_label_paragraph_micro_f1",
                "semeval2023_en_newest_stage_encoded_paragraph_micro_f1"} <= set(summary)
        # Fold 0 is the newest ids; the random folds' report covers the rest only.
        assert res.semeval["en"].micro.n_gold + res.newest["en"].micro.n_gold == len(arts)
    else:
        assert res.newest == {} and "semeval2023_en_newest_paragraph_micro_f1" not in summary
        assert res.newest_stage == {}
        assert res.semeval["en"].micro.n_gold == len(arts)
    assert res.stage is not None and res.stage.labels == ["Loaded_Language"]
    # The encoder variant is fitted beside it (its last feature the encoder's).
    assert res.stage_encoded is not None and res.stage_encoded.features[-1] == "emb"


def test_crossval_encoder_stage_can_be_turned_off():
    arts = [_article(n) for n in range(15)]
    cfg = TrainConfig(min_count=1, iters_token=30, iters_sentence=30, vec_dims=0, folds=3, min_examples=1,
                      paragraph_encoder=False)
    res = cross_validate(arts, ["Loaded_Language"], cfg, log=lambda _: None)
    assert res.stage is not None and res.stage_encoded is None and res.newest_stage_encoded == {}
