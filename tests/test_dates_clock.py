"""Clock times are dates with granularity "time"; with a day in the same expression they get it."""

from __future__ import annotations

import pytest

from rashomon.dates import date_spans, extract_dates
from rashomon.model import Article

CASES = [
    ("the vote at 8.30 pm", None, [("8.30 pm", "T20:30", "time")]),
    ("at 8 a.m. sharp", None, [("8 a.m.", "T08:00", "time")]),
    ("12 am", None, [("12 am", "T00:00", "time")]),
    ("the 20:30 deadline", None, [("20:30", "T20:30", "time")]),
    ("митинг в 20.00, сбор в 8.30", None, [("20.00", "T20:00", "time"), ("8.30", "T08:30", "time")]),
    ("16 ноября в 20.00", "2021-01-10", [("16 ноября", "2020-11-16", "day"), ("20.00", "2020-11-16T20:00", "time")]),
    ("at 8.30 pm on 16 November", "2021-01-10", [("8.30 pm", "2020-11-16T20:30", "time"),
                                                  ("16 November", "2020-11-16", "day")]),
    ("по состоянию на 13 часов 4 мая", "2020-05-10", [("13 часов", "2020-05-04T13:00", "time"), ("4 мая", "2020-05-04", "day")]),
    ("в 8 часов вечера", None, [("8 часов вечера", "T20:00", "time")]),
    ("at 9 o'clock", None, [("9 o'clock", "T09:00", "time")]),
    # negatives: amounts and scores with a dot or colon are no times
    ("3.5 million people", None, []),
    ("at 1.50 euros each", None, []),
    ("в 2.5 раза больше", None, []),
    ("won 3:1", None, []),
    ("rose to 20.5%", None, []),
    ("5 машин", None, []),
    ("продлили на 13 часов", None, []),
    ("за 3 часа", None, []),
]


@pytest.mark.parametrize("text,published,expected", CASES, ids=[c[0][:25] for c in CASES])
def test_dates_clock_table(text, published, expected):
    art = Article(id="d", text=text, published=published)
    refs = extract_dates(art)
    assert [(d.text, d.iso, d.granularity) for d in refs] == expected
    assert all(text[d.start : d.end] == d.text for d in refs)
    # date_spans finds the same places without normalising them.
    assert [(s, e) for s, e, _ in date_spans(text)] == [(d.start, d.end) for d in refs]
