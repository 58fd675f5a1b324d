"""Vetoes that stop look-alike but different names from merging.

Both work on comparison keys (see :mod:`rashomon.names.keys`) and read their suffix lists
from ``rashomon/lang/ru/names_gender_suffixes.tsv`` and ``names_surname_suffixes.tsv``.
"""

from __future__ import annotations

from functools import lru_cache

from rashomon.lang import read_rows

MIN_STEM = 2  # a suffix must leave at least this many letters, or it is part of the stem
VOWELS = frozenset("aeiou")
# Consonants that no romanisation convention inserts or drops: an extra or missing one of
# these means another surname (Ivanov/Ivankov). h, c, s, t, z, d, j come and go in digraphs
# (kh, ch, ts, tsch, dzh, zh) and Baltic -s, so they never trigger the look-alike guard.
SOLID_CONSONANTS = frozenset("bfklmnprv")


@lru_cache(maxsize=1)
def _gender_pairs() -> tuple[tuple[str, str], ...]:
    """(masculine, feminine) key endings, longest feminine first."""
    rows = [(f[0], f[1]) for f in read_rows("ru", "names_gender_suffixes.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[1])))


@lru_cache(maxsize=1)
def _suffix_families() -> tuple[tuple[str, str], ...]:
    """(suffix, family) pairs, longest suffix first."""
    rows = [(s, f[0]) for f in read_rows("ru", "names_surname_suffixes.tsv") for s in f[1].split()]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def _last_token(key: str) -> str:
    """Surname guards look at the last token of a multi-word key."""
    return key.rsplit(" ", 1)[-1]


def gender_clash(key_a: str, key_b: str) -> str | None:
    """Explain why two keys are masculine/feminine forms of one surname, else None."""
    a, b = _last_token(key_a), _last_token(key_b)
    for masc, fem in _gender_pairs():
        for m_key, f_key in ((a, b), (b, a)):
            if not (m_key.endswith(masc) and f_key.endswith(fem)):
                continue
            m_stem, f_stem = m_key[: -len(masc)], f_key[: -len(fem)]
            if len(m_stem) >= MIN_STEM and _similar_stems(m_stem, f_stem):
                return f"gender forms -{masc} vs -{fem} ({m_key} / {f_key})"
    return None


def _similar_stems(a: str, b: str) -> bool:
    """Stems that are equal or differ by at most one letter count as the same surname."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b) <= (1 if min(len(a), len(b)) >= 4 else 0)


def suffix_family(key: str) -> str | None:
    """The surname-suffix family (e.g. '-enko') of a key's last token, if any."""
    token = _last_token(key)
    for suffix, family in _suffix_families():
        if token.endswith(suffix) and len(token) - len(suffix) >= MIN_STEM:
            return family
    return None


def suffix_clash(key_a: str, key_b: str) -> str | None:
    """Explain why two keys carry different surname-suffix families, else None."""
    fam_a, fam_b = suffix_family(key_a), suffix_family(key_b)
    if fam_a and fam_b and fam_a != fam_b:
        return f"different surname suffixes {fam_a} vs {fam_b}"
    return None


def consonant_indels(key_a: str, key_b: str) -> tuple[list[str], int]:
    """Solid consonants inserted or deleted between two keys, and the total number of edits."""
    from rapidfuzz.distance import Levenshtein

    ops = Levenshtein.editops(key_a, key_b)
    indels = [key_a[op.src_pos] if op.tag == "delete" else key_b[op.dest_pos]
              for op in ops if op.tag in ("insert", "delete")]
    return [c for c in indels if c in SOLID_CONSONANTS], len(ops)


def press_lookalike(latin: str, latin_key: str, cyrillic_key: str) -> str | None:
    """Veto a press-style Latin surname one consonant away from a Slavic Cyrillic one.

    Ivanov vs Иванков: the Cyrillic romanises to 'ivankov', a different real surname.
    Only for plain-ASCII Latin (press spelling, no Polish/German w, q, x), since other
    romanisation traditions legitimately differ by consonants (Parchomenko).
    """
    if not latin.isascii() or any(ch in latin.lower() for ch in "wqx"):
        return None
    if suffix_family(cyrillic_key) is None:
        return None
    indels, edits = consonant_indels(latin_key, cyrillic_key)
    if indels and edits <= 2:
        return f"look-alike surname: {cyrillic_key} is {latin_key} with consonant {'/'.join(indels)} added or dropped"
    return None


def veto(key_a: str, key_b: str) -> str | None:
    """First guard that forbids merging two keys, as a reason, or None."""
    return gender_clash(key_a, key_b) or suffix_clash(key_a, key_b)
