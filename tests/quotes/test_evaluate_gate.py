"""Evaluation gate: quote attribution must not regress below the issue's targets."""

from __future__ import annotations

import pytest

from rashomon.ingest.text import article_from_text
from rashomon.quotes.evaluate import evaluate_quotes
from tests.conftest import DATA, FIXTURES, need

pytestmark = pytest.mark.slow


def _scorer(analyzer):
    def analyze(text, name):
        return analyzer.analyze(article_from_text(text, name, title_from_first_line=False)).quotes

    return analyze


def test_evaluate_gate_russian_fixture(analyzer):
    scores = evaluate_quotes(FIXTURES / "ru_quotes", _scorer(analyzer))
    assert scores.docs == 8
    assert scores.scores["content_tokens"].f1 >= 0.80
    assert scores.scores["source_tokens"].f1 >= 0.60


def test_evaluate_gate_polnear_dev_sample(analyzer):
    data = need(DATA / "polnear" / "train")
    scores = evaluate_quotes(data, _scorer(analyzer), split="dev", limit=40)
    assert scores.docs == 40
    assert scores.scores["content_overlap"].f1 >= 0.60
    assert scores.scores["content_source"].f1 >= 0.50
