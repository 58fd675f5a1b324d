"""Dates: ISO values with granularity, relative to the published date; no model needed."""

from __future__ import annotations

import pytest

from rashomon.dates import extract_dates
from rashomon.model import Article

CASES = [
    ("aired on 22.04.2021, two days later", "2021-04-22", [("22.04.2021", "2021-04-22", "day")]),
    ("on Monday the talks began", "2021-04-22", [("Monday", "2021-04-19", "day")]),
    ("before August 9th", "2021-04-22", [("August 9th", "2020-08-09", "day")]),
    ("in August 2020 and in 2004", None, [("August 2020", "2020-08", "month"), ("2004", "2004", "year")]),
    ("the 1994 election", None, [("1994", "1994", "year")]),
    ("встреча 9 августа 2020 года", None, [("9 августа 2020 года", "2020-08-09", "day")]),
    ("в марте 2021 г. и в 2004 году", None, [("в марте 2021 г.", "2021-03", "month"), ("2004 году", "2004", "year")]),
    ("встреча 1 мая", None, [("1 мая", "--05-01", "day")]),
    ("в понедельник", None, [("в понедельник", None, "relative-day")]),
    ("no date here, 200 people and 15,000 more", None, []),
    # A month named alone: after a preposition or a part of the month, yearless, never guessed.
    ("primaries in mid May and a vote by the end of June", "2013-02-01",
     [("in mid May", "--05", "month"), ("by the end of June", "--06", "month")]),
    ("In March, 2016, and last December", None, [("March, 2016", "2016-03", "month"), ("last December", "--12", "month")]),
    ("выборы в середине мая, решение до конца июня", None,
     [("в середине мая", "--05", "month"), ("до конца июня", "--06", "month")]),
    ("В мае и с марта", None, [("В мае", "--05", "month"), ("с марта", "--03", "month")]),
    # Not months: a surname, a verb, a possessive, a name before another name, «Мая» the name.
    ("Theresa May said May I ask", None, []),
    ("a speech by May in May's cabinet", None, []),
    ("in May Day parades", None, []),
    ("the March on Washington", None, []),
    ("Мая Плисецкая и мама", None, []),
    # Two years joined by a hyphen are two years, as with a dash; a season, a code or a phone
    # number is none.
    ("served from 1967 to 1979, in 1982-1993 and 1914\u20131918", None,
     [("1967", "1967", "year"), ("1979", "1979", "year"), ("1982", "1982", "year"), ("1993", "1993", "year"),
      ("1914", "1914", "year"), ("1918", "1918", "year")]),
    ("the 2008-2009 recession", None, [("2008", "2008", "year"), ("2009", "2009", "year")]),
    ("the 2019-20 season, call 2012-2034-55, ISBN 978-2019-2020", None, []),
]


@pytest.mark.parametrize("text,published,expected", CASES, ids=[c[0][:25] for c in CASES])
def test_dates_extract_table(text, published, expected):
    art = Article(id="d", text=text, published=published)
    got = [(d.text, d.iso, d.granularity) for d in extract_dates(art)]
    assert got == expected
    for d in extract_dates(art):
        assert text[d.start : d.end] == d.text
