"""Canonical display name of a cluster: the most frequent full form, optionally in one script."""

from __future__ import annotations

import re
from collections import Counter

from rashomon.model import Entity
from rashomon.names.translit import has_cyrillic
from rashomon.resolve.places import strip_generic

SCRIPTS = ("latin", "cyrillic")
_BRACKETS = re.compile(r"[\[\]()]")


def script_of(name: str) -> str:
    """'cyrillic' if the name has a Cyrillic letter, else 'latin'."""
    return "cyrillic" if has_cyrillic(name) else "latin"


def _forms(entities: list[Entity]) -> Counter[str]:
    """Entity names weighted by their mention counts; editorial brackets ('[Yury] Zyankovich') dropped."""
    counts: Counter[str] = Counter()
    for ent in entities:
        counts[" ".join(_BRACKETS.sub("", ent.name).split())] += max(1, len(ent.mentions))
    return counts


def display_name(entities: list[Entity], etype: str, prefer_script: str | None = None) -> str:
    """Most frequent full form (persons: most words; places: without generic words); ties go to the
    form whose last word is most frequent overall, then to the earliest seen."""
    counts = _forms(entities)
    forms = [f for f in counts if f]
    if prefer_script:
        preferred = [f for f in forms if script_of(f) == prefer_script]
        forms = preferred or forms
    if not forms:
        return entities[0].name
    if etype == "PERSON":
        longest = max(len(f.split()) for f in forms)
        forms = [f for f in forms if len(f.split()) == longest]
    elif etype == "LOC":
        forms = [f for f in forms if strip_generic(f) == f] or forms
    last_words: Counter[str] = Counter()
    for ent in entities:
        for m in ent.mentions:
            if m.normal.split():
                last_words[m.normal.split()[-1].casefold()] += 1
    order = {f: i for i, f in enumerate(counts)}
    return max(forms, key=lambda f: (counts[f], last_words[f.split()[-1].casefold()], -order[f]))
