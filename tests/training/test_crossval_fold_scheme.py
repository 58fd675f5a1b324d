"""Fold schemes: under "time" the newest fold trains no model that scores an older fold."""

from __future__ import annotations

import inspect
import random

import pytest

from rashomon.cli.train import train_techniques
from rashomon.techniques.formats import GoldArticle, GoldSpan
from rashomon.training import TrainConfig
from rashomon.training import crossval
from rashomon.training.data import assign_folds, prepare

_FILL = [f"filler{i}" for i in range(300)]


def _article(n: int) -> GoldArticle:
    """Two paragraphs: one with a loaded phrase ('vile cowards'), one neutral."""
    rng = random.Random(1000 + n)
    loaded = "The vile cowards " + " ".join(rng.choice(_FILL) for _ in range(12)) + "."
    plain = "The committee met " + " ".join(rng.choice(_FILL) for _ in range(12)) + "."
    spans = [GoldSpan("Loaded_Language", 4, 16)]
    return GoldArticle(str(710000000 + n), loaded + "\n" + plain, "en", spans, {1: {"Loaded_Language"}, 2: set()}, "semeval2023")


@pytest.mark.parametrize(
    ("scheme", "share", "k", "newest_trains_older"),
    [
        ("time", 0.2, 3, False),  # the newest fold is kept out of the models scoring older folds
        ("time", 0.2, 4, False),
        ("random", 0.2, 3, True),  # every fold is scored by a model of all the others
        ("time", 0.0, 3, True),  # no newest fold: nothing to keep apart, all folds random
        ("time", 0.2, 2, True),  # one older fold: its model needs the newest, so random
    ],
)
def test_crossval_fold_scheme_training_sets(monkeypatch, scheme, share, k, newest_trains_older):
    arts = [_article(n) for n in range(15)]
    cfg = TrainConfig(
        min_count=1, min_docs=1, iters_token=20, iters_sentence=20, vec_dims=0, folds=k, time_share=share,
        min_examples=1, fold_scheme=scheme, floor_grid=(),
    )
    items = [prepare(g, ["Loaded_Language"]) for g in arts]
    folds, time_fold = assign_folds(arts, cfg.folds, cfg.seed, cfg.time_share)
    assert time_fold is (share > 0)
    fold_of = {g.id: f for g, f in zip(arts, folds)}
    trained: list[set[str]] = []
    real_fit = crossval.fit

    def recording_fit(train_items, labels, config):
        trained.append({it.gold.id for it in train_items})
        return real_fit(train_items, labels, config)

    monkeypatch.setattr(crossval, "fit", recording_fit)
    got_folds, _, scores, _ = crossval.out_of_fold(items, ["Loaded_Language"], cfg, lambda _: None)
    assert got_folds == folds and all(s is not None for s in scores)
    assert len(trained) == k
    older = set(range(1, k))
    for f, ids in enumerate(trained):
        folds_seen = {fold_of[i] for i in ids}
        assert f not in folds_seen  # never trained on what it scores
        if f == 0:
            assert folds_seen == older
        else:
            assert (0 in folds_seen) is newest_trains_older
            assert folds_seen - {0} == older - {f}


def test_crossval_fold_scheme_time_thresholds_tuned(monkeypatch):
    """The whole cross-validation runs under the default scheme and tunes a threshold per language."""
    arts = [_article(n) for n in range(15)]
    cfg = TrainConfig(min_count=1, min_docs=1, iters_token=20, iters_sentence=20, vec_dims=0, min_examples=1)
    assert cfg.fold_scheme == "time" and cfg.folds == 3
    res = crossval.cross_validate(arts, ["Loaded_Language"], cfg, log=lambda _: None)
    assert res.folds == 3 and set(res.thresholds["token"]) == {"en"}
    assert res.newest_articles == {"en": 3}


@pytest.mark.parametrize(("value", "ok"), [("time", True), ("random", True), ("newest", False), ("", False)])
def test_crossval_fold_scheme_validated(value, ok):
    if ok:
        assert TrainConfig(fold_scheme=value).fold_scheme == value
    else:
        with pytest.raises(ValueError, match="fold_scheme"):
            TrainConfig(fold_scheme=value)


def test_crossval_fold_scheme_cli_defaults_match_config():
    params = inspect.signature(train_techniques).parameters
    assert params["fold_scheme"].default.default == TrainConfig().fold_scheme
    assert params["folds"].default.default == TrainConfig().folds


@pytest.mark.parametrize(
    ("scheme", "share", "said"),
    [("time", 0.2, True), ("random", 0.2, False), ("time", 0.0, False)],  # no newest fold: no scheme to tell
)
def test_crossval_fold_scheme_on_the_model_card(scheme, share, said):
    from dataclasses import asdict

    from rashomon.training.card import model_card

    meta = {"config": asdict(TrainConfig(fold_scheme=scheme, time_share=share)), "cross_validation": {"folds": 3}}
    assert ("Fold scheme `time`" in model_card(meta, "", 1000)) is said
