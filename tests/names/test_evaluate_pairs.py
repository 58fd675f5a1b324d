"""Pair-file loading, shuffled negatives, and the scoring arithmetic."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.names.evaluate import (
    LabelledPair,
    Scores,
    load_labelled_pairs,
    load_translit_pairs,
    score_pairs,
    shuffled_negatives,
    split_of,
)
from rashomon.names.match import Match


def test_evaluate_pairs_loads_translit_format(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("rommel\tр о м м е л ь\t10\nsibley\tс и б л и\t8\n", encoding="utf-8")
    pairs = load_translit_pairs(path)
    assert [(p.latin, p.cyrillic, p.count) for p in pairs] == [("rommel", "роммель", 10), ("sibley", "сибли", 8)]


def test_evaluate_pairs_loads_labelled_format(tmp_path: Path) -> None:
    path = tmp_path / "l.tsv"
    path.write_text("# comment\nLukashenko\tЛукашэнка\t1\nZakharov\tZakharova\t0\nbad line\n", encoding="utf-8")
    assert load_labelled_pairs(path) == [
        LabelledPair("Lukashenko", "Лукашэнка", True),
        LabelledPair("Zakharov", "Zakharova", False),
    ]


def test_evaluate_pairs_shuffled_negatives_are_deterministic_and_foreign() -> None:
    pairs = [(f"l{i}", f"c{i}") for i in range(50)] + [("yefim", "ефим"), ("jefim", "ефим")]
    negatives = shuffled_negatives(pairs, seed=3)
    assert negatives == shuffled_negatives(pairs, seed=3)
    own = dict(pairs)
    assert all(own[latin] != cyrillic for latin, cyrillic in negatives)
    assert len(negatives) >= len(pairs) - 2


def test_evaluate_pairs_split_is_stable() -> None:
    splits = [split_of(f"name{i}") for i in range(2000)]
    assert splits == [split_of(f"name{i}") for i in range(2000)]
    assert 0.07 < splits.count("heldout") / 2000 < 0.13
    assert 0.07 < splits.count("dev") / 2000 < 0.13


def test_evaluate_pairs_score_arithmetic() -> None:
    def matcher(a: str, b: str) -> Match:
        return Match(a, b, 1.0, a[0] == b[0], "first letter")

    pairs = [LabelledPair("ab", "ax", True), LabelledPair("ab", "bx", True),
             LabelledPair("cd", "cx", False), LabelledPair("cd", "dx", False)]
    s = score_pairs(pairs, matcher)
    assert (s.tp, s.fn, s.fp, s.tn) == (1, 1, 1, 1)
    assert s.precision == s.recall == s.f1 == s.false_merge_rate == pytest.approx(0.5)
    assert "F1=0.5000" in s.summary()


def test_evaluate_pairs_empty_scores_are_defined() -> None:
    s = Scores(0, 0, 0, 0, 0.0)
    assert (s.precision, s.recall, s.false_merge_rate, s.pairs_per_second) == (1.0, 1.0, 0.0, 0.0)


def test_evaluate_pairs_file_with_real_matcher(tmp_path: Path) -> None:
    from rashomon.names.evaluate import evaluate_pairs_file

    path = tmp_path / "p.tsv"
    path.write_text("Lukashenko\tЛукашэнка\t1\nZakharov\tZakharova\t0\nHomel\tGomel\t1\n", encoding="utf-8")
    s = evaluate_pairs_file(path)
    assert (s.tp, s.fp, s.fn, s.tn) == (2, 0, 0, 1)
