"""A Russian report's content starts after «что» and keeps no closing mark it never opened.
Sentences written for this test."""

from __future__ import annotations

import pytest

from rashomon.quotes import _without_russian_edges

CASES = [
    ("Он заявил, что ЕСПЧ политизирован.", "что ЕСПЧ политизирован", "ЕСПЧ политизирован"),
    ("Она говорила, будто дочь была привита.", "будто дочь была привита", "дочь была привита"),
    ("Министр назвал «кризис «Нафтогаза»» ошибкой, что ЕСПЧ политизирован».", "что ЕСПЧ политизирован»",
     "ЕСПЧ политизирован"),
    ('Отец сказал: "дочь была привита".', 'дочь была привита"', "дочь была привита"),
    # Negative: a balanced quotation keeps its marks; «Что» opening a sentence is a word of it.
    ("Он ответил: «Давно пора».", "«Давно пора»", "«Давно пора»"),
    ("Он сказал: «Что будет, то будет».", "«Что будет, то будет»", "«Что будет, то будет»"),
    ("Он заявил, что «Газпром» прав.", "что «Газпром» прав", "«Газпром» прав"),
    # Negative: English content is left as it is.
    ('He said that "it was over', 'that "it was over', 'that "it was over'),
    # Negative: «что» alone is no clause to start.
    ("Он спросил что.", "что", "что"),
]


@pytest.mark.parametrize("text,content,expected", CASES, ids=[c[1][:30] for c in CASES])
def test_quotes_russian_edges(text, content, expected):
    start = text.index(content)
    s, e = _without_russian_edges(text, (start, start + len(content)))
    assert text[s:e] == expected
