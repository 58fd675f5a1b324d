"""The English attribution word lists load into the quote lexicon; Russian lacks them on purpose."""

from __future__ import annotations

import pytest

from rashomon.quotes.lexicon import lexicon, merged_lexicon

CASES = [
    # (field, entry, in English, in Russian)
    ("intention", "want", True, False),
    ("intention", "say", False, False),
    ("regard", "see", True, False),
    ("objective", "announce", True, False),
    ("objective", "favour", False, False),  # "the situation favours the putsch" holds no view
    ("objective", "promote", False, False),  # promoting people is no evaluation
    ("prepositional", ("call", "for"), True, False),
    ("nouns", "claim", True, False),
    ("noun_preps", "of", True, False),
    ("light", "make", True, False),
    ("complement_preps", "as", True, False),
]


@pytest.mark.parametrize("field,entry,en,ru", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_lexicon_lists_table(field, entry, en, ru):
    assert (entry in getattr(lexicon("en"), field)) is en
    assert (entry in getattr(lexicon("ru"), field)) is ru
    assert (entry in getattr(merged_lexicon(), field)) is (en or ru)


@pytest.mark.parametrize("lemma,cue", [("want", True), ("see", True), ("call", True), ("focus", True),
                                       ("walk", False), ("hop", False)])
def test_lexicon_lists_is_cue(lemma, cue):
    assert lexicon("en").is_cue(lemma) is cue


def test_lexicon_lists_lemma_fix():
    from rashomon.model import Token

    tok = Token(0, 6, "hoping", "hop", "VERB", "ROOT", 0, 0)
    assert lexicon("en").lemma_of(tok) == "hope"
    assert lexicon("en").lemma_of(Token(0, 5, "hoped", "hope", "VERB", "ROOT", 0, 0)) == "hope"
