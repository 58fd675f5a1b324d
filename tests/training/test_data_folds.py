"""Folds: one group per article id and per near-duplicate story; the newest ids as fold 0."""

from __future__ import annotations

import random

import pytest

from rashomon.techniques.formats import GoldArticle
from rashomon.training.data import article_groups, group_folds, newest

_WORDS = [f"w{i}" for i in range(4000)]


def _story(seed: int, n: int = 120) -> str:
    """A text of n distinct-looking words; two seeds share (almost) no 5-word shingle."""
    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) for _ in range(n)) + "."


def _art(i: str, text: str, corpus: str = "semeval2023", lang: str = "en") -> GoldArticle:
    return GoldArticle(i, text, lang, [], {1: set()}, corpus)


@pytest.mark.parametrize(
    ("second", "together"),
    [
        ("same", True),  # re-published verbatim under another id
        ("prefix", True),  # the shorter copy is wholly inside the longer
        ("half", True),  # half of the text shared: containment 0.5 >= 0.3
        ("other", False),  # an unrelated story
        ("tenth", False),  # only a tenth shared: below the containment threshold
    ],
)
def test_data_folds_near_duplicates_share_a_group(second, together):
    base = _story(1)
    words = base.split()
    other = _story(2)
    text = {
        "same": base,
        "prefix": " ".join(words[:60]),
        "half": " ".join(words[:60]) + " " + " ".join(other.split()[:60]),
        "other": other,
        "tenth": " ".join(words[:12]) + " " + " ".join(other.split()[:108]),
    }[second]
    arts = [_art("700000001", base), _art("700000002", text)] + [_art(str(800000000 + i), _story(10 + i)) for i in range(8)]
    groups = article_groups(arts)
    assert (groups[0] == groups[1]) is together
    assert len(set(groups[2:])) == 8
    folds = group_folds(arts, 5, 13)
    if together:
        assert folds[0] == folds[1]


def test_data_folds_same_id_across_corpora_is_one_group():
    arts = [_art(str(700000000 + i), _story(i), "ptc2020") for i in range(10)]
    arts += [_art(str(700000000 + i), _story(i) + " edited", "semeval2023") for i in range(10)]
    folds = group_folds(arts, 5, 13)
    assert all(folds[i] == folds[i + 10] for i in range(10))
    assert len(set(folds)) == 5


def test_data_folds_newest_ids_are_fold_zero_per_language():
    en = [_art(str(700000000 + i * 1000), _story(i)) for i in range(10)]
    ru = [_art(f"24{i}", _story(100 + i), lang="ru") for i in range(1, 11)]
    ptc = [_art(str(700000000 + 9000), _story(9), "ptc2020")]  # the PTC copy of the newest en article
    arts = en + ru + ptc
    held = newest(arts, 0.2)
    assert [a.id for a, h in zip(arts, held) if h] == ["700008000", "700009000", "249", "2410", "700009000"]
    folds = group_folds(arts, 3, 13, time_share=0.2)
    assert [f == 0 for f in folds] == held
    assert set(folds) == {0, 1, 2}
    assert newest(arts, 0.0) == [False] * len(arts)


@pytest.mark.parametrize(("n", "timed"), [(10, True), (2, False), (1, False)])
def test_data_folds_time_fold_needs_older_groups_for_the_other_folds(n, timed):
    from rashomon.training.data import assign_folds

    arts = [_art(str(700000000 + i), _story(i)) for i in range(n)]
    folds, is_timed = assign_folds(arts, 3, 13, time_share=0.2)
    assert is_timed is timed
    if timed:
        assert folds[-2:] == [0, 0] and 0 not in folds[:-2]
    assert len(folds) == n
