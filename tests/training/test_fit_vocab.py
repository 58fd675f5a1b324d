"""The training vocabulary: features must recur across distinct articles, not within one."""

from __future__ import annotations

import pytest

from rashomon.techniques.formats import GoldArticle
from rashomon.training.data import prepare
from rashomon.training.fit import build_vocab


def _items(texts: list[tuple[str, str]]):
    return [prepare(GoldArticle(i, t, "en", [], None, "ptc2020"), ["Loaded_Language"]) for i, t in texts]


@pytest.mark.parametrize(
    ("min_docs", "kept"),
    [
        (1, {"zelenograd", "regime", "again"}),
        (2, {"regime", "again"}),  # "zelenograd" lives in one story (twice, and in its copy)
        (3, {"again"}),
        (4, set()),
    ],
)
def test_fit_vocab_counts_articles_by_id(min_docs, kept):
    texts = [
        ("1", "Zelenograd regime. Zelenograd again."),
        ("1", "Zelenograd regime! Zelenograd again!"),  # the same article in a second corpus
        ("2", "The regime again."),
        ("3", "Nothing again."),
    ]
    vocab = build_vocab(_items(texts), min_count=2, min_docs=min_docs)
    words = set(vocab.lists["words"])
    assert {"zelenograd", "regime", "again"} & words == kept
    # Prefixes, suffixes and bigrams are filtered the same way.
    assert ("zelen" in vocab.lists["prefixes"]) is (min_docs <= 1)
