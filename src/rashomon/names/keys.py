"""Comparison keys that fold systematic romanisation variants of names to one string.

``name_key("Лукашэнка") == name_key("Lukashenko") == name_key("Lukašenka") == "lukashenk"``.
The rewrite rules live in ``rashomon/lang/translit/name_key.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rashomon.lang import read_rows
from rashomon.names.translit import guess_lang, has_cyrillic, slavic_latin_to_press, transliterate

_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_APOSTROPHES = re.compile(r"['’ʼ]")


class KeyTrace(NamedTuple):
    """A key plus the romanised form it came from and the labels of the rules that fired."""

    source: str
    romanised: str
    key: str
    rules: tuple[str, ...]


@lru_cache(maxsize=1)
def _key_rules() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """Compile the ordered rewrite rules of name_key.tsv."""
    return tuple((re.compile(f[0]), f[1], f[2]) for f in read_rows("translit", "name_key.tsv"))


def romanise(text: str, lang: str | None = None) -> str:
    """Lowercase Latin form of a name: press transliteration of Cyrillic, š->sh, no diacritics."""
    if has_cyrillic(text):
        text = transliterate(text, "press", lang or guess_lang(text))
    return slavic_latin_to_press(_APOSTROPHES.sub("", text))


def _fold_token(token: str) -> tuple[str, list[str]]:
    """Apply the key rules to one lowercase Latin token, recording which fired."""
    fired: list[str] = []
    for pattern, replacement, label in _key_rules():
        new = pattern.sub(replacement, token)
        if new != token:
            fired.append(label)
            token = new
    return token, fired


@lru_cache(maxsize=65536)
def key_trace(text: str, lang: str | None = None) -> KeyTrace:
    """Compute the comparison key of a name and explain how it was derived."""
    romanised = romanise(text, lang)
    keys: list[str] = []
    fired: list[str] = []
    for token in _TOKEN.findall(romanised):
        key, rules = _fold_token(token)
        keys.append(key)
        fired.extend(r for r in rules if r not in fired)
    return KeyTrace(text, romanised, " ".join(keys), tuple(fired))


def name_key(text: str, lang: str | None = None) -> str:
    """Comparison key folding g/h, ya/ia/e, ye/ie/e, kh/h, -sky/-ski, -enko/-enka, y/i/j, doubles."""
    return key_trace(text, lang).key
