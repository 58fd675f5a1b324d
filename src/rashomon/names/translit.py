"""Cyrillic (Russian, Belarusian, Ukrainian) to Latin transliteration driven by data files.

Each system is one TSV file in ``rashomon/lang/translit/`` (see the header of any file for
its format). Tables are parsed lazily on first use and cached.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rashomon.lang import read_rows
from rashomon.script import CYRILLIC_WORD, has_cyrillic

__all__ = ["has_cyrillic"]  # re-exported: callers in names/ and resolve/ import it from here

SYSTEMS: tuple[str, ...] = ("press", "bgn_pcgn", "iso9", "national")
LANGS: tuple[str, ...] = ("ru", "be", "uk")
# Convenience names used in the issue; each pins the national system to one language.
SYSTEM_ALIASES: dict[str, tuple[str, str | None]] = {
    "bgn": ("bgn_pcgn", None),
    "belarusian_national": ("national", "be"),
    "ukrainian_national": ("national", "uk"),
    "russian_passport": ("national", "ru"),
}

@dataclass(frozen=True)
class _Table:
    """Compiled rules of one system for one language."""

    rules: dict[str, tuple[tuple[str, str], ...]]  # literal -> ((context, latin), ...)
    max_len: int
    vowels: frozenset[str]


def _parse_pattern(raw: str) -> tuple[str, str]:
    """Split a pattern into (literal, context) where context is a subset of '^+$'."""
    context = ""
    if raw.startswith(("^", "+")) and len(raw) > 1:
        context, raw = raw[0], raw[1:]
    if raw.endswith("$") and len(raw) > 1:
        context, raw = context + "$", raw[:-1]
    return raw, context


def _context_rank(context: str) -> int:
    """Order rules so the most specific context is tried first."""
    return -len(context)


@lru_cache(maxsize=None)
def _load_table(system: str, lang: str) -> _Table:
    """Parse ``<system>.tsv`` into the rule table for ``lang``."""
    general: dict[str, str] = {}
    specific: dict[str, str] = {}
    vowels = ""
    for fields in read_rows("translit", f"{system}.tsv"):
        langs = fields[2].split(",") if len(fields) > 2 and fields[2] else []
        if langs and lang not in langs:
            continue
        if fields[0] == "@vowels":
            if langs or not vowels:
                vowels = fields[1]
            continue
        target = specific if langs else general
        target[fields[0]] = fields[1] if len(fields) > 1 else ""
    merged = {**general, **specific}
    grouped: dict[str, list[tuple[str, str]]] = {}
    for raw, latin in merged.items():
        literal, context = _parse_pattern(raw)
        grouped.setdefault(literal, []).append((context, latin))
    rules = {k: tuple(sorted(v, key=lambda r: _context_rank(r[0]))) for k, v in grouped.items()}
    return _Table(rules, max(map(len, rules)), frozenset(vowels))


def _context_ok(context: str, word: str, start: int, end: int, vowels: frozenset[str]) -> bool:
    """Check a rule's context markers at word[start:end]."""
    if "^" in context and start != 0:
        return False
    if "+" in context and (start == 0 or word[start - 1] not in vowels):
        return False
    return not ("$" in context and end != len(word))


def _match_case(source: str, latin: str, whole_upper: bool) -> str:
    """Give ``latin`` the case of the Cyrillic chunk it came from."""
    if not latin or not source[0].isupper():
        return latin
    return latin.upper() if whole_upper else latin[0].upper() + latin[1:]


def _transliterate_word(word: str, table: _Table) -> str:
    """Transliterate one Cyrillic word with longest-match rules."""
    lower = word.lower()
    whole_upper = len(word) > 1 and word.isupper()
    out: list[str] = []
    i = 0
    while i < len(lower):
        for size in range(min(table.max_len, len(lower) - i), 0, -1):
            options = table.rules.get(lower[i : i + size])
            hit = options and next(
                (lat for ctx, lat in options if _context_ok(ctx, lower, i, i + size, table.vowels)),
                None,
            )
            if hit is not None and options:
                out.append(_match_case(word[i : i + size], hit, whole_upper))
                i += size
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def resolve_system(system: str, lang: str) -> tuple[str, str]:
    """Map a system name or alias plus language to a (system, lang) pair of a data file."""
    system = system.lower().replace("-", "_").replace("/", "_")
    if system in SYSTEM_ALIASES:
        system, forced = SYSTEM_ALIASES[system]
        lang = forced or lang
    if system not in SYSTEMS:
        raise ValueError(f"unknown transliteration system {system!r}; choose from {SYSTEMS}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose from {LANGS}")
    return system, lang


def guess_lang(text: str) -> str:
    """Guess ru/be/uk from letters and clusters only one of them uses; ru when nothing tells."""
    lower = text.lower()
    if any(ch in lower for ch in "їєґ") or "ськ" in lower:
        return "uk"
    if "ў" in lower:
        return "be"
    if "і" in lower:
        # Belarusian has no и and writes ы/э where Ukrainian writes и/е; -ія is Ukrainian.
        if "и" in lower or ("ія" in lower and not any(ch in lower for ch in "ыэ")):
            return "uk"
        return "be"
    return "ru"


def transliterate(text: str, system: str = "press", lang: str = "ru") -> str:
    """Transliterate the Cyrillic words of ``text`` to Latin; other characters pass through."""
    name, lang = resolve_system(system, lang)
    table = _load_table(name, lang)
    return CYRILLIC_WORD.sub(lambda m: _transliterate_word(m.group(0), table), text)


@lru_cache(maxsize=1)
def _fold_map() -> dict[int, str]:
    """Replacements for letters NFKD cannot split into base letter plus mark."""
    return {ord(f[0]): f[1] if len(f) > 1 else "" for f in read_rows("translit", "fold.tsv")}


@lru_cache(maxsize=1)
def _slavic_map() -> dict[int, str]:
    """Slavic Latin letters rewritten as English-press digraphs (š -> sh)."""
    rows = read_rows("translit", "slavic_latin.tsv")
    return {ord(f[0]): f[1] if len(f) > 1 else "" for f in rows}


def fold_diacritics(text: str) -> str:
    """Strip diacritics: ``Lukašenka`` -> ``Lukasenka``, ``Łódź`` -> ``Lodz``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_fold_map()))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slavic_latin_to_press(text: str) -> str:
    """Rewrite scholarly Slavic Latin (š, č, ž, ć, ŭ) as press digraphs, then fold the rest."""
    lowered = unicodedata.normalize("NFC", text).lower()
    return fold_diacritics(lowered.translate(_slavic_map()))
