"""Script tests: which characters are Cyrillic, and how much of a text is.

One definition of "Cyrillic" for the whole package: the basic Cyrillic block U+0400-U+04FF,
which holds every Russian, Belarusian and Ukrainian letter (ё, і, ї, є, ґ, ў included).
"""

from __future__ import annotations

import re

CYRILLIC_CHAR = re.compile(r"[\u0400-\u04ff]")
CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff][\u0400-\u04ff'’ʼ]*")  # apostrophes: Belarusian/Ukrainian
RUSSIAN_LOWER = re.compile(r"[а-яё]")
RUSSIAN_UPPER = re.compile(r"[А-ЯЁ]")


def is_cyrillic(ch: str) -> bool:
    """True if the single character `ch` is in the Cyrillic block."""
    return "\u0400" <= ch <= "\u04ff"


def has_cyrillic(text: str) -> bool:
    """True if the text contains at least one Cyrillic character."""
    return CYRILLIC_CHAR.search(text) is not None


def cyrillic_count(text: str) -> int:
    """How many characters of `text` are Cyrillic."""
    return len(CYRILLIC_CHAR.findall(text))
