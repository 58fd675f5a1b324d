"""Indirect questions and the reporting verbs added in session 58: a question verb's «когда/как/
почему …» clause is what was asked («поинтересовался, когда …»), as a «что» clause is what was
said; verbs of manner of speech, warnings and posts report with a clause. Sentences written for
this test, positive and negative (words that look like reports and are not)."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name or None, content, cue)
CASES = [
    ("Депутат поинтересовался, когда закончится проверка.",
     [("Депутат", "когда закончится проверка", "поинтересовался")]),
    ("Журналист спросил у министра, как долго продлится проверка.",
     [("Журналист", "как долго продлится проверка", "спросил")]),
    ("Министр спросил, где деньги.", [("Министр", "где деньги", "спросил")]),
    # The subject left out, as Russian narration does; the question word after a preposition.
    ("Спросил, с чего это они так решили.", [(None, "с чего это они так решили", "Спросил")]),
    # A clause coordinated after the question is the asker's, not the question.
    ("Журналисты спросили, почему цены растут, но ответа не получили.",
     [("Журналисты", "почему цены растут", "спросили")]),
    # The question after a phrase cue («дал понять»).
    ("Порошенко дал понять, как к этому процессу относится власть.",
     [("Порошенко", "как к этому процессу относится власть", "дал понять")]),
    ("Эксперт предостерег, что кризис только начинается.",
     [("Эксперт", "кризис только начинается", "предостерег")]),
    ("Представитель компании оговорился, что сроки могут сдвинуться.",
     [("Представитель компании", "сроки могут сдвинуться", "оговорился")]),
    ("Блогер твитнул, что выборы сфальсифицированы.", [("Блогер", "выборы сфальсифицированы", "твитнул")]),
    ("Глава района отрапортовал, что все дороги отремонтированы.",
     [("Глава района", "все дороги отремонтированы", "отрапортовал")]),
    # Negative: with an «о»-phrase before the comma, «когда …» says when it was asked.
    ("Он спросил об этом, когда встретил министра.", []),
    # Negative: the question the parser hangs on a second report is not read as the first one's.
    ("Она спросила, кто будет отвечать за срыв сроков, и добавила, что ответа не получила.",
     [("Она", "ответа не получила", "добавила")]),
    # Negative: verbs left out of the lexicon because they mostly are not speech.
    ("Проблема заключается в том, что денег нет.", []),
    ("Цены продолжают расти, хотя спрос упал.", []),
    ("Князь Олег перебил великих князей.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[
    "asked when", "asked how, addressee", "asked where", "no subject, preposition", "coordinated clause",
    "phrase cue",
    "warned", "made a reservation", "tweeted", "reported to superiors", "about-phrase then when",
    "hung on second report", "consists in", "continue to", "killed"])
def test_reported_ru_questions(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
