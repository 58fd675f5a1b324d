"""Quantity kind data: unit tables and cue lists read from lang/<code>/, no model needed."""

from __future__ import annotations

import re

import pytest

from rashomon.quantity_kinds import KINDS, cue_after, cue_before, unit_after, unit_before, units


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_quantities_kinds_data_tables_load(lang):
    table = units(lang)
    assert len(table) > 40
    assert {u.kind for u in table} <= set(KINDS)


@pytest.mark.parametrize("text,kind,unit,surface", [
    ("5 km of road", "measure", "km", " km"),
    ("12,000 euros", "money", "EUR", " euros"),
    ("30 per cent", "percent", "%", " per cent"),
    ("2 percentage points", "percent", "pp", " percentage points"),
    ("5 degrees Celsius", "temperature", "C", " degrees Celsius"),
    ("3 рублей", "money", "RUB", " рублей"),
    ("3 белорусских рубля", "money", "BYN", " белорусских рубля"),
    ("30 процентов", "percent", "%", " процентов"),
    ("10 лет", "duration", "year", " лет"),
    # negatives: a word that only starts like a unit is none
    ("5 kmart", None, None, None),
    ("5 машин", None, None, None),
    ("5 europeans", None, None, None),
    ("5 частей", None, None, None),
])
def test_quantities_kinds_data_unit_after(text, kind, unit, surface):
    end = re.match(r"[\d,]+", text).end()
    hit = unit_after(text, end, ("en", "ru"))
    if kind is None:
        assert hit is None
    else:
        assert (hit[1].kind, hit[1].unit, text[end : hit[0]]) == (kind, unit, surface)


@pytest.mark.parametrize("text,unit", [("$50m", "USD"), ("US$5", "USD"), ("€12", "EUR"), ("£3", "GBP"), ("x5", None)])
def test_quantities_kinds_data_unit_before(text, unit):
    hit = unit_before(text, re.search(r"\d", text).start(), ("en", "ru"))
    assert (hit[1].unit if hit else None) == unit


@pytest.mark.parametrize("text,role,found", [
    ("charged under part ", "reference", True),
    ("по ч. ", "reference", True),
    ("по ст. ", "reference", True),
    ("under Article ", "reference", True),
    ("дело № ", "reference", True),
    ("a man aged ", "age-before", True),
    ("в возрасте ", "age-before", True),
    ("it was minus ", "minus", True),
    ("the apartment ", "reference", False),  # "part" inside a word is no cue
    ("the party ", "reference", False),
])
def test_quantities_kinds_data_cue_before(text, role, found):
    assert (cue_before(text, len(text), ("en", "ru"), role) is not None) is found


@pytest.mark.parametrize("text,role,value", [
    ("5 a year", "rate", "year"),
    ("5 per hour", "rate", "h"),
    ("5 в сутки", "rate", "day"),
    ("5 years old", "age-after", None),
    ("5 yearly", "rate", "missing"),
])
def test_quantities_kinds_data_cue_after(text, role, value):
    hit = cue_after(text, re.match(r"\d+", text).end(), ("en", "ru"), role)
    if value == "missing":
        assert hit is None
    else:
        assert hit is not None and hit[1] == value
