"""Verbs of saying whose content is a «на»-phrase, not an «о»-phrase (lang/ru/content_preps.tsv,
session 58): «пожаловался на рост тарифов», «указал на необходимость …», «настаивает на
повышении …»; a place phrase with the same preposition is no content («пожаловался на
совещании»). A plural reflexive verb with no subject speaks for people unnamed («Жалуются на …»).
Sentences written for this test, positive and negative."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name or None, content, cue)
CASES = [
    ("Многие жители жалуются на рост тарифов.", [("жители", "на рост тарифов", "жалуются")]),
    ("Эксперт указал на необходимость реформы.", [("Эксперт", "на необходимость реформы", "указал")]),
    ("Он намекнул на возможную отставку.", [("Он", "на возможную отставку", "намекнул")]),
    ("Профсоюз настаивает на повышении зарплат.", [("Профсоюз", "на повышении зарплат", "настаивает")]),
    ("Жалуются на проблемы со здоровьем.", [(None, "на проблемы со здоровьем", "Жалуются")]),
    # The «что» clause still wins over the place phrase before it.
    ("Губернатор пожаловался на совещании, что денег нет.", [("Губернатор", "денег нет", "пожаловался")]),
    # Negative: where it was said, or pointed at, is not what.
    ("Губернатор пожаловался на совещании.", []),
    ("Министр указал на карте район строительства.", []),
    # Negative: a future «будем настаивать» is an intention, not a report.
    ("Мы будем настаивать на программе усиленных возможностей.", []),
    # Negative: «о» stays the only preposition of other verbs.
    ("Министр рассказал на пресс-конференции.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=["complain of", "point to", "hint at", "insist on",
                                                       "no subject, reflexive plural", "that-clause wins",
                                                       "complained at a meeting", "pointed on a map", "will insist",
                                                       "other verbs"])
def test_reported_ru_content_preps(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
