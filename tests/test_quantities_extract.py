"""Quantities: values, ranges, markers and heads, English and Russian."""

from __future__ import annotations

import pytest

from rashomon.quantities import parse_number

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("raw,value", [("5,000", 5000), ("5 000", 5000), ("3,5", 3.5), ("100,000", 100000),
                                        ("1,234.5", 1234.5), ("42", 42)])
def test_quantities_extract_parse_number(raw, value):
    assert parse_number(raw) == value


# text, [(surface, value, high, head, relation)]
CASES = [
    ("They said 200 militants crossed the border.", [("200", 200, None, "militants", "eq")]),
    ("Three dozen protesters gathered.", [("Three dozen", 36, None, "protesters", "eq")]),
    ("There were 5,000 or 20,000 people at the rally.",
     [("5,000", 5000, None, "people", "eq"), ("20,000", 20000, None, "people", "eq")]),
    ("Estimates ran to at least 100,000-200,000 people.", [("100,000-200,000", 100000, 200000, "people", "ge")]),
    ("There were never more than 15,000 people there.", [("15,000", 15000, None, "people", "le")]),
    ("Hundreds of militants came.", [("Hundreds", 200, None, "militants", "about")]),
    # "of" joins two vague counts: one figure, not "hundreds" of "thousands" (2,000) people.
    ("Hundreds of thousands of people marched.", [("Hundreds of thousands", 400_000, None, "people", "about")]),
    ("Tens of thousands of people marched.", [("Tens of thousands", 40_000, None, "people", "about")]),
    ("Hundreds of officers and dozens of cars came.",
     [("Hundreds", 200, None, "officers", "about"), ("dozens", 24, None, "cars", "about")]),
    # The head is the measured thing, not the currency (issue 15); the span now covers the unit.
    ("The budget is up to 3 million euros.", [("3 million euros", 3_000_000, None, "budget", "le")]),
    ("Задержаны тридцать три человека, около двухсот боевиков скрылись.",
     [("тридцать три", 33, None, "человека", "eq"), ("двухсот", 200, None, "боевиков", "about")]),
    ("Пришли от 5 до 10 тысяч человек.", [("5 до 10 тысяч", 5000, 10000, "человек", "range")]),
    # The author quoted the figure alone: the scale word after the closing mark still scales it.
    ("Trump demanded “$5.6” billion for the wall.", [("$5.6” billion", 5.6e9, None, None, "eq")]),
    ("Он требовал «5,6» млрд долларов на стену.", [("5,6» млрд долларов", 5.6e9, None, None, "eq")]),
    # the figure ends a longer quotation, the scale word follows outside it
    ("“Not $2.5 billion — we’re asking for $5.6” billion, he said.",
     [("$2.5 billion", 2.5e9, None, None, "eq"), ("$5.6” billion", 5.6e9, None, None, "eq")]),
    ("Он сказал: «Нам нужно 40» млн рублей.", [("40» млн рублей", 4e7, None, None, "eq")]),
    # The noun of a hyphenated adjective is not the counted thing: look past it.
    ("The firm owns 5 oil-producing wells.", [("5", 5, None, "wells", "eq")]),
    ("About 40 Kremlin-backed candidates ran.", [("40", 40, None, "candidates", "about")]),
    # A comma after the mark ends the figure: "5" is not scaled, "billions" is a vague count of its own.
    ("He cited “5”, billions more were claimed.", [("billions", 2e9, None, None, "about")]),
    # "billions of dollars", «миллиарды долларов»: vague, as "millions of dollars" is
    ("Iran could convert billions of dollars in assets.", [("billions of dollars", 2e9, None, "assets", "about")]),
    ("Миллиарды долларов ушли на стену.", [("Миллиарды долларов", 2e9, None, None, "about")]),
    # negative case: a number before the scale word is exact
    ("It cost two billion dollars.", [("two billion dollars", 2e9, None, None, "eq")]),
    # Negative: dates, years and model names are not counts.
    ("The item aired on 22.04.2021 after the 1994 election; Nord Stream 2 was mentioned.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_quantities_extract_table(analyzer, text, expected):
    art = analyzer.analyze_text(text)
    got = [(q.text, q.value, q.high, q.head, q.relation) for q in art.quantities]
    assert got == expected


def test_quantities_extract_seed_figures(seed_articles):
    got = {(q.text, q.head) for q in seed_articles["000"].quantities}
    for item in [("200", "militants"), ("30", "people"), ("33", "people"), ("170", "people"), ("5,000", "people"),
                 ("20,000", "people"), ("15,000", "people"), ("100,000-200,000", "people")]:
        assert item in got, item
