"""Role nouns in their forms: the singular is a role referring back, a plural a group; a
Russian role word and a name stand in one case. Words written for this test."""

from __future__ import annotations

import pytest

from rashomon.quotes.role_nouns import role_nouns, shares_case, singular


@pytest.mark.parametrize("word,lemma,expected", [
    ("историк", "историк", True),
    ("историка", "историк", True),
    ("эксперты", "эксперт", False),
    ("экспертов", "эксперт", False),
    ("pope", "pope", True),
    ("historians", "historian", False),
])
def test_role_nouns_singular(word, lemma, expected):
    assert singular(word, lemma) is expected


@pytest.mark.parametrize("a,b,expected", [
    ("историка", "Бориса", True),
    ("историк", "Борис", True),
    ("историку", "Бориса", False),  # a letter to the historian from Boris: not his title
    ("Ааааа", "Борис", True),  # an unknown word agrees with anything
])
def test_role_nouns_shares_case(a, b, expected):
    assert shares_case(a, b) is expected


def test_role_nouns_lexicon_reads_both_languages():
    nouns = role_nouns()
    assert {"историк", "политолог", "pope", "sheriff"} <= nouns
    assert "учёный" not in nouns and "ученый" in nouns  # ё is read as е
    assert "president" not in nouns  # a title of office refers back by person_nouns.txt instead
