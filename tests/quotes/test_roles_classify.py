"""The one decision on quoted phrases nobody is said to have said."""

from __future__ import annotations

import pytest

from rashomon.quotes.lexicon import merged_lexicon
from rashomon.quotes.roles import classify_unattributed


@pytest.mark.parametrize(
    "text,phrase,role",
    [
        ("overthrown by his “European integrators” soon", "“European integrators”", "scare"),
        ("the so-called “peaceful protesters” marched", "“peaceful protesters”", "scare"),
        ("Stocks of “Novichok” agent remain", "“Novichok”", "name"),
        ("a guest spot on “Saturday Night Live” again", "“Saturday Night Live”", "title"),
        ("the newspaper “Nasha Niva” wrote", "“Nasha Niva”", "title"),
        ("the word “coup” is used", "“coup”", "term"),
        ("так называемый «заговор» раскрыт", "«заговор»", "scare"),
        ("операция «Гром» началась", "«Гром»", "name"),
        ("газета «Ведомости» написала", "«Ведомости»", "title"),
        # A cited article's title on its own line, its byline after it.
        ("Read more.\n“Mayor Admits To Failing The City After Long Silence,” by Jane Roe, Daily Bugle, May 1, 2018:",
         "“Mayor Admits To Failing The City After Long Silence,”", "title"),
        # Negative: inside a sentence, or with no byline, a long quotation is somebody's words.
        ("He wrote “Mayor admits to failing the city after a long silence,” by all accounts, in May.",
         "“Mayor admits to failing the city after a long silence,”", "quote"),
        ("“Mayor admits to failing the city after a long silence,” Jane Roe wrote.",
         "“Mayor admits to failing the city after a long silence,”", "quote"),
        ("a note: “We will never give up, and we will win this fight together.”",
         "“We will never give up, and we will win this fight together.”", "quote"),
    ],
)
def test_roles_classify_table(text, phrase, role):
    s = text.index(phrase)
    e = s + len(phrase)
    got, reason = classify_unattributed(text, s, e, s + 1, e - 1, merged_lexicon())
    assert got == role, reason
    assert reason


@pytest.mark.parametrize(
    "inner,speech",
    [
        ("Gilmore Girls.", False),  # a title with American punctuation
        ("The Nightly Show with Larry Wilmore.", False),
        ("Silent Night.", False),
        # Negative: fragments and sentences stay someone's words; so do exclamations and long titles.
        ("no conflict of interest.", True),
        ("reprehensible, prejudiced and divisive.", True),
        ("My tax plan will be a tremendous plan!", True),
        ("Anytime, Anywhere!", True),
        ("We Will Never Ever Surrender To Them In Any Way.", True),
    ],
)
def test_roles_speech_without_cue(inner, speech):
    from rashomon.quotes.roles import speech_without_cue

    assert speech_without_cue(inner) is speech


@pytest.mark.parametrize("inner", ["Let me talk.", "Build the wall.", "I’m with her."])
def test_roles_speech_without_cue_short_sentences(inner):
    from rashomon.quotes.roles import speech_without_cue

    assert speech_without_cue(inner)
