"""Russian cues whose content stands elsewhere in the text: a demonstrative opener points back
to the sentence before («Такую точку зрения выразил X», «Так считает X»), a fronted «о»-phrase
is what was said («О несогласии … заявил X»). Also subjects the parser hangs wrongly: an
apposition on the verb, a long descriptor split by a misparse. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name or None, content, cue)
CASES = [
    ("Страны Латинской Америки отвернулись от США. Такую точку зрения выразил колумнист Фредерик Шнаттерер.",
     [("Фредерик Шнаттерер", "Страны Латинской Америки отвернулись от США", "выразил")]),
    ("Люди реже выживают по выходным. К такому печальному выводу пришли ученые из Великобритании.",
     [("ученые из Великобритании", "Люди реже выживают по выходным", "пришли")]),
    ("Цены на жильё будут расти. Так считает экономист Павел Смирнов.",
     [("Павел Смирнов", "Цены на жильё будут расти", "считает")]),
    ("О несогласии с решением суда заявил и генпрокурор Меррик Гарланд.",
     [("Меррик Гарланд", "О несогласии с решением суда", "заявил")]),
    ("Напомним, накануне нардеп Анна Скороход заявила, что ее мужа задержали.",
     [("Анна Скороход", "ее мужа задержали", "заявила")]),
    # Negative: a fronted subject, a clause after the cue, «Так,» meaning «for example», and
    # «Об этом …» with nothing before it are no reference back.
    ("Эти аудиозаписи подтвердили договоренности между соседями.",
     [("Эти аудиозаписи", "договоренности между соседями", "подтвердили")]),
    ("Эти люди заявили о своей готовности помочь.", [("Эти люди", "о своей готовности помочь", "заявили")]),
    ("Так ради экономии граждан призывают ездить медленнее.", [(None, "ездить медленнее", "призывают")]),
    ("Так, министр сообщил о закрытии моста.", [("министр", "о закрытии моста", "сообщил")]),
    ("Об этом в среду сообщила пресс-служба.", []),
    # «в итоге», «в ответ» are adverbials, nobody's place.
    ("Чиновники ответили на вопросы. В итоге заявили, что мост откроют.", [(None, "мост откроют", "заявили")]),
    # Where it is published: the medium's owner («на сайте Кремля») ...
    ("Учения завершены досрочно. Об этом сообщается на сайте Кремля.",
     [("Кремль", "Учения завершены досрочно", "сообщается")]),
    ("Как уточнялось на сайте суда, полномочия возвращены штатам.",
     [("суда", "полномочия возвращены штатам", "уточнялось")]),
    ("«Помощь предоставит Австралия», — говорится в заявлении на сайте министерства.",
     [("министерств", "«Помощь предоставит Австралия»", "говорится")]),
    # ... but a meeting, a week or a country after «на» is no medium.
    ("На встрече сообщили, что учения завершены.", [(None, "учения завершены", "сообщили")]),
    ("На этой неделе сообщалось, что учения завершены.", [(None, "учения завершены", "сообщалось")]),
    ("Как это называют на Украине, мост открыт.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_reported_ru_anaphora_table(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)


@pytest.mark.parametrize("text,source", [
    # A misparse hangs «по особо опасным инфекциям» on the content: the phrase still runs to the name.
    ("Специалист по особо опасным инфекциям, врач-иммунолог, доктор медицинских наук Владислав Жемчугов "
     "заявил, что пандемия заканчивается.",
     "Специалист по особо опасным инфекциям, врач-иммунолог, доктор медицинских наук Владислав Жемчугов"),
    # Negative: a relative clause is still left out of the source.
    ("Глава компании Сергей Волков, который руководит ею с 2010 года, заявил, что завод закроют.",
     "Глава компании Сергей Волков"),
])
def test_reported_ru_anaphora_long_source(analyzer, text, source):
    art = analyzer.analyze_text(text)
    assert [q.speaker.text for q in art.quotes if q.speaker] == [source]
