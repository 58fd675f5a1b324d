"""Agreements: the similarity two statements need depends on their language (the encoder scores
Russian rewrites lower than English ones), on sentences written for these tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from rashomon.compare import compare_articles
from rashomon.compare.detect import AGREE, AGREE_WITHIN, agree_at


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("ru", "ru", AGREE_WITHIN["ru"]),
        ("en", "en", AGREE),
        ("en", "ru", AGREE),  # across languages: the translation scale
        ("ru", "en", AGREE),
        ("und", "und", AGREE),
    ],
)
def test_detect_agreements_threshold_by_language(a, b, expected):
    assert agree_at(SimpleNamespace(language=a), SimpleNamespace(language=b)) == expected


def test_detect_agreements_russian_threshold_is_lower():
    assert AGREE_WITHIN["ru"] < AGREE


def _agreements(analyzer, first: str, second: str):
    arts = [analyzer.analyze_text(t, source=f"o{k}") for k, t in enumerate((first, second))]
    result = compare_articles(arts, min_confidence=0.0)
    text_of = {a.id: a.text for a in arts}
    for f in result.agreements:
        for p in f.positions:
            assert text_of[p.article][p.start : p.end] == p.text
    return [{p.text for p in f.positions} for f in result.agreements]


CASES = [
    # The encoder scores this Russian rewrite about 0.67 and its English twin about 0.71: the
    # first is an agreement, the second stays below the English line.
    pytest.param(
        "Водитель грузовика выехал на встречную полосу. Уголовное дело в отношении водителя грузовика передано в районный суд.",
        "Грузовик вылетел на встречку. Дело водителя грузовика передали в районный суд в октябре.",
        "передано в районный суд", True, id="ru-rewrite",
    ),
    pytest.param(
        "The truck driver swerved into the oncoming lane. The criminal case against the truck driver was sent to the district court.",
        "The truck veered into oncoming traffic. The truck driver's case was handed to the district court in October.",
        "sent to the district court", False, id="en-twin",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("first", "second", "needle", "agreed"), CASES)
def test_detect_agreements_rewrites_by_language(analyzer, first, second, needle, agreed):
    found = any(any(needle in t for t in texts) for texts in _agreements(analyzer, first, second))
    assert found is agreed
