"""A span of years told two ways ("served from 1967 to 1979" / "held the seat from 1966 to
1978") is a date conflict when both statements read alike and name one holder; the same span,
spans of two periods, or years that are no span are not."""

from __future__ import annotations

import pytest

from rashomon.compare import compare_articles

pytestmark = pytest.mark.slow

_LEAD = "Governor Lane named Paul Okafor to the vacant Senate seat on Wednesday after weeks of talks. "


def _dates(analyzer, a: str, b: str) -> list:
    arts = [analyzer.analyze_text(_LEAD + t, source=f"t{k}") for k, t in enumerate((a, b))]
    return [c for c in compare_articles(arts, min_confidence=0.0).conflicts if c.kind == "date"]


@pytest.mark.parametrize("a, b, spans", [
    ("Okafor will be the second black senator from the state, after Edward Brooke, who served from 1967 to 1979.",
     "Okafor will be the state's first black senator since Edward Brooke, a Republican, held the seat from 1966 to 1978.",
     {"1967 to 1979", "1966 to 1978"}),
    ("Okafor will be the first senator from the county since Ruth Hale, who served between 1981 and 1993.",
     "Okafor will be the first senator from the county since Ruth Hale, who held the seat from 1982 to 1993.",
     {"1981 and 1993", "1982 to 1993"}),
])
def test_detect_year_spans_one_tenure_two_ways(analyzer, a, b, spans):
    found = _dates(analyzer, a, b)
    assert found and {p.text for p in found[0].positions} == spans


@pytest.mark.parametrize("a, b", [
    # the same span
    ("Okafor succeeds Edward Brooke, who served from 1967 to 1979.",
     "Okafor succeeds Edward Brooke, who held the seat from 1967 to 1979."),
    # two periods of one career, far apart
    ("Okafor succeeds Edward Brooke, who served as attorney general from 1963 to 1967.",
     "Okafor succeeds Edward Brooke, who served as senator from 1967 to 1979."),
    # the other article also writes the first's span: reconciled (a correction, a quote)
    ("Okafor succeeds Edward Brooke, who served from 1967 to 1979.",
     "Okafor succeeds Edward Brooke, who held the seat from 1966 to 1978. Some records say 1967 and 1979."),
    # two years that are no span
    ("Okafor succeeds Edward Brooke, who won in 1966 and 1972.",
     "Okafor succeeds Edward Brooke, who won in 1967 and 1973."),
])
def test_detect_year_spans_not_a_conflict(analyzer, a, b):
    assert not [c for c in _dates(analyzer, a, b) if "\u2013" in c.why]
