"""A day of the month is a date, never a count: «20 апреля», "on 20 April", "April 20"."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

CASES = [
    ("Тихановская заявила, что 20 апреля выборы прошли спокойно.", []),
    ("Митинг назначен на 3 мая, пришли 200 человек.", [("200", "человек")]),
    ("The vote on 20 April was calm.", []),
    ("On April 20, 300 people marched.", [("300", "people")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_quantities_dates_day_of_month_is_no_count(analyzer, text, expected):
    art = analyzer.analyze_text(text)
    assert [(q.text, q.head) for q in art.quantities] == expected
