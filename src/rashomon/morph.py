"""The one Russian morphological dictionary (pymorphy2 through natasha) the rules share."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def russian_morph():  # noqa: ANN201 - natasha.MorphVocab, loaded on first use
    """natasha's MorphVocab: pymorphy2's readings of a Russian word."""
    from natasha import MorphVocab

    return MorphVocab()


_CASES = frozenset({"gent", "datv", "accs", "ablt", "loct"})


def _cases_of(written: str, normal: str) -> set[tuple[str, str | None]]:
    """(case, gender) readings of a name word the normaliser turned to `normal` («Барака» →
    «Барак»: gent or accs, masc)."""
    return {(p.tag.case, p.tag.gender) for p in russian_morph().parse(written)
            if p.normal_form == normal.lower() and p.tag.case in _CASES and p.tag.number != "plur"}


def complete_nominative(written: str, normal: str) -> str:
    """A Russian person's normal form with the words the normaliser left oblique put in the
    nominative too, in a case and gender of a word it did inflect: «Барака Обамы» (normal «Барак
    Обамы») → «Барак Обама», «Ирину Венедиктову» → «Ирина Венедиктова». Only words the dictionary
    knows change; anything else (different word counts, no inflected word) keeps `normal`."""
    wa, na = written.split(), normal.split()
    if len(wa) != len(na) or len(wa) < 2:
        return normal
    readings: set[tuple[str, str | None]] = set()
    for w, n in zip(wa, na):
        if w != n:
            readings |= _cases_of(w, n)
    if not readings:
        return normal
    out = list(na)
    for k, (w, n) in enumerate(zip(wa, na)):
        if w != n or not w[:1].isupper() or not any("а" <= ch <= "я" or ch == "ё" for ch in w.lower()):
            continue
        for p in russian_morph().parse(w):
            if not p.is_known or p.tag.number == "plur" or p.tag.POS not in ("NOUN", "ADJF"):
                continue
            if not any(p.tag.case == case and (gender is None or p.tag.gender in (gender, None) or "ms-f" in str(p.tag))
                       for case, gender in readings):
                continue
            new = p.inflect({"Nom", "Sing"})
            if new is not None and new.word != w.lower():
                out[k] = new.word[:1].upper() + new.word[1:]
                break
    return " ".join(out)
