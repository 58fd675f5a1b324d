"""Speaker phrases a parse splits or points away from: a hyphenated word is one speaker, a
relative word names its antecedent (a document's issuer when there is one), and "let's say" is a
supposition. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name or None, content, cue)
CASES = [
    # The tokenizer splits "E-mails"; the speaker is the word, not its first letter.
    ("WASHINGTON — E-mails released by the White House on Wednesday revealed a fierce internal jostling "
     "over the talking points.",
     [("E-mails", "a fierce internal jostling over the talking points", "revealed")]),
    # "that" in "records that he said indicated …" stands for the records.
    ("Mr. Jordan produced visitor records that he said indicated Mr. Shulman had been there 118 times.",
     [("Jordan", "that he said indicated Mr. Shulman had been there 118 times", "said"),
      ("visitor records", "Mr. Shulman had been there 118 times", "indicated")]),
    # A supposition is nobody's claim; a plain first-person plural still speaks.
    ("Let's say there's no birth certificate.", []),
    ("Let us say that the plan fails.", []),
    ("We say that the plan fails.", [("the author", "that the plan fails", "say")]),
    # «в которой говорится»: the relative word names its antecedent, in the nominative, or the
    # document's issuer when the text names one.
    ("Власти получили новое письмо, в котором говорится, что завод закроют.",
     [("новое письмо", "завод закроют", "говорится")]),
    ("Министерство обороны выпустило доклад, в котором говорится, что цены вырастут.",
     [("Министерство обороны", "цены вырастут", "говорится")]),
    ("Фермеры, которые говорят, что цены растут, протестуют.", [("Фермеры", "цены растут", "говорят")]),
    ("Я верю знающим людям, которые говорят, что цены вырастут.", [("знающие люди", "цены вырастут", "говорят")]),
    ("Ведомство активно борется с судебными решениями, в которых утверждалось, что министерство нарушило закон.",
     [("судебные решения", "министерство нарушило закон", "утверждалось")]),
    # The noun before the comma when the parser hangs the clause elsewhere, up a genitive chain to
    # the noun the relative word agrees with («которое»: the ministry, not «РФ»).
    ("Журналисты проверили версию Минобороны РФ, которое заявило, что нанесло удар по заводу.",
     [("Минобороны", "нанесло удар по заводу", "заявило")]),
    # A numeral governs its noun's case: the phrase is named as written.
    ("В ЕС есть семь стран, которые говорили о других форматах для Украины.",
     [("семь стран", "о других форматах для Украины", "говорили")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_reported_speaker_words_table(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
