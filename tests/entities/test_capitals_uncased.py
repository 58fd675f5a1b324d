"""A mention with no capital letter in a line that uses capitals is the recogniser's slip, not a
name; in a line written all in lower case, case says nothing. Text written for this test."""

from __future__ import annotations

import pytest

from rashomon.entities.capitals import drop_uncased
from rashomon.model import Mention

TEXT = ("That lesson appears to be spreading, the Georgia governor said.\n"
        "the state was quiet and so was the town, wrote someone on a forum\n"
        "Officials at the State Department and in the state said the 335th unit had left.\n")


def _mention(word: str, nth: int = 0, kind: str = "ORG") -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return Mention(start, start + len(word), word, kind, word, kind)


@pytest.mark.parametrize(
    "word,nth,kind,kept",
    [
        ("Georgia", 0, "LOC", True),
        ("State Department", 0, "ORG", True),
        ("335th", 0, "OTHER", False),  # letters, none capital: a slip
        # a line all in lower case keeps its mentions
        ("state", 0, "ORG", True),
        # negatives: lower-case words tagged as names in ordinary lines
        ("lesson", 0, "PERSON", False),
        ("state", 1, "ORG", False),
    ],
)
def test_capitals_uncased_mentions(word, nth, kind, kept):
    m = _mention(word, nth, kind)
    assert (m in drop_uncased(TEXT, [m])) == kept


def test_capitals_uncased_keeps_marks_and_numbers():
    m = Mention(0, 4, "2016", "OTHER", "2016", "DATE")
    assert drop_uncased("2016 was a year.", [m]) == [m]
