"""Typed quantities: kind, unit, measured thing (head) and value, English and Russian, with the
negatives the issue names (days of the month, clock times, years and legal numbers are no counts)."""

from __future__ import annotations

import pytest

from rashomon.serialize import article_dict

pytestmark = pytest.mark.slow

# text, [(surface, kind, unit, value, high, head, relation)] — every quantity the text holds.
CASES = [
    # money, with the measured thing rather than the currency as head
    ("The US pledged $50m in aid.", [("$50m", "money", "USD", 5e7, None, "aid", "eq")]),
    ("A fine of 12,000 euros was imposed.", [("12,000 euros", "money", "EUR", 12000, None, "fine", "eq")]),
    ("The debt of $16 trillion grew.", [("$16 trillion", "money", "USD", 1.6e13, None, "debt", "eq")]),
    ("Ущерб составил 3,5 млн рублей.", [("3,5 млн рублей", "money", "RUB", 3.5e6, None, "ущерб", "eq")]),
    ("Ему назначили штраф в размере 12 тысяч евро.", [("12 тысяч евро", "money", "EUR", 12000, None, "штраф", "eq")]),
    # percent
    ("Turnout was 30%.", [("30%", "percent", "%", 30, None, "turnout", "eq")]),
    ("About 30 percent of voters agreed.", [("30 percent", "percent", "%", 30, None, "voter", "about")]),
    ("Явка составила 30 процентов.", [("30 процентов", "percent", "%", 30, None, "явка", "eq")]),
    # measure and rate
    ("They repaired 5 km of road.", [("5 km", "measure", "km", 5, None, "road", "eq")]),
    ("Ветер 6-11 метров в секунду.", [("6-11 метров", "rate", "m/s", 6, 11, "ветер", "range")]),
    ("He earns $50,000 a year.", [("$50,000", "rate", "USD/year", 50000, None, None, "eq")]),
    # temperature: the sign word matters, a bare degree is not a count
    ("It was minus 1 degree.", [("minus 1 degree", "temperature", None, -1, None, None, "eq")]),
    ("It was 1 degree.", [("1 degree", "temperature", None, 1, None, None, "eq")]),
    ("At night it fell to -5 °C.", [("-5 °C", "temperature", "C", -5, None, None, "eq")]),
    ("Ночью было минус 10 градусов.", [("минус 10 градусов", "temperature", "C", -10, None, None, "eq")]),
    # score vs range
    ("The team won 27-0.", [("27-0", "score", None, 27, 0, None, "score")]),
    ("Estimates ran to 100-200 people.", [("100-200", "count", None, 100, 200, "people", "range")]),
    ("Команда победила со счетом 3:1.", [("3:1", "score", None, 3, 1, None, "score")]),
    # age, ordinal, duration
    ("A 45-year-old man was detained.", [("45-year-old", "age", None, 45, None, "man", "eq")]),
    ("Задержан 45-летний мужчина.", [("45-летний", "age", None, 45, None, "мужчина", "eq")]),
    ("Мужчина в возрасте 45 лет задержан.", [("45 лет", "age", None, 45, None, "мужчина", "eq")]),
    ("It was the third day of talks.", [("third", "ordinal", None, 3, None, "day", "eq")]),
    ("He finished 5th in the race.", []),  # an ordinal with no measured thing is dropped
    ("He was jailed for five years.", [("five years", "duration", "year", 5, None, None, "eq")]),
    ("Его приговорили к 10 годам.", [("10 годам", "duration", "year", 10, None, None, "eq")]),
    # references are kept, typed, and never counts
    ("He was charged under part 2 of article 161.",
     [("part 2", "reference", None, 2, None, "part", "eq"), ("article 161", "reference", None, 161, None, "article", "eq")]),
    ("Дело возбуждено по ч. 2 ст. 161 УК.",
     [("ч. 2", "reference", None, 2, None, "ч", "eq"), ("ст. 161", "reference", None, 161, None, "ст", "eq")]),
    ("Resolution 2231 and No. 12 were cited.",
     [("Resolution 2231", "reference", None, 2231, None, "resolution", "eq"),
      ("No. 12", "reference", None, 12, None, "no", "eq")]),
    # counts as before
    ("They said 30 people were hurt.", [("30", "count", None, 30, None, "people", "eq")]),
    # people counted by a participle or adjective with no noun, and Russian collective numerals
    ("Four dead and five injured in the fire.",
     [("Four", "count", None, 4, None, "dead", "eq"), ("five", "count", None, 5, None, "injure", "eq")]),
    ("Five injured workers were taken to hospital.", [("Five", "count", None, 5, None, "worker", "eq")]),
    ("Ранее сообщалось о четырёх погибших.", [("четырёх", "count", None, 4, None, "погибнуть", "eq")]),
    ("В больницу доставлены пятеро пострадавших.", [("пятеро", "count", None, 5, None, "пострадать", "eq")]),
    ("Четверо раненых доставлены в больницу.", [("Четверо", "count", None, 4, None, "раненый", "eq")]),
    ("Из фракции исключили двоих депутатов.", [("двоих", "count", None, 2, None, "депутат", "eq")]),
    ("Трое задержали грабителя.", []),  # a finite verb is what they did, not who they are
    ("Они вдвоём ушли домой.", []),
    # negatives: days of the month, clock times, years, fractions
    ("They met on 16 November and again on November 16th.", []),
    ("Встреча прошла 20 апреля.", []),
    ("The vote came at 8.30 pm, after the 20:30 deadline.", []),
    ("Митинг начнётся в 20.00, сбор в 8.30.", []),
    ("It was the 1994 election, held from 2010 to 2015.", []),
    ("Two-thirds of the vote went to her.", []),
    ("The think tank Third Way agreed.", []),
    # Coordinated: the first number measures what the second does (4 years, 5 years), never 9.
    ("Такое было четыре и пять лет назад.",
     [("четыре", "duration", "year", 4, None, None, "eq"), ("пять лет", "duration", "year", 5, None, None, "eq")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_quantities_kinds_table(analyzer, text, expected):
    art = analyzer.analyze_text(text)
    got = [(q.text, q.kind, q.unit, q.value, q.high, q.head_lemma, q.relation) for q in art.quantities]
    assert got == [(s, k, u, pytest.approx(v), h if h is None else pytest.approx(h), hd, r)
                   for s, k, u, v, h, hd, r in expected]
    for q in art.quantities:
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize("text,clock", [
    ("The vote came at 8.30 pm.", "T20:30"),
    ("Митинг начнётся в 20.00.", "T20:00"),
])
def test_quantities_kinds_clock_times_are_dates(analyzer, text, clock):
    art = analyzer.analyze_text(text)
    assert not art.quantities
    assert [(d.iso, d.granularity) for d in art.dates] == [(clock, "time")]


def test_quantities_kinds_json_layer(analyzer):
    doc = article_dict(analyzer.analyze_text("The US pledged $50m in aid."))
    (q,) = doc["quantities"]
    assert (q["kind"], q["unit"], q["head"], q["value"]) == ("money", "USD", "aid", 5e7)
