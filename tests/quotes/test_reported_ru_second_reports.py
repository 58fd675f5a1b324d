"""A second report beside the first one's content (session 57): the cue's own subject reporting
again («…, а также заверил, что …») or the speaker again as a pronoun («…, в апреле он же выразил
надежду …») ends the first content, even where the parse hangs the first content's last words
past it. Sentences written for this test, positive and negative."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name or None, content, cue)
CASES = [
    ("Мэр призвал восстановить доступ к парковкам на центральных улицах, а также заверил, что этот план "
     "будет представлен на публичных слушаниях в октябре.",
     [("Мэр", "восстановить доступ к парковкам на центральных улицах", "призвал"),
      ("Мэр", "этот план будет представлен на публичных слушаниях в октябре", "заверил")]),
    ("Министр отметил, что вакцина будет защищать два года, в апреле он же выразил надежду на пожизненное "
     "сохранение иммунитета.",
     [("Министр", "вакцина будет защищать два года", "отметил"),
      ("он", "на пожизненное сохранение иммунитета", "выразил надежду")]),
    # Negative: a clause with a subject of its own other than the speaker may be part of what was said.
    ("Министр заявил, что в ЕС есть семь стран против, а три из них пока не хотят давать согласие.",
     [("Министр", "в ЕС есть семь стран против, а три из них пока не хотят давать согласие", "заявил")]),
    # Negative: a thing that shows is part of what was said, and keeps its own report inside it.
    ("Источник сообщил, что у черепа была отпилена половина, поэтому экспертиза покажет, что это экспонат.",
     [("Источник", "у черепа была отпилена половина, поэтому экспертиза покажет, что это экспонат", "сообщил"),
      ("экспертиза", "это экспонат", "покажет")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=["cue's subject again", "pronoun again", "other subject",
                                                       "thing shows"])
def test_reported_ru_second_reports(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
