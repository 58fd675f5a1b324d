"""The one Russian morphological dictionary (pymorphy2 through natasha) the rules share."""

from __future__ import annotations

from functools import lru_cache

from .script import has_cyrillic


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
            if _plain(p.normal_form) == _plain(normal) and p.tag.case in _CASES and p.tag.number != "plur"}


# Words of a name that may follow the case of the word natasha inflected: in a person's name also
# first names, surnames and patronymics; in a place's name only adjectives, since a noun after the
# head is its complement («Площадь Победы» stays, though «Площади» and «Победы» share a case).
_FOLLOWERS = {"PER": frozenset({"ADJF", "PRTF", "Name", "Surn", "Patr"}), "LOC": frozenset({"ADJF", "PRTF"})}


def complete_nominative(written: str, normal: str, kind: str = "PER") -> str:
    """A Russian name's normal form with the words the normaliser left oblique put in the
    nominative too, in a case and gender of a word it did inflect: «Барака Обамы» (normal «Барак
    Обамы») → «Барак Обама», «Ирину Венедиктову» → «Ирина Венедиктова», a place's «Соединённого
    Королевство» → «Соединённое Королевство». `kind` is natasha's span type (PER or LOC; others
    are returned as they are). Only words the dictionary knows change."""
    from natasha.shape import recover_shape

    wa, na = written.split(), normal.split()
    follow = _FOLLOWERS.get(kind)
    if follow is None or len(wa) != len(na):
        return normal
    kept = [_plain(w) == _plain(n) for w, n in zip(wa, na)]  # natasha writes «е» for «ё»
    if len(wa) == 1:
        return recover_shape(_nominative_place(wa[0]), wa[0]) if kind == "LOC" and kept[0] else normal
    readings: set[tuple[str, str | None]] = set()
    for w, n, same in zip(wa, na, kept):
        if not same:
            readings |= _cases_of(w, n)
    if not readings:
        return normal
    out = list(na)
    for k, (w, same) in enumerate(zip(wa, kept)):
        if not same or not w[:1].isupper() or not has_cyrillic(w):
            continue
        for p in russian_morph().parse(w):
            if not p.is_known or p.tag.number == "plur" or not follow & p.tag.grammemes:
                continue
            if not any(p.tag.case == case and (gender is None or p.tag.gender in (gender, None) or "ms-f" in str(p.tag))
                       for case, gender in readings):
                continue
            new = p.inflect({"Nom", "Sing"})
            if new is not None and new.word != w.lower():
                out[k] = recover_shape(new.word, w)
                break
    return " ".join(out)


def _plain(word: str) -> str:
    return word.lower().replace("ё", "е")


def _nominative_place(word: str) -> str:
    """A one-word place name the normaliser left as written, in the nominative when every reading
    the dictionary knows is oblique and one is a place («Украины» → «украина», «Нидерландов» →
    «нидерланды»); the word itself otherwise («Москва», «Буче»: no place reading; «Никольском»: an
    adjective's reading too)."""
    known = [p for p in russian_morph().parse(word) if p.is_known]
    # An adjective reading is a place named by an adjective («в селе Никольском»: Никольское, not Никольск).
    if not known or any(p.tag.case == "nomn" or p.tag.POS == "ADJF" for p in known):
        return word
    place = next((p for p in known if "Geox" in p.tag and p.tag.POS == "NOUN"), None)
    new = place.inflect({"Nom"}) if place is not None else None
    return new.word if new is not None else word
