"""Acceptance: held-out recall >= 0.95 at <= 0.5% false merges on shuffled pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.names.evaluate import translit_benchmark


@pytest.mark.slow
def test_evaluate_corpus_heldout_meets_target(translit_train: Path) -> None:
    scores = translit_benchmark(translit_train, heldout=True)
    assert scores.tp + scores.fn > 5000, "held-out split unexpectedly small"
    assert scores.recall >= 0.95, scores.summary()
    assert scores.false_merge_rate <= 0.005, scores.summary()
