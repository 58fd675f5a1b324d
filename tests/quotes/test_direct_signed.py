"""A quotation signed right after its closing mark, the fact-check layout (session 57): the claim,
then «Автор ― X» names who made it. Sentences written for this test, positive and negative."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# text, (speaker, content) of the quotation or None when nobody is named
CASES = [
    ("2. Утверждение второе: «Украинский хоккей ― лучший на территории стран СНГ». Автор ― Иван Сомов. "
     "Телеканалы: «Первый», «Второй».", ("Иван Сомов", "«Украинский хоккей ― лучший на территории стран СНГ»")),
    # The name stops before a clause after a comma; a list of authors is one source.
    ("7. Утверждение седьмое: «Иван Сомов ― блогер № 1 в стране». Автор ― Партия Сомова, закрепившая "
     "данное утверждение на буклете.", ("Партия Сомова", "«Иван Сомов ― блогер № 1 в стране»")),
    ("Утверждение: «Наши дороги лучшие в мире». Авторы ― Анна Лозина, Иван Сомов, Пётр Белов.",
     ("Анна Лозина, Иван Сомов, Пётр Белов", "«Наши дороги лучшие в мире»")),
    ("Claim: “Our roads are the best in the world.” Author: Jane Doe, a blogger.",
     ("Jane Doe", "“Our roads are the best in the world.”")),
    # Negative: the word without the dash or colon of a signature signs nothing.
    ("Он процитировал строку «Мы победим». Автор этой строки неизвестен.", None),
]


@pytest.mark.parametrize("text,expected", CASES, ids=["name", "clause after comma", "authors", "english", "no signature"])
def test_direct_signed(analyzer, text, expected):
    art = analyzer.analyze_text(text)
    signed = [(text[q.speaker.start : q.speaker.end], q.content.text) for q in art.quotes if q.speaker is not None]
    assert signed == ([expected] if expected else []), [(q.speaker, q.content.text) for q in art.quotes]
