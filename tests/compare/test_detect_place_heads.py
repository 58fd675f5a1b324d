"""Places said of one noun compare across articles even where the sentences read apart
("scientists from the UK" / "scientists from the US"); a country's initials are a place name."""

from __future__ import annotations

import pytest

from rashomon.compare import compare_articles
from rashomon.compare.detect import _place_name


@pytest.mark.parametrize(
    "text,span,expected",
    [
        ("Учёные из США обнаружили", (10, 13), True),  # a country's initials
        ("scientists from the US found", (20, 22), True),
        ("пришли учёные из Великобритании.Выходные", (17, 31), True),  # ends a sentence
        ("the event in Norwalk on Sunday", (13, 20), True),
        ("WASHINGTON — The Senate voted", (0, 10), False),  # a capitalised dateline
        ("Rep. Jim Himes (D-Conn.) said", (18, 22), False),  # an abbreviation before its full stop
        ("a town in Ark. voted", (10, 13), False),
        ("the U said", (4, 5), False),  # one capital is no place name
    ],
)
def test_detect_place_name(text, span, expected):
    assert _place_name(text, span) is expected


_LEAD = ("Пациенты, которых доставляют в больницу с остановкой сердца в выходные дни, выживают реже, "
         "чем те, кого привозят в будни, показало исследование больниц. ")
_FIRST = _LEAD + "К такому печальному выводу пришли учёные из Великобритании. Выходные дни — не лучшее время для больницы."
_SECOND = _LEAD + "Учёные из США обнаружили неожиданную опасность выходных дней."
_OTHER = _LEAD + "Журналисты из Франции обнаружили неожиданную опасность выходных дней."


@pytest.mark.slow
def test_detect_place_heads_origin_across_outlets(analyzer):
    arts = [analyzer.analyze_text(t, source=f"t{k}") for k, t in enumerate((_FIRST, _SECOND))]
    res = compare_articles(arts, min_confidence=0.0)
    origin = [c for c in res.conflicts if c.kind == "origin"]
    assert origin and {p.text for p in origin[0].positions} == {"Великобритании", "США"}


@pytest.mark.slow
def test_detect_place_heads_different_nouns_do_not_compare(analyzer):
    arts = [analyzer.analyze_text(t, source=f"t{k}") for k, t in enumerate((_FIRST, _OTHER))]
    res = compare_articles(arts, min_confidence=0.0)
    assert not [c for c in res.conflicts if c.kind in ("origin", "place")]
