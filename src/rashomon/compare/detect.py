"""Align claims within a story and classify each aligned pair: agreement, or a conflict of
kind actor, quantity, date or stance. Candidate pairs come from blocks (shared entity, event
class or quantity head) of bounded size, never from all pairs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from ..model import Quantity
from .units import ClaimUnit

AGREE = 0.75  # translations score ~0.77-0.85, unrelated sentences ~0.1-0.3
STANCE = 0.6
DATE = 0.45
QUANTITY = 0.3
UNIQUE = 0.5
_MAX_BLOCK = 60


@dataclass
class Finding:
    """A conflict or agreement between claim units."""

    kind: str  # actor | quantity | date | stance | agreement
    topic: str
    units: list[int]
    score: float
    why: str
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # unit -> highlighted sub-span


def _interval(q: Quantity) -> tuple[float, float]:
    """The values a quantity allows, from its relation ("at least", "never more than", a range)."""
    v = q.value or 0.0
    hi = q.high if q.high is not None else v
    rel = q.relation or "eq"
    if rel in ("ge", "gt"):
        return v, float("inf")
    if rel in ("le", "lt"):
        return 0.0, hi
    if q.approx == "vague":
        return v * 0.5, hi * 5  # "hundreds", "several hundred": an order of magnitude
    if rel == "about":
        return v * 0.8, hi * 1.25
    return v * 0.98, hi * 1.02  # exact counts: 30 and 33 detained disagree


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two counts of the same thing could both be true."""
    lo1, hi1 = _interval(a)
    lo2, hi2 = _interval(b)
    return lo1 <= hi2 and lo2 <= hi1


def candidate_pairs(units: list[ClaimUnit]) -> set[tuple[int, int]]:
    """Pairs of units from different sources sharing a block key, with bounded blocks."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(units):
        for c in u.clusters:
            blocks[f"e:{c}"].append(k)
        for ev in u.events:
            blocks[f"v:{ev}"].append(k)
        for q in u.quantities:
            blocks[f"q:{q.head_lemma}"].append(k)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > _MAX_BLOCK:
            members = members[:_MAX_BLOCK]  # keep cost bounded; most-specific keys still pair the rest
        for a, b in combinations(members, 2):
            if units[a].source_key != units[b].source_key or units[a].article != units[b].article:
                pairs.add((a, b))
    return pairs


def _actor(ua: ClaimUnit, ub: ClaimUnit, sim: float) -> Finding | None:
    shared = ua.events & ub.events
    if not shared or not ua.agent_keys or not ub.agent_keys or ua.agent_keys & ub.agent_keys:
        return None
    event = sorted(shared)[0]
    return Finding("actor", f"who is behind the {event}", [], 1.0,
                   f"both about a {event}; different agents named", {0: ua.agents[0], 1: ub.agents[0]})


def _quantity(ua: ClaimUnit, ub: ClaimUnit, sim: float) -> Finding | None:
    if sim < QUANTITY and not (ua.clusters & ub.clusters):
        return None
    for qa in ua.quantities:
        for qb in ub.quantities:
            if qa.head_lemma == qb.head_lemma and not compatible(qa, qb):
                return Finding("quantity", f"number of {qa.head or qa.head_lemma}", [], sim,
                               f"{qa.text} vs {qb.text} {qa.head or ''}".strip(),
                               {0: (qa.start, qa.end), 1: (qb.start, qb.end)})
    return None


def _date(ua: ClaimUnit, ub: ClaimUnit, sim: float) -> Finding | None:
    if sim < DATE or not (ua.events & ub.events or ua.clusters & ub.clusters):
        return None
    for da in ua.dates:
        for db in ub.dates:
            if da.granularity == db.granularity == "day" and da.iso != db.iso and not da.iso.startswith("--"):
                return Finding("date", "when it happened", [], sim, f"{da.iso} vs {db.iso}",
                               {0: (da.start, da.end), 1: (db.start, db.end)})
    return None


def _stance(ua: ClaimUnit, ub: ClaimUnit, sim: float) -> Finding | None:
    stances = {ua.claim.stance, ub.claim.stance}
    if sim < STANCE or "disputed" not in stances or not stances & {"asserted", "attributed"}:
        return None
    return Finding("stance", "asserted by one source, disputed by another", [], sim,
                   f"similarity {sim:.2f}; stances {ua.claim.stance} / {ub.claim.stance}")


_RULES = (_actor, _quantity, _date, _stance)


def detect(units: list[ClaimUnit], vecs: np.ndarray) -> tuple[list[Finding], list[Finding], list[int]]:
    """(conflicts, agreements, unique unit indices) for the units of one story."""
    conflicts: list[Finding] = []
    agreements: list[Finding] = []
    aligned: set[int] = set()
    articles = {u.article for u in units}
    for a, b in sorted(candidate_pairs(units)):
        ua, ub = units[a], units[b]
        sim = float(vecs[a] @ vecs[b])
        found = next((f for rule in _RULES if (f := rule(ua, ub, sim)) is not None), None)
        if found is not None:
            found.units = [a, b]
            found.spans = {a if k == 0 else b: span for k, span in found.spans.items()}
            conflicts.append(found)
            aligned.update((a, b))
        elif sim >= AGREE and ua.article != ub.article:
            agreements.append(Finding("agreement", "reported alike", [a, b], sim, f"similarity {sim:.2f}"))
            aligned.update((a, b))
        elif sim >= UNIQUE and ua.article != ub.article:
            aligned.update((a, b))
    # What only one side reports: a claim about named entities that no other article's claim
    # resembles (judged over the blocked candidates only, so the cost stays linear).
    # Only claims about what the other articles also cover: the shared subject, told by one side.
    seen_in: dict[str, set[str]] = defaultdict(set)
    for u in units:
        for c in u.clusters:
            seen_in[c].add(u.article)
    unique = [k for k, u in enumerate(units)
              if len(articles) > 1 and k not in aligned and u.claim.stance != "hedged"
              and any(len(seen_in[c] - {u.article}) > 0 for c in u.clusters) and (u.quantities or u.events or u.dates)]
    return conflicts, agreements, unique
