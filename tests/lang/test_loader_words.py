"""`load_words`: one lower-cased set over every resource language's list of that name."""

from __future__ import annotations

import pytest

from rashomon.errors import RashomonError
from rashomon.lang import RESOURCE_LANGS, load_list, load_words


@pytest.mark.parametrize("name", ["place_levels", "editorial_marks", "speech_verbs", "light_verbs"])
def test_loader_words_union_of_languages(name: str) -> None:
    expected = {w.lower() for lang in RESOURCE_LANGS for w in load_list(lang, name)}
    assert load_words(name) == frozenset(expected)


@pytest.mark.parametrize("word,present", [("область", True), ("province", True), ("Province", False), ("city hall", False)])
def test_loader_words_entries(word: str, present: bool) -> None:
    assert (word in load_words("place_levels")) is present


def test_loader_words_missing_list() -> None:
    with pytest.raises(RashomonError):
        load_words("no_such_list_anywhere")
