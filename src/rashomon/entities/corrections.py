"""Fix systematic model errors with language data, not code: a type table, surname endings,
and first names (to complete "[Yury] Zyankovich" and retype "Alyaksandr Fyaduta" as a person).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang import load_list, load_table
from ..model import Mention, Token
from .cleanup import POSSESSED

# Prepositions before a place: "in Liozna Lukashenka was" is a place plus a surname.
_PLACE_PREPOSITIONS = {"in", "at", "from", "near", "to", "into"}
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=None)
def type_table(lang: str) -> dict[str, str]:
    """name -> type from lang/<lang>/entity_corrections.tsv."""
    return {row[0]: row[1] for row in load_table(lang, "entity_corrections") if len(row) >= 2}


@lru_cache(maxsize=None)
def first_names() -> frozenset[str]:
    """Every first-name variant in lang/en/first_names.tsv (all scripts), for any language."""
    names: set[str] = set()
    for row in load_table("en", "first_names"):
        for cell in row:
            names.update(w.lstrip("~") for w in cell.split() if w.lstrip("~")[:1].isupper())
    return frozenset(names)


@lru_cache(maxsize=None)
def surname_pattern(lang: str) -> re.Pattern[str] | None:
    """A regex for capitalised words with a surname ending from lang/<lang>/surname_suffixes.txt."""
    suffixes = load_list(lang, "surname_suffixes")
    if not suffixes:
        return None
    alt = "|".join(sorted((re.escape(s) for s in suffixes), key=len, reverse=True))
    return re.compile(rf"^[A-Z][a-z]+(?:{alt})$")


def looks_like_surname(word: str, lang: str) -> bool:
    """A capitalised word with an East Slavic surname ending that is not a listed exception."""
    pattern = surname_pattern(lang)
    if pattern is None or len(word) < 5 or not pattern.match(word):
        return False
    return word not in load_list(lang, "entity_stopwords")


def correct_types(mentions: list[Mention], lang: str) -> list[Mention]:
    """Retype mentions by the table, first names and surname endings; drop unknown possessed parts."""
    table = type_table(lang)
    given = first_names()
    out = []
    for m in mentions:
        fixed = table.get(m.normal) or table.get(m.text)
        if m.label.endswith(POSSESSED):
            if not fixed:
                continue
            m.label = m.label[: -len(POSSESSED)]
        out.append(m)
        if fixed:
            m.type = fixed  # type: ignore[assignment]
            continue
        words = m.normal.split()
        if not words or m.type == "PERSON":
            continue
        if (words[0] in given and len(words) <= 3) or (len(words) <= 3 and looks_like_surname(words[-1], lang)):
            m.type = "PERSON"
    return out


def missed_surnames(text: str, tokens: list[Token], mentions: list[Mention], lang: str) -> list[Mention]:
    """Proper nouns with a surname ending that the model did not tag at all."""
    covered = [(m.start, m.end) for m in mentions]
    found = []
    for tok in tokens:
        if tok.pos != "PROPN" or not looks_like_surname(tok.text, lang):
            continue
        if any(s < tok.end and tok.start < e for s, e in covered):
            continue
        found.append(Mention(tok.start, tok.end, tok.text, "PERSON", tok.text, "surname-ending"))
    return found


def missed_listed(text: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """Names from the correction table the model did not tag at all ("FSB claims …" in a headline)."""
    table = type_table(lang)
    if not table:
        return []
    covered = [(m.start, m.end) for m in mentions]
    names = sorted(table, key=len, reverse=True)
    pattern = _listed_pattern(lang, tuple(names))
    found = []
    for m in pattern.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b in covered):
            continue
        covered.append((s, e))
        found.append(Mention(s, e, m.group(), table[m.group()], m.group(), "listed"))  # type: ignore[arg-type]
    return found


@lru_cache(maxsize=None)
def _listed_pattern(lang: str, names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


_BEFORE = re.compile(r"(\[?)([^\W\d_][\w'-]*)(\]?)\s+$")


def complete_first_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Extend a person mention over a first name just before it: "[Yury] Zyankovich", "Alexei Druzhinin"."""
    given = first_names()
    for m in mentions:
        if m.type == "LOC" or m.normal.split()[0] in given:
            continue
        m_left = _BEFORE.search(text, max(0, m.start - 40), m.start)
        if not m_left or m_left.group(2) not in given or bool(m_left.group(1)) != bool(m_left.group(3)):
            continue
        if "\n" in text[m_left.start() : m.start]:
            continue
        m.start = m_left.start()
        m.text = text[m.start : m.end]
        m.normal = f"{m_left.group(2)} {m.normal}"
        m.type = "PERSON"  # a first name in front: the model's ORG was a surname
    return mentions


def trim_place_prefix(text: str, mentions: list[Mention]) -> list[Mention]:
    """'in Liozna Lukashenka': drop a leading non-first-name word after a place preposition."""
    given = first_names()
    if not given:
        return mentions
    for m in mentions:
        words = m.text.split()
        if m.type != "PERSON" or len(words) < 2 or words[0] in given:
            continue
        before = _WORD.findall(text[max(0, m.start - 12) : m.start])
        if not before or before[-1].lower() not in _PLACE_PREPOSITIONS:
            continue
        cut = m.text.index(words[1], len(words[0]))
        m.start += cut
        m.text = text[m.start : m.end]
        m.normal = " ".join(m.normal.split()[1:]) or m.text
    return mentions
