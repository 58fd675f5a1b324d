"""Words a title-case line capitalised but the article writes in lower case are no part of a
name. Text written for this test."""

from __future__ import annotations

import pytest

from rashomon.entities.capitals import trim_title_case
from rashomon.model import Mention

TEXT = ("Shot Officers Were Ambushed As Abuser Keith Ellison Ends Challenges In Supreme Court\n"
        "Two officers were shot on Monday. Keith Ellison, called an abuser by critics, ends his challenges. "
        "The supreme court of the state will rule. Archbishop Jane Roe spoke.\n"
        "Archbishop Jane Roe Speaks At Last To The Grieving Town\n")


def _mention(words: str, kind: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Mention(start, start + len(words), words, kind, words, kind)


ELLISON = _mention("Keith Ellison", "PERSON", 1)


@pytest.mark.parametrize("words,kind,nth,expected", [
    ("Abuser Keith Ellison Ends Challenges", "PERSON", 0, "Keith Ellison"),  # trimmed to the name the body bears
    ("Shot Officers", "PERSON", 0, None),  # nothing but common words: no name
    ("Supreme Court", "ORG", 0, "Supreme Court"),  # a body's name is common words
    # Negatives: a rest the article never names so stays whole; ordinary lines are untouched.
    ("Archbishop Jane Roe Speaks", "PERSON", 0, "Archbishop Jane Roe Speaks"),
    ("Archbishop Jane Roe", "PERSON", 0, "Archbishop Jane Roe"),
])
def test_capitals_title_case_trim(words, kind, nth, expected):
    m = _mention(words, kind, nth)
    out = [x.text for x in trim_title_case(TEXT, [m, ELLISON]) if x is not ELLISON]
    assert out == ([expected] if expected else [])
    for x in trim_title_case(TEXT, [m, ELLISON]):
        assert TEXT[x.start : x.end] == x.text
