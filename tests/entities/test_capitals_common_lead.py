"""A capitalised common word that opens a Russian person's mention is no part of the name: an
adverb, a participle, a conjunction or a noun for a person. Text written for this test."""

from __future__ import annotations

import pytest

from rashomon.entities.capitals import trim_common_lead
from rashomon.model import Mention

TEXT = ("Вон Безос купил газету. Президенту Зеленскому позвонили. Оскандалившаяся Трасс ушла. "
        "Политолог Донцов уверен. Новый Черчилль выступил. Об этом сказал А.Щетинин. "
        "Иван Петров приехал. Папа Франциск молился. Папа сказал. Да. Меркель приехала. "
        "Фон Хольцбринк ответил. Серена Парех пришла. Фату-Хива далеко.")


def _mention(words: str, normal: str | None = None, kind: str = "PERSON") -> Mention:
    start = TEXT.index(words)
    return Mention(start, start + len(words), words, kind, normal or words, kind)


@pytest.mark.parametrize("words,normal,expected,expected_normal", [
    ("Вон Безос", None, "Безос", "Безос"),  # an adverb
    ("Президенту Зеленскому", "Президент Зеленский", "Зеленскому", "Зеленский"),  # a noun for a person
    ("Оскандалившаяся Трасс", None, "Трасс", "Трасс"),  # a participle
    ("Политолог Донцов", None, "Донцов", "Донцов"),
    ("Да. Меркель", None, "Меркель", "Меркель"),  # a conjunction the sentence split missed
    # Negatives: an adjective makes a nickname; an initial is no conjunction; a first name stays;
    # a title the article also uses alone as a name stays.
    ("Новый Черчилль", None, "Новый Черчилль", "Новый Черчилль"),
    ("А.Щетинин", None, "А.Щетинин", "А.Щетинин"),
    ("Иван Петров", None, "Иван Петров", "Иван Петров"),
    ("Папа Франциск", None, "Папа Франциск", "Папа Франциск"),
    # A name particle, a first name the dictionary reads as a participle, a hyphenated name.
    ("Фон Хольцбринк", None, "Фон Хольцбринк", "Фон Хольцбринк"),
    ("Серена Парех", None, "Серена Парех", "Серена Парех"),
    ("Фату-Хива", None, "Фату-Хива", "Фату-Хива"),
])
def test_capitals_common_lead_trim(words, normal, expected, expected_normal):
    papa = _mention("Папа сказал")
    papa = Mention(papa.start, papa.start + 4, "Папа", "PERSON", "Папа", "PERSON")
    m = _mention(words, normal)
    out = [x for x in trim_common_lead(TEXT, [m, papa]) if x is not papa]
    assert [(x.text, x.normal) for x in out] == [(expected, expected_normal)]
    assert TEXT[out[0].start : out[0].end] == out[0].text


def test_capitals_common_lead_other_types_untouched():
    m = _mention("Президенту Зеленскому", kind="ORG")
    assert trim_common_lead(TEXT, [m])[0].text == "Президенту Зеленскому"
