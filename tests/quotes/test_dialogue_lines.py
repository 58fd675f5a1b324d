"""Dash dialogue: a hyphen typed for the dash continues a quote after the remark, and a lone
dash line in an article whose other dash lines name their speaker is speech too. Texts ours."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

CASES = [
    ("- Мы всегда будем помнить подвиг народа, - продолжил Путин. - На фронте и в тылу они боролись.\n\n"
     "Народ помнит этот день.\n\n- Наш долг – помнить, что народ победил. Мы победили зло.\n\nПрезидент ушёл с трибуны.",
     [("Мы всегда будем помнить подвиг народа", "продолжил"), ("На фронте и в тылу они боролись.", "продолжил"),
      ("Наш долг – помнить, что народ победил. Мы победили зло", "-")]),
    # Negative: no dash line names a speaker, so a lone dash line is a list item.
    ("Список покупок на завтра.\n\n- хлеб и молоко на завтрак сегодня утром.\n\nМагазин открыт.", []),
    # Negative: a short item, and a line with a remark whose verb is no speech verb.
    ("- Мы будем работать дальше, - заявил директор Иван Серов.\n\n- хлеб;",
     [("Мы будем работать дальше", "заявил")]),
    ("- Мы будем работать дальше, - заявил директор Иван Серов.\n\n- Слава героям нашего завода! - завершил выступление директор.",
     [("Мы будем работать дальше", "заявил")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_dialogue_lines_table(analyzer, text, expected):
    art = analyzer.analyze_text(text)
    got = [(q.content.text, q.cue.text if q.cue else None) for q in art.quotes]
    assert got == expected, got
