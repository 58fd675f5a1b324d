"""A stop glued to a capitalised word ends a sentence razdel left whole, unless the word before
it joins a name or abbreviates (sentences we made up)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def backend():
    from rashomon.backends.natasha_ru import NatashaBackend

    return NatashaBackend()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Она «ничего не знала».Как сообщается, суд решил.", ["Она «ничего не знала».", "Как сообщается, суд решил."]),
        ("Сказала Татьяна Быковская.Руководитель центра пришёл.", ["Сказала Татьяна Быковская.", "Руководитель центра пришёл."]),
        ("Кто виноват?Никто не знает.", ["Кто виноват?", "Никто не знает."]),
        ('Сказала Быковская."Практически все здоровы.', ["Сказала Быковская.", '"Практически все здоровы.']),  # an opening mark
        ('Он сказал: "Все плохо." Потом ушёл.', ['Он сказал: "Все плохо."', "Потом ушёл."]),  # a closing mark
        ("Два.Три. Четыре.", ["Два.", "Три.", "Четыре."]),
        ("Едут в «Подольск».В матчах сыграют все.", ["Едут в «Подольск».", "В матчах сыграют все."]),  # a one-letter word
        # A stop inside a short quoted title: razdel's two sentences joined again.
        ("Он автор книги «Sapiens. Краткая история» и других работ.", ["Он автор книги «Sapiens. Краткая история» и других работ."]),
        ('Автор бестселлера "Sapiens. Краткая история" Юваль Харари.', ['Автор бестселлера "Sapiens. Краткая история" Юваль Харари.']),
        # ... not two sentences of speech with a remark after them.
        ("«Мы пришли. Мы ушли», — сказал он.", ["«Мы пришли.", "Мы ушли», — сказал он."]),
        # Negative cases: razdel's sentence stays whole.
        ("Канал в Яндекс.Дзене работает.", ["Канал в Яндекс.Дзене работает."]),  # a name with a period
        ("Живёт на ул.Ленина в доме.", ["Живёт на ул.Ленина в доме."]),  # an abbreviation
        ("А.Б. Лукашенко заявил.", ["А.Б. Лукашенко заявил."]),  # initials
        ("Приехал Иванов А.Б. вчера.", ["Приехал Иванов А.Б. вчера."]),  # initials after a surname
        ("Страны США.ЕС ответили.", ["Страны США.ЕС ответили."]),  # no lower-case letter after the capital
        ("Сайт example.com работает.", ["Сайт example.com работает."]),  # lower case after the period
        ("Конец. Начало.", ["Конец.", "Начало."]),  # a space: razdel's own split
    ],
)
def test_natasha_sentences_glued_stops(backend, text, sentences):
    parsed = backend.parse(text)
    assert [text[a:b] for a, b in parsed.sentences] == sentences
    assert all(parsed.sentences[t.sent][0] <= t.start < parsed.sentences[t.sent][1] for t in parsed.tokens)
