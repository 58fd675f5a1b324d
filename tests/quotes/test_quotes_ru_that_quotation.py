"""A «что» clause that is, or holds, a quotation (session 58): the direct-quote rules take verbs of
saying only, so a belief («В Москве считают, что «…»») keeps its reported cue and source, and a
clause with words of its own before the marks («отметили, что нужно уточнить «…»») stays the
reporting verb's, not the clause's own verb's. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name or None, content, cue)
CASES = [
    ("В Москве считают, что «никто не выиграет от распада мира на блоки».",
     [("Москв", "«никто не выиграет от распада мира на блоки»", "считают")]),
    ("Эксперты считают, что «никто не выиграет от распада мира на блоки».",
     [("Эксперты", "«никто не выиграет от распада мира на блоки»", "считают")]),
    ("В МВФ отметили, что нужно уточнить «финансовые потребности Киева и способы их удовлетворения».",
     [("МВФ", "нужно уточнить «финансовые потребности Киева и способы их удовлетворения»", "отметили")]),
    # Unchanged: a verb of saying before the quotation, and the quotation is the content.
    ("Президент заявил, что «никто не выиграет от распада мира на блоки».",
     [("Президент", "«никто не выиграет от распада мира на блоки»", "заявил")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=["place believes", "experts believe", "words before marks",
                                                       "verb of saying"])
def test_quotes_ru_that_quotation(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
