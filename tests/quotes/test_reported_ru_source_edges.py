"""A Russian source phrase loses conjunctions and particles at its edges, a «в своём …»
adverbial, and quotation marks around all of it. Phrases written for this test."""

from __future__ import annotations

import pytest

from rashomon.quotes.reported import trim_focus
from rashomon.quotes.reported_ru import ru_source_edges

CASES = [
    ("и генеральный прокурор", "генеральный прокурор"),
    ("а министр", "министр"),
    ("МИД же", "МИД"),
    ("министерство ведь", "министерство"),
    ("глава региона в своём канале в Telegram", "глава региона"),
    ("мэр на своей странице", "мэр"),
    ("«Известия»", "Известия"),
    ('"Новая газета"', "Новая газета"),
    # Negative: marks that do not wrap the whole phrase stay; so do names with inner marks.
    ("газета «Известия»", "газета «Известия»"),
    ("«Газпром» и «Роснефть»", "«Газпром» и «Роснефть»"),
    # Negative: a word that only looks like a particle, and a phrase that is a particle alone.
    ("Андрей Жеглов", "Андрей Жеглов"),
    ("же", "же"),
    ("Иван", "Иван"),
    # Negative: not Russian, left as it is.
    ("and the minister", "and the minister"),
    ('"The Times"', '"The Times"'),
]


def _trimmed(phrase: str, focus: bool) -> str:
    """The phrase as a source in a sentence, after the Russian edges (and the focus words)."""
    text = f"До: {phrase} сказал."
    start = text.index(phrase)
    s, e = ru_source_edges(text, (start, start + len(phrase)))
    if focus:
        s, e = trim_focus(text, (s, e))
    return text[s:e]


@pytest.mark.parametrize("phrase, expected", CASES)
def test_reported_ru_source_edges(phrase, expected):
    assert _trimmed(phrase, focus=False) == expected


# Focus words open a source phrase in either language; the quotes layer trims them after the
# Russian edges (so «и лишь» loses both).
FOCUS = [
    ("даже самые большие скептики", "самые большие скептики"),
    ("и лишь министерство", "министерство"),
    ("even the biggest skeptics", "the biggest skeptics"),
    # Negative: a focus word alone, or inside the phrase, stays.
    ("даже", "даже"),
    ("Даниил Даже", "Даниил Даже"),
    ("the only witness", "the only witness"),
]


@pytest.mark.parametrize("phrase, expected", FOCUS)
def test_reported_ru_source_edges_then_focus_words(phrase, expected):
    assert _trimmed(phrase, focus=True) == expected
