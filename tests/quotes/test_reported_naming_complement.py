"""A naming verb's complement in marks that the parse hung on a noun inside the object ("calling
her remarks about his candidacy “highly inappropriate”"): the naming verb's subject says it, and
the cue noun inside the object does not get the quoted words (session 54; sentences we wrote)."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name contains / None, content, cue)
CASES = [
    ("The governor on Monday attacked the senator for speaking out on the budget, calling her angry remarks "
     "about his plan “deeply irresponsible” and suggesting that she owed voters an apology.",
     [("The governor", "the senator for speaking out on the budget", "attacked"),
      ("The governor", "her angry remarks about his plan “deeply irresponsible”", "calling"),
      ("her", "his plan", "remarks"),
      ("The governor", "that she owed voters an apology", "suggesting")]),
    # A noun in marks the parse read as the object's apposition (session 55).
    ('Yang Shu, director of the Institute of Central Asian Studies at Lanzhou University, calls Horgos "a mistake" '
     "because so few people are in its vicinity.",
     [("Yang Shu", 'Horgos "a mistake"', "calls")]),
    # Controls: a complement the parse gets right, and a cue noun with no naming verb over it.
    ("Critics called the plan “reckless”.", [("Critics", "the plan “reckless”", "called")]),
    ("Her remarks about his plan were widely shared.", [("Her", "his plan", "remarks")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_reported_naming_complement_table(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
