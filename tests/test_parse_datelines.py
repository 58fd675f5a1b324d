"""A wire dateline opening a paragraph ("LONDON (Reuters) - ") is parsed apart from the lead, so
it is never the lead's subject. Sentences written for this test."""

from __future__ import annotations

import pytest

from rashomon.parse import dateline_end


@pytest.mark.parametrize("text, dateline", [
    ("WASHINGTON (AP) — The council voted on Tuesday to close the plant by spring.", "WASHINGTON (AP) — "),
    ("OTTAWA — The minister argued on Friday that the budget was balanced.", "OTTAWA — "),
    ("SAN DIEGO - The port will reopen next week, officials said on Monday.", "SAN DIEGO - "),
    ("BOSTON, March 3 (UPI) — The mayor signed the order late on Thursday night.", "BOSTON, March 3 (UPI) — "),
    ("TRENTON, N.J. (AP) — The governor vetoed the bill for the second time.", "TRENTON, N.J. (AP) — "),
    ("AMES, Iowa — Farmers gathered outside the hall before the vote began.", "AMES, Iowa — "),
    ("КАЗАНЬ, 3 марта /ТАСС/ — Мэр города подписал распоряжение о ремонте моста.", "КАЗАНЬ, 3 марта /ТАСС/ — "),
    # Russian wires close with the agency (and a correspondent) before a full stop.
    ("ОМСК, 4 мая. /Корр. ТАСС Ирина Лебедева/. Губернатор области открыл новый мост.", "ОМСК, 4 мая. /Корр. ТАСС Ирина Лебедева/. "),
    ("ТВЕРЬ, 9 окт — РИА Новости. Городские власти закрыли рынок на ремонт.", "ТВЕРЬ, 9 окт — РИА Новости. "),
    ("ТВЕРЬ, 9 окт - РИА Новости, Олег Сомов. Городские власти закрыли рынок.", "ТВЕРЬ, 9 окт - РИА Новости, Олег Сомов. "),
    ("ТВЕРЬ, 9 октября, ФедералПресс. Городские власти закрыли рынок на ремонт.", "ТВЕРЬ, 9 октября, ФедералПресс. "),
    # Interfax: a dotted place and day, then its site's name and a dash.
    ("Пермь. 5 мая. INTERFAX.RU - Городские власти закрыли рынок на ремонт.", "Пермь. 5 мая. INTERFAX.RU - "),
    # ... but a short lead sentence in lower case is no agency.
    ("ТВЕРЬ, 9 окт — Мэр закрыл рынок. Он откроется через неделю после ремонта.", "ТВЕРЬ, 9 окт — "),
    # Negatives: an acronym before a dash, a place in mixed case, a short place alone, no lead.
    ("NATO - Russia relations are at their lowest point in a decade, diplomats say.", ""),
    ("Ottawa — the capital — was quiet on Sunday, residents said.", ""),
    ("ROME — The prime minister resigned on Monday after the vote.", ""),
    ("UPDATE —", ""),
    ("Пермь. Город большой, и люди в нём живут разные, говорят местные.", ""),
    ("I — and many others — think the plan is wrong for the country.", ""),
])
def test_parse_dateline_end(text, dateline):
    assert text[:dateline_end(text)] == dateline


@pytest.mark.slow
@pytest.mark.parametrize("text, speaker", [
    ("LONDON (Reuters) - Maria Lopez said she was unlikely to run for the seat again.", "Maria Lopez"),
    ("BOSTON, March 3 (UPI) — Former Attorney General Tom Hale told delegates that the plan should be dropped.",
     "Former Attorney General Tom Hale"),
    ("Пермь. 5 мая. INTERFAX.RU - Рынок закроют на ремонт, рассказала газете мэр Ольга Сомова.", "мэр Ольга Сомова"),
])
def test_parse_dateline_not_the_subject(analyzer, text, speaker):
    art = analyzer.analyze_text(text)
    assert [q.speaker.text for q in art.quotes if q.speaker] == [speaker]
    cut = dateline_end(text)
    assert all(s.start >= cut or s.end <= cut for s in art.sentences)  # the dateline is a sentence of its own
