"""A report whose cue stands between commas inside its content (session 58): «Таким образом,
заключил автор, реформа не достигла цели» is two content pieces around the author's remark, not
one span that holds the cue and the speaker; a short discourse word before the remark
(«Впрочем, …») is one of the pieces, as the dev set's annotators mark it. Beliefs ruled in or out: «не исключил, что …». Sentences written
for this test, positive and negative."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name or None, content, cue)
CASES = [
    ("Таким образом, заключил автор исследования, реформа не достигла цели.",
     [("автор исследования", "Таким образом", "заключил"),
      ("автор исследования", "реформа не достигла цели", "заключил")]),
    ("Впрочем, подчёркивает он, никаких решений пока не принято.",
     [("он", "Впрочем", "подчёркивает"), ("он", "никаких решений пока не принято", "подчёркивает")]),
    # The cue after its content: one piece, as before.
    ("Цены на бензин упали, сообщили в министерстве.", [("министерство", "Цены на бензин упали", "сообщили")]),
    ("Эксперт не исключил, что цены вырастут еще на 10%.",
     [("Эксперт", "цены вырастут еще на 10%", "исключил")]),
    # The remark goes on after its comma (a gerund, a relative clause on its noun, a second
    # report of its own): the content is the words before it.
    ("Реформа провалилась, пишет автор статьи, ссылаясь на данные Счетной палаты.",
     [("автор статьи", "Реформа провалилась", "пишет"), ("Счетная палата", "Реформа провалилась", "ссылаясь на")]),
    ("Переговоры зашли в тупик, сказал министр перед заседанием совета, на котором обсудят санкции.",
     [("министр", "Переговоры зашли в тупик", "сказал")]),
    # Negative: «исключить» with an object and no clause reports nothing.
    ("Партия исключила депутата из фракции.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=["remark inside", "discourse word", "cue after",
                                                       "not ruled out", "gerund after", "relative clause after",
                                                       "expelled"])
def test_reported_ru_parenthetical(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
