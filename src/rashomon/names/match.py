"""Decide whether two spellings denote the same name, and say why.

Order of evidence: guards (gender forms, surname-suffix families) veto first; then equal
comparison keys; then keys that differ only by a few regular vowel alternations (Belarusian
akanye a/o, e/i); finally, for a Latin spelling against a Cyrillic one, the learned spelling
model of :mod:`rashomon.names.crossscript`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from rashomon.names.crossscript import cross_script_llr, default_model
from rashomon.names.guards import press_lookalike, veto
from rashomon.names.keys import KeyTrace, key_trace
from rashomon.names.translit import has_cyrillic

# Vowel alternations that romanisations and Belarusian/Ukrainian spellings produce regularly.
VOWEL_ALTERNATIONS: frozenset[frozenset[str]] = frozenset(
    {frozenset("ao"), frozenset("ei"), frozenset("ae")}
)
MIN_FUZZY_LEN = 6  # shorter keys must be equal: one vowel decides too much in "Belov"/"Bilov"
LETTERS_PER_VOWEL_EDIT = 4  # allow one vowel alternation per this many letters of the key
SCORE_SLOPE = 2.0  # steepness of the logistic mapping model LLRs to 0..1 scores


@dataclass(frozen=True)
class Match:
    """Verdict on two names: similarity score in 0..1, decision, and the rule that decided."""

    a: str
    b: str
    score: float
    same: bool
    why: str


def _similarity(key_a: str, key_b: str) -> float:
    """Normalised Levenshtein similarity of two keys, 0..1."""
    return Levenshtein.normalized_similarity(key_a, key_b)


def _describe(trace: KeyTrace) -> str:
    """Show how a spelling became its key, e.g. 'Лукашэнка→lukashenka→lukashenk (-enko/-enka)'."""
    steps = [trace.source]
    if trace.romanised != trace.source.lower():
        steps.append(trace.romanised)
    if trace.key != trace.romanised:
        steps.append(trace.key)
    rules = f" ({', '.join(trace.rules)})" if trace.rules else ""
    return "→".join(steps) + rules


def vowel_alternations(key_a: str, key_b: str) -> list[str] | None:
    """The vowel swaps turning key_a into key_b, or None if any other edit is needed."""
    if len(key_a) != len(key_b) or min(len(key_a), len(key_b)) < MIN_FUZZY_LEN:
        return None
    swaps = []
    for op in Levenshtein.editops(key_a, key_b):
        pair = frozenset((key_a[op.src_pos], key_b[op.dest_pos]))
        if op.tag != "replace" or pair not in VOWEL_ALTERNATIONS:
            return None
        swaps.append(f"{key_a[op.src_pos]}/{key_b[op.dest_pos]}")
    return swaps if len(swaps) <= len(key_a) // LETTERS_PER_VOWEL_EDIT else None


def _key_verdict(a: str, b: str, ta: KeyTrace, tb: KeyTrace) -> Match | None:
    """Same-name verdict from comparison keys alone, or None if keys do not decide."""
    if ta.key == tb.key:
        return Match(a, b, 1.0, True, f"same key '{ta.key}': {_describe(ta)}; {_describe(tb)}")
    swaps = vowel_alternations(ta.key, tb.key)
    if swaps:
        why = f"keys differ only by vowel alternation {', '.join(swaps)}: {ta.key} ~ {tb.key}"
        return Match(a, b, _similarity(ta.key, tb.key), True, why)
    return None


def _latin_and_cyrillic(a: str, b: str) -> tuple[str, str] | None:
    """(latin, cyrillic) if exactly one of the two spellings is Cyrillic."""
    ca, cb = has_cyrillic(a), has_cyrillic(b)
    if ca == cb:
        return None
    return (b, a) if ca else (a, b)


def _model_verdict(a: str, b: str, latin: str, cyrillic: str) -> Match:
    """Verdict of the learned Latin<->Cyrillic model, token by token when counts agree."""
    lat_tokens, cyr_tokens = latin.split(), cyrillic.split()
    if len(lat_tokens) != len(cyr_tokens):
        lat_tokens, cyr_tokens = ["".join(lat_tokens)], ["".join(cyr_tokens)]
    threshold = default_model().threshold
    worst, shown = math.inf, []
    for lt, ct in zip(lat_tokens, cyr_tokens):
        llr, alignment = cross_script_llr(lt, ct)
        worst = min(worst, llr)
        shown.append(alignment)
    same = worst >= threshold
    score = 1.0 / (1.0 + math.exp(-SCORE_SLOPE * (worst - threshold))) if worst > -math.inf else 0.0
    verdict = "≥" if same else "<"
    why = (f"learned spelling model: LLR/letter {worst:.2f} {verdict} threshold {threshold:.2f}; "
           f"alignment {' | '.join(shown)}")
    return Match(a, b, score, same, why)


def match_names(a: str, b: str) -> Match:
    """Compare two name spellings (any mix of Latin and Cyrillic) and explain the verdict."""
    a, b = a.strip(), b.strip()
    ta, tb = key_trace(a), key_trace(b)
    if not ta.key or not tb.key:
        return Match(a, b, 0.0, False, "empty name")
    reason = veto(ta.key, tb.key)
    if reason:
        return Match(a, b, _similarity(ta.key, tb.key), False, f"guard: {reason}")
    verdict = _key_verdict(a, b, ta, tb)
    if verdict:
        return verdict
    scripts = _latin_and_cyrillic(a, b)
    if scripts:
        latin_key, cyrillic_key = (ta.key, tb.key) if scripts[0] == a else (tb.key, ta.key)
        lookalike = press_lookalike(scripts[0], latin_key, cyrillic_key)
        if lookalike:
            return Match(a, b, _similarity(ta.key, tb.key), False, f"guard: {lookalike}")
        return _model_verdict(a, b, *scripts)
    similarity = _similarity(ta.key, tb.key)
    return Match(a, b, similarity, False,
                 f"keys differ beyond regular variation: {ta.key} vs {tb.key} (similarity {similarity:.2f})")
