"""Span metrics: one-to-one overlap matching, token sets, normalisation; and brat parsing."""

from __future__ import annotations

import pytest

from rashomon.evaluation.brat import parse_ann
from rashomon.evaluation.metrics import PRF, match_one_to_one, normalise_span, overlap, token_prf


@pytest.mark.parametrize("a,b,n", [((0, 5), (3, 8), 2), ((0, 5), (5, 8), 0), ((2, 4), (0, 10), 2), ((0, 0), (0, 1), 0)])
def test_metrics_spans_overlap(a, b, n):
    assert overlap(a, b) == n


def test_metrics_spans_one_to_one_never_reuses_gold():
    pred = [(0, 10), (2, 8), (20, 30)]
    gold = [(1, 9)]
    pairs = match_one_to_one(pred, gold, lambda i, j: overlap(pred[i], gold[j]) > 0)
    assert pairs == [(0, 0)]
    prf = PRF(len(pairs), len(pairs), len(pred), len(gold))
    assert prf.precision == pytest.approx(1 / 3) and prf.recall == 1.0 and prf.f1 == pytest.approx(0.5)


def test_metrics_spans_empty_is_zero_not_error():
    assert PRF().f1 == 0.0 and PRF(n_gold=3).recall == 0.0


def test_metrics_spans_tokens_and_normalise():
    text = "He said “we will win,” today."
    assert text[slice(*normalise_span(text, (8, 22)))] == "we will win"
    prf = token_prf(text, [(8, 22)], [(9, 20)])
    assert (prf.matched_pred, prf.n_pred, prf.n_gold) == (3, 3, 3)


def test_metrics_spans_brat_parse_with_fragments_and_bad_lines():
    ann = (
        "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 12;20 25\tx\nbroken line\nT9\tCue x y\tz\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\nE2\tAttribution:T9 Content:T404\n"
    )
    (att,) = parse_ann(ann)
    assert att.content == [(8, 12), (20, 25)] and att.cue == [(3, 7)] and att.source == [(0, 2)]
