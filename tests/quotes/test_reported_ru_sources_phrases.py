"""A news source («источник в силовых структурах») or a finding («Анализ», «Полученные результаты»)
is a speaker even with the verbs that also mean "indicate" or "require" («подтвердил», «говорит»,
«указал»), which a thing as subject does not report with; «приводит данные/цифры/статистику» is a cue phrase; «…, сообщили СМИ» with no final
stop has its speaker at the end (session 58). Sentences written
for this test, positive and negative."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name or None, content, cue)
CASES = [
    ("Источник в силовых структурах подтвердил, что безработица выросла.",
     [("Источник в силовых структурах", "безработица выросла", "подтвердил")]),
    ("Безработица выросла до 5%. Это подтвердил источник в силовых структурах.",
     [("источник в силовых структурах", "Безработица выросла до 5%", "подтвердил")]),
    ("Источник говорит, что переговоры продолжатся.", [("Источник", "переговоры продолжатся", "говорит")]),
    ("Безработица выросла до 5%. Эти данные приводит агентство Bloomberg.",
     [("Bloomberg", "Безработица выросла до 5%", "приводит")]),
    ("Агентство Bloomberg приводит данные о росте безработицы.",
     [("Bloomberg", "о росте безработицы", "приводит данные")]),
    # A headline with no final stop: the parser makes the last noun the inverted cue's object.
    ("США тайно поощряют закупки удобрений, сообщили СМИ",
     [("СМИ", "США тайно поощряют закупки удобрений", "сообщили")]),
    # Negative: an addressee in the dative is no speaker; the noun of a thing voiced is no speaker.
    ("Цены выросли, сообщили журналистам", [(None, "Цены выросли", "сообщили")]),
    # A finding speaks as a source does, as the dev set's annotators mark it (lang/ru/finding_nouns.txt).
    ("Анализ подтвердил, что вода загрязнена.", [("Анализ", "вода загрязнена", "подтвердил")]),
    ("Полученные результаты указывают, что изменения в рационе опасны.",
     [("результаты", "изменения в рационе опасны", "указывают")]),
    ("Данные опроса свидетельствуют, что рейтинг упал.", [("Данные опроса", "рейтинг упал", "свидетельствуют")]),
    # A thing that indicates inside a reported clause does not end it.
    ("Эксперт заявил, что появление нового штамма, более известного как «кентавр», свидетельствует об окончании пандемии.",
     [("Эксперт", "появление нового штамма, более известного как «кентавр», свидетельствует об окончании пандемии",
       "заявил")]),
    # Negative: a fact or a pronoun for one indicates or confirms, nobody says.
    ("Всё свидетельствует о том, что реформа провалилась.", []),
    ("Этот факт говорит о том, что реформа провалилась.", []),
    ("Это подтверждает, что реформа провалилась.", []),
    # Negative: «привести» of a result is no cue.
    ("Решение привело к тому, что цены выросли.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=["source confirmed", "source confirmed this", "source says",
                                                       "these data", "gives data on", "headline inverted",
                                                       "dative addressee", "analysis confirmed",
                                                       "results indicate", "data testify", "thing inside a clause",
                                                       "everything indicates", "fact indicates", "this confirms",
                                                       "led to"])
def test_reported_ru_sources_phrases(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
