"""Years and months compare across outlets only between claims that read alike: "has led the
council since 2002" / "since 2003" is a conflict; a year in one person's career against a year in
another's is not."""

from __future__ import annotations

import pytest

from rashomon.compare import compare_articles

pytestmark = pytest.mark.slow

_LEAD = "The city council of Norwalk met on Monday to choose a new chairman after a long dispute over the budget. "


def _dates(analyzer, a: str, b: str) -> list:
    arts = [analyzer.analyze_text(_LEAD + t, source=f"t{k}") for k, t in enumerate((a, b))]
    return [c for c in compare_articles(arts, min_confidence=0.0).conflicts if c.kind == "date"]


def test_detect_coarse_dates_same_claim_other_year(analyzer):
    found = _dates(analyzer, "Mary Olsen has led the city council since 2002.",
                   "Mary Olsen has led the city council since 2003, her opponents said.")
    assert found and {p.text for p in found[0].positions} == {"2002", "2003"}


def test_detect_coarse_dates_different_events_do_not_compare(analyzer):
    assert not _dates(analyzer, "Peter Grant served on the council for 24 years before retiring in 2014.",
                      "Anna Weber, who joined the council staff in 1996, was named deputy chairman in 2016.")


@pytest.mark.parametrize(
    "a,b,conflict",
    [
        # two monthly reports, each a series of two months: rows, not one date told two ways
        ("The unemployment rate fell to 4.1 percent in March from 4.4 percent in February, the bureau said.",
         "The unemployment rate fell to 3.9 percent in April from 4.1 percent in March, the bureau said.", False),
        # one month each, the same statement: still a conflict
        ("The unemployment rate fell to 4.1 percent in March, the bureau said.",
         "The unemployment rate fell to 4.1 percent in April, the bureau said.", True),
    ],
)
def test_detect_coarse_dates_series_are_rows(analyzer, a, b, conflict):
    arts = [analyzer.analyze_text(t, source=f"s{k}") for k, t in enumerate((a, b))]
    found = [c for c in compare_articles(arts, min_confidence=0.0).conflicts if c.kind == "date"]
    assert bool(found) is conflict
