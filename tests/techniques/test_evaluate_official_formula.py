"""Scorers: SemEval-2020 Task 11 partial-overlap span formula and SemEval-2023 paragraph micro-F1."""

import pytest

from rashomon.techniques.evaluate import merge_spans, paragraph_labels, paragraph_scores, span_scores


def test_evaluate_official_formula_partial_overlap_gets_partial_credit():
    # gold [0,10), predicted [5,15): |s∩t| = 5; P = 5/10, R = 5/10.
    rep = span_scores({"a": [("X", 5, 15)]}, {"a": [("X", 0, 10)]})
    assert rep.si.precision == pytest.approx(0.5)
    assert rep.si.recall == pytest.approx(0.5)
    assert rep.labelled.f1 == pytest.approx(0.5)


def test_evaluate_official_formula_credit_sums_over_all_gold_pairs():
    # one prediction covering two gold spans: P = (4+4)/10 / 1, R = (4/4 + 4/4) / 2.
    rep = span_scores({"a": [("X", 0, 10)]}, {"a": [("X", 0, 4), ("X", 6, 10)]})
    assert rep.si.precision == pytest.approx(0.8)
    assert rep.si.recall == pytest.approx(1.0)


def test_evaluate_official_formula_label_aware_needs_matching_labels_but_si_does_not():
    rep = span_scores({"a": [("Y", 0, 10)]}, {"a": [("X", 0, 10)]})
    assert rep.si.f1 == pytest.approx(1.0)
    assert rep.labelled.f1 == 0.0
    assert rep.per_label["X"].recall == 0.0


def test_evaluate_official_formula_si_merges_overlapping_spans_first():
    assert merge_spans([(0, 5), (3, 8), (10, 12)]) == [(0, 8), (10, 12)]
    rep = span_scores({"a": [("X", 0, 5), ("Y", 3, 8)]}, {"a": [("X", 0, 8)]})
    assert rep.si.n_pred == 1 and rep.si.f1 == pytest.approx(1.0)


def test_evaluate_official_formula_spans_map_to_every_line_they_overlap():
    text = "Title\n\nOne two.\nThree four."
    start = text.index("two")
    lines = paragraph_labels(text, [("Doubt", start, text.index("four"))])
    assert dict(lines) == {3: {"Doubt"}, 4: {"Doubt"}}


def test_evaluate_official_formula_paragraph_micro_f1_counts_only_listed_lines():
    gold = {"a": {1: {"Doubt"}, 3: set()}}
    pred = {"a": {1: {"Doubt", "Slogans"}, 2: {"Doubt"}}}
    rep = paragraph_scores(pred, gold, ["Doubt", "Slogans"])
    # tp 1 (Doubt@1), fp 1 (Slogans@1), line 2 is not listed.
    assert rep.micro.precision == pytest.approx(0.5)
    assert rep.micro.recall == pytest.approx(1.0)
    assert "micro" in rep.table()
