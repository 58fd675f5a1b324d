"""Quotation-mark pairing: every style, nesting, apostrophes, multi-paragraph, and no crash."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.quotes.marks import never_closes, scan_marks


@pytest.mark.parametrize(
    "text,pairs",
    [
        ("He said “this is «nested» text” today.", ["“this is «nested» text”", "«nested»"]),
        ("«Мы отслеживали их „сорок“ минут», — сказала она.", ["«Мы отслеживали их „сорок“ минут»", "„сорок“"]),
        ('"Straight quotes" and Kiev\'s "another".', ['"Straight quotes"', '"another"']),
        ("Lukashenko‘s entourage and the “honour” of it", ["“honour”"]),
        ("‘single quote’ and don’t stop", ["‘single quote’"]),
        ("“Para one.\n\n“Para two.”", ["“Para one.\n\n“Para two.”"]),
        ("„Zitat“ auf Deutsch", ["„Zitat“"]),
        ("Stocks of “Novichok” agent", ["“Novichok”"]),
        # A sentence's end with its space lost: the mark before a capital opens.
        ('"Я вижу", — отметил он."Интересно, да", — сказал другой.', ['"Я вижу"', '"Интересно, да"']),
        ('Он сказал "нет."Потом ушёл.', ['"нет."']),
        # Curly and straight English marks mixed by editing close each other: the frame between
        # two quotations is not swallowed into one.
        ('“We are not surprised," Sam Lee said. "But the suit has no merit.”',
         ['“We are not surprised,"', '"But the suit has no merit.”']),
        # The New York Times' archive writes a straight double mark as two apostrophes.
        ("''This is big,'' Sam Lee said. ''It runs on.\n\n''Into May.''",
         ["''This is big,''", "''It runs on.\n\n''Into May.''"]),
        # Russian does not reopen « in each paragraph of a long quotation: it closes later.
        ("Он сказал: «Один.\n\nДва «Газпром».\n\nТри», — добавил он.",
         ["«Один.\n\nДва «Газпром».\n\nТри»", "«Газпром»"]),
        # A post pasted into English news breaks its lines inside “…”; a blank line still ends it.
        ("Warren wrote: “Families belong together.\nWe must act now.” She left.",
         ["“Families belong together.\nWe must act now.”"]),
        ("He said: “One.\n\nTwo.” Then.", []),
        # A text cut from inside a quotation (a sentence, a snippet): the closing mark before the
        # author's dash frame opens at the text's first word.
        ("Жалобы поступали со всего города», — говорится в сообщении.", ["Жалобы поступали со всего города»"]),
        # Negatives: no dash frame after it; a second line; one word is no quotation.
        ("Жалобы поступали со всего города» и дальше.", []),
        ("Заголовок\nЖалобы поступали со всего города», — говорится в сообщении.", []),
        ("Город», — говорится в сообщении.", []),
        # Negatives: a paragraph opening a quotation of its own, or a » six paragraphs on, is no close.
        ("Он сказал: «Один.\n\nАвтор пишет.\n\n«Два», — ответил он.", ["«Два»"]),
        ("Она: «Один.\n\nДва.\n\nТри.\n\nЧетыре.\n\nПять.\n\nШесть.\n\nСемь».", []),
        # A « left open at its paragraph's end after a colon, a sentence's end or the paragraph's
        # start holds the speaker's words to that end (the closing mark lost).
        ("Иван Петров: «Это было решение правительства, и мы его выполнили. Других вариантов не было.\n\nАвтор.",
         ["«Это было решение правительства, и мы его выполнили. Других вариантов не было."]),
        ("Он ответил. «Мы не будем отступать от своих планов, это решено окончательно и давно.",
         ["«Мы не будем отступать от своих планов, это решено окончательно и давно."]),
        # At a paragraph's start it holds the words up to the author's dash frame only.
        ("Заголовок\n\n«Беженцев стало больше двух миллионов за две недели, и это не предел, – пишет газета.",
         ["«Беженцев стало больше двух миллионов за две недели, и это не предел"]),
        ("Заголовок\n\n«Г-жа посол! Несколько дней назад вы говорили совсем другое о нашей стране.\n\nДа.", []),
        # A straight or curly mark closes « before the author's dash frame.
        ('«Решение принято, его не отменят", - заявил министр.', ['«Решение принято, его не отменят"']),
        ('«Мы готовы”, — сказал он.', ['«Мы готовы”']),
        # Negatives: a name whose closing mark is lost, a short phrase, a straight mark without a frame.
        ("Директор компании «Северный поток и партнёры в этом году снова получила большую прибыль.\n\nДа.", []),
        ("Он сказал. «Коротко.\n\nДа.", []),
        ('«Решение принято, его не отменят" и всё.', []),
        # Negatives: one apostrophe is still an apostrophe, three marks are no pair of two.
        ("Kiev's plan, Obama's ''deal'' and rock 'n' roll", ["''deal''"]),
        ("It" + "'" * 3 + "s odd", []),
        # Negatives: nesting across the two styles still nests.
        ('“He said "hello there" to me,” she said.', ['“He said "hello there" to me,”', '"hello there"']),
        ('"He said “hello there” to me," she said.', ['"He said “hello there” to me,"', '“hello there”']),
    ],
)
def test_marks_pairs_table(text, pairs):
    found = [text[p.start : p.end] for p in scan_marks(text).pairs]
    assert found == pairs


@pytest.mark.parametrize(
    "text,unpaired",
    [
        ("the “Erdogan variant, when the rebels\nnext para “ok” here", 1),  # opener never closed
        ("odd ” closer alone", 1),
        ("a « lonely opener with a space", 0),  # not an opener at all: followed by a space
        ("«один «два» три", 1),
    ],
)
def test_marks_pairs_unbalanced_recovers(text, unpaired):
    scan = scan_marks(text)
    assert len(scan.unpaired) == unpaired
    for p in scan.pairs:
        assert text[p.start] in "“«„‘\"" and p.inner_start == p.start + 1


@given(st.text(alphabet="ab “”«»„\"'’‘\n.,—", max_size=80))
def test_marks_pairs_never_raises(text):
    scan = scan_marks(text)
    for p in scan.pairs:
        # A quotation left open at its paragraph's end has no closing mark: it ends where its words do.
        assert 0 <= p.start < p.inner_start <= p.inner_end <= p.end <= len(text)
        assert p.inner_end < p.end or (not p.closed and p.inner_end == p.end)


@pytest.mark.parametrize("text,opening,expected", [
    ("Сомов: «Решение принято. ¶ Мы выполним всё.", 7, True),  # open to the end
    ("Сомов: «Решение «окончательное». ¶ Мы выполним всё.", 7, True),  # a nested pair closes, the outer not
    ("Сомов: «Решение принято.» Конец.", 7, False),
    ("Сомов: «Решение «окончательное» принято». Конец.", 7, False),
    ("«", 0, True),
])
def test_marks_never_closes(text, opening, expected):
    assert text[opening] == "«"
    assert never_closes(text, opening) is expected
