"""Fix systematic model errors with language data, not code: a type table and surname endings."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang import load_list, load_table
from ..model import Mention, Token


@lru_cache(maxsize=None)
def type_table(lang: str) -> dict[str, str]:
    """name -> type from lang/<lang>/entity_corrections.tsv."""
    return {row[0]: row[1] for row in load_table(lang, "entity_corrections") if len(row) >= 2}


@lru_cache(maxsize=None)
def surname_pattern(lang: str) -> re.Pattern[str] | None:
    """A regex for capitalised words with a surname ending from lang/<lang>/surname_suffixes.txt."""
    suffixes = load_list(lang, "surname_suffixes")
    if not suffixes:
        return None
    alt = "|".join(sorted((re.escape(s) for s in suffixes), key=len, reverse=True))
    return re.compile(rf"^[A-Z][a-z]+(?:{alt})$")


def _looks_like_surname(word: str, lang: str) -> bool:
    pattern = surname_pattern(lang)
    if pattern is None or len(word) < 5 or not pattern.match(word):
        return False
    return word not in load_list(lang, "entity_stopwords")


def correct_types(mentions: list[Mention], lang: str) -> list[Mention]:
    """Retype mentions listed in the correction table or ending like a surname."""
    table = type_table(lang)
    for m in mentions:
        fixed = table.get(m.normal) or table.get(m.text)
        if fixed:
            m.type = fixed  # type: ignore[assignment]
            continue
        last = m.text.split()[-1] if m.text.split() else ""
        if m.type != "PERSON" and len(m.text.split()) <= 3 and _looks_like_surname(last, lang):
            m.type = "PERSON"
    return mentions


def missed_surnames(text: str, tokens: list[Token], mentions: list[Mention], lang: str) -> list[Mention]:
    """Proper nouns with a surname ending that the model did not tag at all."""
    covered = [(m.start, m.end) for m in mentions]
    found = []
    for tok in tokens:
        if tok.pos != "PROPN" or not _looks_like_surname(tok.text, lang):
            continue
        if any(s < tok.end and tok.start < e for s, e in covered):
            continue
        found.append(Mention(tok.start, tok.end, tok.text, "PERSON", tok.text, "surname-ending"))
    return found
