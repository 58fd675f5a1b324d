"""Fitting the paragraph stage: rows from gold lines, per-label weights, thresholds cross-fitted by group."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("scipy")

from rashomon.techniques.paragraphs import FEATURES  # noqa: E402
from rashomon.training.paragraph_fit import FLOOR_GRID, GRID, StageRows, cross_fitted, fit_stage, micro_f1  # noqa: E402

LABELS = ["Loaded_Language", "Doubt"]


def _rows(n: int, seed: int) -> StageRows:
    """Loaded_Language follows its token evidence; Doubt has too few positives to model."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2, len(FEATURES)))
    Y = np.zeros((n, 2), dtype=bool)
    Y[:, 0] = X[:, 0, FEATURES.index("tok_max")] + 0.3 * rng.normal(size=n) > 0.8
    Y[:3, 1] = True
    X[..., FEATURES.index("rule")] = 0  # lexicon lines are always kept: none here
    X[:, 1, FEATURES.index("found")] = 0
    X[:3, 1, FEATURES.index("found")] = 1
    return StageRows(X, Y, np.zeros(n, dtype=int), np.asarray(["en"] * n), np.arange(n) // 10)


def test_paragraph_fit_learns_evidence_and_threshold():
    rows = _rows(600, 1)
    stage = fit_stage(rows, LABELS, rows.article % 3, l2=1.0)
    assert stage.active.tolist() == [True, False]  # Doubt: 3 positives, below MIN_POSITIVES
    assert stage.weights[0, FEATURES.index("tok_max")] > 1.0
    assert stage.thresholds["en"] in GRID
    test = _rows(400, 2)
    decided = stage.decide(test.X, "en")
    assert decided[:3, 1].all() and not decided[3:, 1].any()  # the span decision, kept
    assert micro_f1(decided, test) > 0.8


def test_paragraph_fit_one_group_keeps_default_threshold():
    rows = _rows(200, 3)
    stage = fit_stage(rows, LABELS, np.zeros(200, dtype=int), l2=1.0)
    assert stage.thresholds == {"en": 0.5}


@pytest.mark.parametrize(
    "pred, other, expected",
    [
        ([[True, False]], 0, 1.0),
        ([[True, True]], 0, 2 / 3),
        ([[False, False]], 0, 0.0),
        ([[True, False]], 1, 2 / 3),  # a gold label the model does not know is always missed
    ],
)
def test_paragraph_fit_micro_f1(pred, other, expected):
    rows = StageRows(np.zeros((1, 2, len(FEATURES))), np.asarray([[True, False]]), np.asarray([other]),
                     np.asarray(["en"]), np.asarray([0]))
    assert micro_f1(np.asarray(pred), rows) == pytest.approx(expected)


def test_paragraph_fit_evidence_floor_cuts_lines_without_their_own_evidence():
    # Gold needs a loaded article AND some evidence in the line: the logistic model, additive, also
    # accepts evidence-free lines of loaded articles; the floor (chosen on cross-fitted lines) cuts them.
    rng = np.random.default_rng(4)
    n = 900
    X = rng.normal(size=(n, 2, len(FEATURES)))
    art = np.repeat(rng.normal(size=n // 10) * 2, 10)
    X[:, 0, FEATURES.index("art_tok")] = art
    X[:, 0, FEATURES.index("tok_max")] = rng.uniform(-6, 1, size=n)
    X[:, 0, FEATURES.index("sent_max")] = -6
    X[..., FEATURES.index("rule")] = 0
    X[..., FEATURES.index("found")] = 0
    evidence = 1 / (1 + np.exp(-X[:, 0, FEATURES.index("tok_max")]))
    Y = np.zeros((n, 2), dtype=bool)
    Y[:, 0] = (art > 0) & (evidence >= 0.1)
    rows = StageRows(X, Y, np.zeros(n, dtype=int), np.asarray(["en"] * n), np.arange(n) // 10)
    stage = fit_stage(rows, LABELS, rows.article % 3, l2=1.0)
    assert stage.evidence_floor["en"] in FLOOR_GRID and stage.evidence_floor["en"] >= 0.05
    assert fit_stage(rows, LABELS, np.zeros(n, dtype=int), l2=1.0).evidence_floor == {"en": 0.0}


def test_paragraph_fit_cross_fit_keeps_span_decision_where_a_fold_cannot_model():
    # Doubt has 10 positive lines, all in group 0: enough to model overall, none without group 0.
    rows = _rows(600, 5)
    group = (rows.article % 3).astype(int)
    doubt = np.flatnonzero(group == 0)[:10]
    rows.Y[:, 1] = False
    rows.Y[doubt, 1] = True
    rows.X[:, 1, FEATURES.index("found")] = 0
    rows.X[doubt[:4], 1, FEATURES.index("found")] = 1
    prob = cross_fitted(rows, LABELS, group, l2=1.0)
    held = group == 0
    # Without group 0 Doubt cannot be modelled: group 0 keeps what the spans said, not a flat 0.5.
    assert np.array_equal(prob[held, 1], rows.X[held, 1, FEATURES.index("found")])
    assert fit_stage(rows, LABELS, group, l2=1.0).active.tolist() == [True, True]


def _embedded(n: int, seed: int) -> tuple[StageRows, np.ndarray]:
    """Rows whose Loaded_Language gold follows one direction of a 512-d 'embedding', not the span features."""
    rng = np.random.default_rng(seed)
    rows = _rows(n, seed)
    V = rng.normal(size=(n, 512)).astype(np.float32)
    rows.Y[:, 0] = V[:, 7] > 0.9
    rows.lines = np.stack([np.arange(n) * 10, np.arange(n) * 10 + 5], axis=1)
    return rows, V


def test_paragraph_fit_encoded_stage_uses_the_embedding():
    from rashomon.techniques.paragraphs import ENCODED_FEATURES, ParagraphStage
    from rashomon.training.paragraph_fit import encoder_column, fit_encoded_stage

    rows, V = _embedded(1500, 3)
    stage = fit_encoded_stage(V, rows, LABELS, rows.article % 3, l2=1.0, encoder_l2=10.0)
    assert stage.features == ENCODED_FEATURES and stage.weights.shape == (2, len(ENCODED_FEATURES))
    assert stage.encoder.active.tolist() == [True, False]
    # The stage leans on the encoder's column, which is out of fold: a row's value comes from
    # an encoder that did not see the row's group.
    assert stage.weights[0, -1] > 1.0
    col = encoder_column(V, rows, LABELS, rows.article % 3, 10.0)
    assert col.shape == (1500, 2) and not col[:, 1].any()
    test, V2 = _embedded(400, 4)
    X = np.concatenate([test.X, stage.encoder.logits(V2, test.lang)[..., None]], axis=-1)
    plain = fit_stage(rows, LABELS, rows.article % 3, l2=1.0)  # the same rows, no embedding
    assert micro_f1(stage.decide(X, "en"), test) > micro_f1(plain.decide(test.X, "en"), test) + 0.2
    # It survives model.json.
    back = ParagraphStage.from_json(stage.to_json())
    assert np.allclose(back.probabilities(X), stage.probabilities(X))
    assert np.allclose(back.encoder.logits(V2, "ru"), stage.encoder.logits(V2, "ru"), atol=1e-4)


def test_paragraph_fit_encoder_rejects_rows_without_lines():
    from rashomon.training.paragraph_fit import row_vectors

    with pytest.raises(ValueError, match="line spans"):
        row_vectors([], _rows(10, 0))


@pytest.mark.parametrize("value,ok", [("words", True), ("sentence", True), ("Words", False), ("", False), ("encoder", False)])
def test_paragraph_fit_config_paragraph_vectors(value, ok):
    from rashomon.training.config import TrainConfig

    if ok:
        assert TrainConfig(paragraph_vectors=value).paragraph_vectors == value
    else:
        with pytest.raises(ValueError, match="paragraph_vectors"):
            TrainConfig(paragraph_vectors=value)
