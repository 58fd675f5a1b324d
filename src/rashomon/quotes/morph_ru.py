"""Russian case readings of a word (pymorphy2's dictionary through natasha), for one check: can
the token the parser calls a subject be one?"""

from __future__ import annotations

from functools import lru_cache

from ..script import has_cyrillic
from ..syntax import SyntaxView


@lru_cache(maxsize=1)
def _morph():  # noqa: ANN202 - natasha.MorphVocab (pymorphy2), loaded on first use
    from natasha import MorphVocab

    return MorphVocab()


@lru_cache(maxsize=4096)
def never_nominative(word: str) -> bool:
    """A Cyrillic word the dictionary knows, none of whose readings is nominative («качестве»,
    «Лидера», «экспертов»). Unknown words (names like «Пельш», «УНИАН») never count: the
    dictionary's guesses for them miss cases."""
    if not has_cyrillic(word):
        return False
    return all(p.is_known and p.tag.case not in (None, "nomn") for p in _morph().parse(word))


_NEVER_SUBJECT = {"ADV", "ADP", "CCONJ", "SCONJ", "PART", "INTJ", "PUNCT", "SYM"}


def nominal_subject(view: SyntaxView, subj: int) -> bool:
    """Whether the parser's subject of a Russian finite verb can be one: not an adverb or a
    particle («устами»), not a known common noun, pronoun or adjective without a nominative
    reading (names are left to the parser). Other languages' subjects are not judged."""
    tok = view.tokens[subj]
    if not has_cyrillic(tok.text):
        return True
    if tok.pos in _NEVER_SUBJECT:
        return False
    return tok.pos not in ("NOUN", "PRON", "ADJ", "DET") or not never_nominative(tok.text)
