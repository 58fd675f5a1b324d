"""Russian source markers: «по словам X», «по его словам», «по предварительным данным»,
«согласно данным X», set off by commas. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name or None, content, cue)
CASES = [
    ("Посол Иван Кузнецов прибыл в Минск. По его словам, переговоры продолжатся завтра.",
     [("Иван Кузнецов", "переговоры продолжатся завтра", "По его словам")]),
    ("По предварительным данным, пострадавших нет.",
     [(None, "пострадавших нет", "По предварительным данным")]),
    ("Урожай, по оценкам аналитиков банка, окажется рекордным.",
     [("аналитики банка", "Урожай, по оценкам аналитиков банка, окажется рекордным", "по оценкам")]),
    ("Согласно данным Росстата, безработица снизилась.",
     [("Росстат", "безработица снизилась", "Согласно данным")]),
    ("По словам Виктора Шеймана, представителя комитета, граница закрыта.",
     [("Виктор Шейман", "граница закрыта", "По словам")]),
    # An object or adverb fronted before the subject is the clause's own.
    ("По словам Виктора Шеймана, эту программу никто не отменял.",
     [("Виктор Шейман", "эту программу никто не отменял", "По словам")]),
    ("По словам Виктора Шеймана, сейчас хранилища заполнены наполовину.",
     [("Виктор Шейман", "сейчас хранилища заполнены наполовину", "По словам")]),
    # A whole long quotation after the marker or a phrase cue keeps its source.
    ("Посол Иван Кузнецов прибыл в Минск. По словам посла, «переговоры продолжатся завтра, и стороны готовы к ним».",
     [("Иван Кузнецов", "«переговоры продолжатся завтра, и стороны готовы к ним»", "По словам")]),
    ("Учёные пришли к выводу, что «политика блокировок необоснованна и должна быть отвергнута».",
     [("Учёные", "«политика блокировок необоснованна и должна быть отвергнута»", "пришли к выводу")]),
    # Negative: «данным» as an adjective, not a marker set off by commas.
    ("Он ездит по данным адресам каждый день.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_reported_ru_markers(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)


def test_reported_ru_markers_source_after_preposition(analyzer):
    # «По данным из отчёта центра»: the source is the report, not «из отчёта».
    art = analyzer.analyze_text("По данным из отчёта центра, выручка выросла вдвое.")
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in art.quotes] == [
        ("отчёта центра", "выручка выросла вдвое")]
