"""Mentions in a line set all in capitals stay only as names or abbreviations, or when the
article writes them in ordinary case too. Text written for this test."""

from __future__ import annotations

import pytest

from rashomon.entities.capitals import drop_shouted
from rashomon.model import Mention

TEXT = ("ГРУЗИЯ ПЕРЕД ВЫБОРОМ: СТРАНА ЖДЁТ РЕШЕНИЯ НАТО И ОДКБ\n\n"
        "Грузия ждёт решения. СТРАНА в обычном тексте остаётся.\n\n"
        "BREAKING: THE SENATE VOTES ON FBI FUNDING\n")


def _mention(text: str, word: str, nth: int = 0, kind: str = "ORG") -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Mention(start, start + len(word), word, kind, word.capitalize(), kind)


@pytest.mark.parametrize(
    "word,nth,kept",
    [
        ("ГРУЗИЯ", 0, True),  # written «Грузия» in ordinary case too
        ("НАТО", 0, True),  # an abbreviation the dictionary knows
        ("ОДКБ", 0, True),
        ("FBI", 0, True),  # English: only function words are dropped
        # negatives: ordinary words and headlines in shouted lines
        ("ПЕРЕД", 0, False),
        ("СТРАНА", 0, False),
        ("THE", 0, False),
        ("ГРУЗИЯ ПЕРЕД ВЫБОРОМ: СТРАНА", 0, False),
        # a capitalised word in an ordinary line is left alone
        ("СТРАНА", 1, True),
    ],
)
def test_capitals_shouted_mentions(word, nth, kept):
    m = _mention(TEXT, word, nth)
    others = [_mention(TEXT, "Грузия", 0, "LOC")]
    out = drop_shouted(TEXT, [m, *others])
    assert (m in out) == kept
    assert others[0] in out
