"""A headline whose source follows its final dash ("… - СМИ", "… — Reuters"): the source is a news
medium or a whole person or organisation name, the claim four words or more. Lines written for
this test."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

CASES = [
    ("У Евросоюза есть два варианта решения по заявке Молдовы - СМИ\n\nТекст новости.",
     ("-", "СМИ", "У Евросоюза есть два варианта решения по заявке Молдовы")),
    ("Exports fell again in May for the third month — Reuters\n\nThe body of the story.",
     ("—", "Reuters", "Exports fell again in May for the third month")),
    ("Россия и Китай договорились о новых поставках газа — Владимир Путин\n\nТекст.",
     ("—", "Владимир Путин", "Россия и Китай договорились о новых поставках газа")),
    # Negatives: a fixture between two teams, a sentence with a final stop, a common noun after the dash.
    ("Матч Спартак — ЦСКА\n\nТекст.", None),
    ("The vote was close and the count took all night — again.\n\nText.", None),
    ("Цены на бензин снова выросли в мае — опять\n\nТекст.", None),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_reported_headline_tail(analyzer, text, expected):
    art = analyzer.analyze_text(text)
    title_end = text.index("\n")
    found = [(q.cue.text, q.speaker.text, q.content.text) for q in art.quotes
             if q.cue is not None and q.content.start < title_end]
    if expected is None:
        assert found == [], found
    else:
        assert expected in found, found
