"""Holidays on a fixed day are days (lang/<code>/holidays.tsv): resolved to the occurrence nearest
the published date, or in the year written with them; yearless without either; a weekday rule
("the 4th Thursday of November") needs a year. Country-dependent and movable holidays, and a
bare "Christmas", are not days. No model needed."""

from __future__ import annotations

import pytest

from rashomon.dates import date_spans, extract_dates, named_day
from rashomon.model import Article

CASES = [
    ("Казань оказалась последней по индексу самоизоляции в День Победы", "2020-05-10",
     [("День Победы", "2020-05-09", "day")]),
    ("накануне Дня России", "2021-06-01", [("Дня России", "2021-06-12", "day")]),
    ("в Международный женский день", None, [("Международный женский день", "--03-08", "day")]),
    ("День Победы 1945 года", None, [("День Победы 1945 года", "1945-05-09", "day")]),
    ("On Christmas Eve 1914 the soldiers sang", None, [("Christmas Eve 1914", "1914-12-24", "day")]),
    ("the parade on Thanksgiving Day", "2019-11-20", [("Thanksgiving Day", "2019-11-28", "day")]),
    ("over Memorial Day weekend", "2019-05-20", [("Memorial Day", "2019-05-27", "day")]),
    ("a New Year's Eve party", "2020-01-03", [("New Year's Eve", "2019-12-31", "day")]),
    # nearest occurrence: early January looks back to the Christmas just past
    ("since Christmas Day", "2021-01-05", [("Christmas Day", "2020-12-25", "day")]),
    # a weekday rule without a year has no day
    ("every Thanksgiving", None, []),
    # not days: a season, a country's own holiday, a name inside a longer name
    ("Christmas shopping began early", "2020-11-20", []),
    ("Independence Day celebrations", "2020-07-01", []),
    ("в Рождество", "2020-12-20", []),
    ("the Victory Daylight company", None, []),
]


@pytest.mark.parametrize("text,published,expected", CASES, ids=[c[0][:25] for c in CASES])
def test_dates_holidays_table(text, published, expected):
    art = Article(id="h", text=text, published=published)
    got = [(d.text, d.iso, d.granularity) for d in extract_dates(art)]
    assert got == expected
    for d in extract_dates(art):
        assert text[d.start : d.end] == d.text


@pytest.mark.parametrize("text,expected", [("День Победы", True), ("Christmas Eve", True), ("9 мая", False),
                                           ("Tuesday", False), ("Christmas", False)])
def test_dates_holidays_named_day(text, expected):
    assert named_day(text) is expected


def test_dates_holidays_spans_are_days():
    assert date_spans("в День Победы") == [(2, 13, "day")]
