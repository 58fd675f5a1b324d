"""A headline whose source follows its final dash ("… - СМИ", "… — Reuters"): the source is a news
medium, a whole person or organisation name or a role word, the claim four words or more; or a
headline that opens with a quotation, its speaker after the dash. Lines written for this test."""

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
    # A role word as the source (session 58).
    ("Никакая пропаганда не сможет подорвать репутацию страны так, как заявления посла! — депутат\n\nТекст.",
     ("—", "депутат", "Никакая пропаганда не сможет подорвать репутацию страны так, как заявления посла!")),
    # A headline that opens with a quotation: the speaker after the dash, with the role before the
    # name, or a bare surname up to «о …» (session 58).
    ("«Парламент стал жертвой фейков» - председатель правящей партии «Мечта – Грузия» Ираклий Кобахидзе\n\nТекст.",
     ("-", "председатель правящей партии «Мечта – Грузия» Ираклий Кобахидзе", "«Парламент стал жертвой фейков»")),
    ("«Меркель была разумнее!» — Шольц о поставках оружия Киеву\n\nТекст.",
     ("—", "Шольц", "«Меркель была разумнее!»")),
    # Negatives: a fixture between two teams, a sentence with a final stop, a common noun after the dash.
    ("Матч Спартак — ЦСКА\n\nТекст.", None),
    ("The vote was close and the count took all night — again.\n\nText.", None),
    ("Цены на бензин снова выросли в мае — опять\n\nТекст.", None),
    # Negative: a quoted name defined after the dash.
    ("«Северный поток» — главная тема недели\n\nТекст.", None),
    # A clause after the dash is no speaker phrase: its verb is the cue, its subject the source.
    ("«Он управляет всеми!» - телеканал демонизирует философа Ивана Петрова\n\nТекст.",
     ("демонизирует", "телеканал", "«Он управляет всеми!»")),
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
