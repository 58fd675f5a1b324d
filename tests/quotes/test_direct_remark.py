"""A quotation interrupted by the author's remark («A, — заявил он, — B») and a speaker's
name in quotation marks («…», пишет «Коммерсантъ»). Sentences written for this test."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# text, expected quotes as (kind, speaker name, content, cue)
CASES = [
    # Two fragments under one cue: the author's remark is no part of what the minister said.
    ("«Мы готовы к переговорам, — заявил министр Павел Орлов, — но только на равных условиях».",
     [("direct", "Павел Орлов", "«Мы готовы к переговорам,", "заявил"),
      ("direct", "Павел Орлов", "но только на равных условиях»", "заявил")]),
    # A sentence cut from inside a quotation: its closing mark before the frame (session 57).
    ("И займет то, что принадлежит ему по праву», — со смехом сказал Иван Сомов.",
     [("direct", "Иван Сомов", "И займет то, что принадлежит ему по праву»", "сказал")]),
    ("Завод закроют в марте, пишет «Коммерсантъ».",
     [("indirect", "Коммерсантъ", "Завод закроют в марте", "пишет")]),
    # A lone lower-case word in marks is still a name or a scare-quoted subject (session 56);
    # a quoted phrase is still no speaker (below: a title in marks).
    ("Вчера в Ровно умерла девочка. Об этом сообщает «обозреватель» со ссылкой на полицию.",
     [("indirect", "обозреватель", "Вчера в Ровно умерла девочка", "сообщает"),
      ("indirect", "полиц", "Вчера в Ровно умерла девочка", "со ссылкой на")]),
    ("«Эксперты» утверждают, что вакцина опасна.",
     [("indirect", "Эксперты", "вакцина опасна", "утверждают")]),
    # A reflexive passive of a speech verb introduces a quotation; the document's owner speaks.
    ('В постановлении суда говорится: "Конституция не даёт права на аборт".',
     [("direct", "суда", '"Конституция не даёт права на аборт"', "говорится")]),
    # The parser hangs the remark's subject on the quotation's verb: it still speaks.
    ('"Интересно, согласился бы он на поездку", — сыронизировал британец.',
     [("direct", "британец", '"Интересно, согласился бы он на поездку"', "сыронизировал")]),
    # The frame marks the remark, so its verb need not be one of saying; its subject speaks.
    ("«Это провал, — выдал в эфире ведущий Иван Петров. — Всё кончено».",
     [("direct", "Иван Петров", "«Это провал,", "выдал"), ("direct", "Иван Петров", "Всё кончено»", "выдал")]),
    # Negative: a verb with no subject of its own in the remark is the quotation's own word.
    ("«Мы проиграли, — значит, надо уходить. — Всё кончено».",
     [("direct", None, "«Мы проиграли, — значит, надо уходить. — Всё кончено»", None)]),
    # Negative: a title in marks, and scare quotes.
    ("Фильм «Мы не сдадимся» вышел в прокат.", []),
    ("Так называемые «реформы» провалились.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_direct_remark(analyzer, text, expected):
    art = analyzer.analyze_text(text)
    got = [(q.kind, q.speaker_name, q.content.text, q.cue.text if q.cue else None) for q in art.quotes]
    assert len(got) == len(expected), got
    for (kind, speaker, content, cue), (gk, gs, gc, gcue) in zip(expected, got):
        assert (gk, gc, gcue) == (kind, content, cue), got
        assert (gs is None) if speaker is None else (gs is not None and speaker in gs), got


def test_direct_remark_no_second_report_inside(analyzer):
    # A sentence split inside the marks leaves no report of the second sentence under the
    # quotation's own cue, and «в ответ» is nobody's place.
    art = analyzer.analyze_text('"Нарциссизм поражает. Все это пиар и реклама", — заключили в ответ.')
    got = [(q.kind, q.speaker_name, q.content.text, q.cue.text if q.cue else None) for q in art.quotes]
    assert got == [("direct", None, '"Нарциссизм поражает. Все это пиар и реклама"', "заключили")], got
