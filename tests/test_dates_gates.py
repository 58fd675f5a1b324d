"""The dates patterns' gates (`dates._gated_patterns`) only skip scans that could find nothing:
every match of a gated pattern contains its gate, and gated and ungated scans agree. No model needed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.dates import _gated_patterns, _holiday_patterns, _matches

HOLIDAYS = [
    "Christmas Day", "Christmas Eve", "New Year's Day", "New Year’s Eve", "Valentine's Day", "Halloween",
    "the Fourth of July", "Fourth of July", "July Fourth", "Veterans Day", "Armistice Day", "Remembrance Day",
    "Victory Day", "Bastille Day", "St. Patrick's Day", "St Patrick’s Day", "Boxing Day", "Juneteenth 2021",
    "Thanksgiving", "Thanksgiving Day, 2019", "Memorial Day", "Labor Day", "Martin Luther King Jr. Day",
    "День Победы 1945 года", "Дня России", "Днём народного единства", "Дню защитника Отечества",
    "Международный женский день", "Днем космонавтики", "День знаний", "Татьянин день", "Первомая",
    "Дня святого Валентина", "Хэллоуина",
]
OTHERS = [
    "at 8.30 pm", "8 p.m.", "20:30", "at 20.00", "в 8.30", "5 o’clock", "в 13 часов вечера", "12/05/2020",
    "2020-05-09", "May 9, 2020", "9th of May 2020", "9 мая 2020 года", "March, 2019", "в мае 2020 г.",
    "in mid May", "by the end of March", "в конце мая", "last Monday", "в понедельник", "вчера", "in 1999 году",
    "Theresa May", "3.5 million", "no date here at all", "",
]


def _ungated(text: str) -> tuple:
    """Every pattern's matches, scanning every text with every pattern (what the gates must equal)."""
    out = []
    for pattern, _granularity, _gate in _gated_patterns():
        value = "v" in pattern.groupindex
        out.append(tuple((*(m.span("v") if value else m.span()), m.group()) for m in pattern.finditer(text)))
    return tuple(out)


@pytest.mark.parametrize("text", HOLIDAYS + OTHERS)
def test_dates_gates_same_matches_as_ungated(text):
    assert _matches(text) == _ungated(text)


@pytest.mark.parametrize("text", HOLIDAYS + OTHERS)
def test_dates_gates_inside_every_match(text):
    for pattern, _granularity, gate in _gated_patterns():
        for m in pattern.finditer(text):
            assert gate is None or gate.search(m.group()), (pattern.pattern, m.group())


def test_dates_gates_table_reaches_every_holiday():
    """The table above names each holiday of the data files, so the gates are tested on all of them."""
    for pattern, rule in _holiday_patterns():
        assert any(pattern.search(text) for text in HOLIDAYS), (pattern.pattern, rule)


_PIECES = ["8", "30", "20", "2020", "1999", ":", ".", "/", "-", ",", "pm", "a.m.", "AM", "o'clock", "May", "March",
           "Sept", "in", "mid", "end of", "Monday", "today", "Christmas", "Day", "Fourth", "of", "July", "St.",
           "Patrick's", "в", "мая", "марта", "года", "г.", "понедельник", "сегодня", "День", "Победы", "часов",
           "вечера", "the", "x", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join))
def test_dates_gates_property(text):
    assert _matches(text) == _ungated(text)
