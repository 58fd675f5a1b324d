"""Align claims within a story and read each aligned pair slot by slot.

Alignment: claim pairs from different sources whose multilingual embeddings are close (or that
share a blocking key: an entity cluster, event class, predicate or quantity frame). A pair
whose frames agree but whose slots differ is a conflict candidate of the kind of the slot —
quantity, date, place, origin, actor, polarity, modality — with features that
`confidence` turns into a calibrated confidence. A value the other article also states (a part
and its total, a figure both report) is reconciled, not a conflict; a figure an article itself
revises is an update. Polarity and modality set plain statements against each other only (not
a negation under a modal or condition, nor a statement that wishes, plans, speculates or
negates by other words: lang/<code>/polarity_irrealis.tsv, implicit_negations.txt,
modality_plain_stop.txt); two dates in one article conflict only between two named sources.
One account is never two: copies of one text, values of two holders or of one table, places and
days of two events (two subjects, two places, two days), a speaker's own "I" against others.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..lang import load_words
from ..model import Article, DateRef, Quantity
from ..wordpatterns import trie
from .confidence import calibrate
from .frames import ArticleFacts, comparable, compatible, date_key, dates_differ, quantity_frame, update_cue
from .rebuttal import Rebuttal, rebuttal_pairs
from .units import ClaimUnit, contrary_table, subject_of

_COARSE, _COARSE_SIM = ("year", "month"), 0.6  # dates of a year or a month: see _date
ALIGN = 0.45  # below this two claims are not about the same thing (unrelated sentences ~0.1-0.3)
AGREE = 0.75  # translations score ~0.77-0.85
# Two Russian statements of one fact score lower than two English ones: a rewrite keeping
# most words scores 0.70-0.75 («Оргкомитет …» / «Организационный комитет …»), where
# English pairs in that band are as often two statements as one (docs/quality_history.md).
AGREE_WITHIN = {"ru": 0.65}
UNIQUE = 0.5
POLARITY_SIM = 0.35  # a denial and its claim read less alike than paraphrases ("never served" / "I served")
_BLOCK_ROWS = 512  # similarity computed in row blocks: memory bounded for large stories
_NEIGHBOURS = 24  # each statement meets at most this many most similar ones: cost linear in a story


@dataclass
class Candidate:
    """A finding between claim units: conflict, agreement or update, with what it rests on."""

    kind: str
    topic: str
    units: list[int]
    why: str
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # unit -> highlighted sub-span
    frame: str = ""
    slot: str = ""
    features: dict[str, float] = field(default_factory=dict)
    confidence: float = 0.0
    key: str = ""  # what the disagreement is about: one conflict per pair of sources and key
    # unit -> the source to show for it when it is not the unit's own: a claim the rebutter
    # restates ("Pence falsely suggested A. That is not true," Earnest said) is the claimant's.
    sources: dict[int, tuple[str, str | None]] = field(default_factory=dict)  # unit -> (name, entity)


@dataclass
class Detection:
    """What one story yields."""

    conflicts: list[Candidate]
    agreements: list[Candidate]
    updates: list[Candidate]
    unique: list[int]


def _different_sources(ua: ClaimUnit, ub: ClaimUnit) -> bool:
    """Positions from two articles are two accounts; inside one article only two sources are."""
    return ua.article != ub.article or ua.source_key != ub.source_key


def agree_at(ua: ClaimUnit, ub: ClaimUnit) -> float:
    """Least similarity at which two statements agree: lower within a language whose rewrites
    the encoder scores low (AGREE_WITHIN), AGREE otherwise (across languages too)."""
    return AGREE_WITHIN.get(ua.language, AGREE) if ua.language == ub.language else AGREE


def aligned_pairs(units: list[ClaimUnit], vecs: np.ndarray) -> list[tuple[int, int, float]]:
    """(a, b, similarity) for pairs of units from different sources that may speak of one thing."""
    n = len(units)
    out: dict[tuple[int, int], float] = {}
    for lo in range(0, n, _BLOCK_ROWS):
        sims = vecs[lo : lo + _BLOCK_ROWS] @ vecs.T
        if n > _NEIGHBOURS:
            # Keep each row's nearest statements only: a story of thousands of look-alike
            # sentences would otherwise pair every one with every other.
            top = np.argpartition(-sims, _NEIGHBOURS, axis=1)[:, :_NEIGHBOURS]
            keep = np.zeros_like(sims, dtype=bool)
            np.put_along_axis(keep, top, True, axis=1)
            sims = np.where(keep, sims, -1.0)
        rows, cols = np.nonzero(sims >= ALIGN)
        for r, c in zip(rows.tolist(), cols.tolist()):
            a = lo + r
            if a != c and _different_sources(units[a], units[c]):
                out[(min(a, c), max(a, c))] = float(sims[r, c])
    # Blocking keys add pairs the encoder scores low (short claims, a figure in a long sentence).
    blocks: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(units):
        for q in u.quantities:
            key = quantity_frame(q)
            if key is not None:
                blocks[f"q:{key}"].append(k)
        for ev in u.events:
            blocks[f"v:{ev}"].append(k)
        for head in set(u.place_heads.values()):
            blocks[f"p:{head}"].append(k)
    # A negated statement meets the claims that assert its predicate ("never served" and
    # "I served in Vietnam" read differently to the encoder).
    heads = {u.negated_head for u in units if u.negated_head}
    for k, u in enumerate(units):
        for lemma in u.lemmas & heads:
            blocks[f"n:{lemma}"].append(k)
    for members in blocks.values():
        members = members[:60]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a, b) not in out and a != b and _different_sources(units[a], units[b]):
                    out[(min(a, b), max(a, b))] = float(vecs[a] @ vecs[b])
    return sorted((a, b, s) for (a, b), s in out.items())


def _base(ua: ClaimUnit, ub: ClaimUnit, sim: float) -> dict[str, float]:
    shared = ua.clusters & ub.clusters
    return {"sim": sim, "cross_article": float(ua.article != ub.article),
            "cross_language": float(ua.language != ub.language),
            "shared_entities": float(min(len(shared), 3)),
            "shared_predicate": float(bool(ua.predicates & ub.predicates or ua.events & ub.events))}


def _quantity(ua: ClaimUnit, ub: ClaimUnit, sim: float, facts: dict[str, ArticleFacts]) -> Candidate | None:
    if ua.article == ub.article and (update_cue(ua) or update_cue(ub)):
        return None  # an article revising its own figure: an update (see _updates)
    if ua.qualified == ub.qualified and ua.article != ub.article:
        named = _named_amount(ua, ub, sim, facts)
        if named is not None:
            return named
    # Figures said of two places are two measures ("2,000 troops from Syria", "7,000 from Afghanistan").
    if ua.places and ub.places and not set(ua.places) & set(ub.places):
        return None
    # A figure wanted, planned, expected or conditional measures something else than a figure that
    # is ("I support a $12 minimum wage" / "the minimum wage is $7.25"); two demands still compare.
    if ua.qualified != ub.qualified:
        return None
    best: Candidate | None = None
    for qa in ua.quantities:
        for qb in ub.quantities:
            if qa.approx == "vague" or qb.approx == "vague":
                continue  # "thousands", "dozens": too loose to set against a figure
            if _part_figure(ua, qa) or _part_figure(ub, qb):
                continue  # "…, in particular, $50m for …": a part of a total, not another total
            frame = comparable(qa, qb, sim, cross_language=ua.language != ub.language,
                               overlap=len(ua.lemmas & ub.lemmas))
            if frame is None or compatible(qa, qb):
                continue
            # A figure of one group is not a figure of another or of everyone ("66 percent among
            # voters under 45" / "49 percent among likely voters"): poll rows, not two accounts.
            if ua.populations.get((qa.start, qa.end)) != ub.populations.get((qb.start, qb.end)):
                continue
            around = ua.anchors.get((qa.start, qa.end), frozenset()) & ub.anchors.get((qb.start, qb.end), frozenset())
            around -= {qa.head_lemma, qb.head_lemma} | load_words("light_verbs")
            # The same noun alone ("rate", "people") does not make the same measure: the words
            # around both figures must meet too, or the claims must read alike.
            if ua.language == ub.language and not around and sim < 0.6:
                continue
            # Nor does the same noun under two different verbs, unless the claims read alike:
            # "remain in the minority with 194 seats" and "lost 60 seats" measure two things.
            va, vb = ua.governors.get((qa.start, qa.end)), ub.governors.get((qb.start, qb.end))
            if ua.language == ub.language and va and vb and va != vb and sim < 0.6:
                continue
            if not (qa.head_lemma and qb.head_lemma) and not around:
                continue
            # A figure of a breakdown ("Democrats 72 percent to 8, Republicans 82 to 6") is one
            # cell of a table: another figure of its own article is another cell.
            if ua.article == ub.article and (_breakdown(ua, qa) or _breakdown(ub, qb)):
                continue
            # Two statements that each give two figures of the kind ("leads 49 percent to 41",
            # "0.63% versus 0.30%") are rows of tables, in one article or two: a figure of one
            # meets a figure of another row far more often than its own (poll rows, two players).
            if _figures(ua, qa) >= 2 and _figures(ub, qb) >= 2:
                continue
            # ... nor is the same noun said of two holders one measure: "Cruz (who has 231
            # delegates)" and "Trump, with 329 delegates".
            if _held_apart(ua, qa.start, ub, qb.start):
                continue
            # A value the other side also states is reconciled: a part and its total, an
            # earlier and a later figure, two copies of one wire story.
            if facts[ub.article].states(qa, ub.source_key) or facts[ua.article].states(qb, ua.source_key):
                continue
            feats = _base(ua, ub, sim) | {"same_head": float(bool(qa.head_lemma and qa.head_lemma == qb.head_lemma)),
                                          "hedged": float(qa.relation != "eq" or qb.relation != "eq"),
                                          "ratio": _ratio(qa, qb)}
            cand = Candidate("quantity", f"{frame}", [], f"{qa.text} vs {qb.text}: {frame}",
                             {0: (qa.start, qa.end), 1: (qb.start, qb.end)}, frame, "quantity", feats)
            if best is None or feats["same_head"] > best.features["same_head"]:
                best = cand
    return best


def _named_amount(ua: ClaimUnit, ub: ClaimUnit, sim: float, facts: dict[str, ArticleFacts]) -> Candidate | None:
    """ "$5,687.75 on Martha's Vineyard Holistic Retreat" / "a $5,587.75 vacation at the Martha’s
    Vineyard Holistic Retreat": one named thing priced two ways in two articles, even inside lists
    of figures and beside other places (the name says what each amount is for)."""
    for qa in ua.quantities:
        named = _bound_name(ua, qa)
        if named is None:
            continue
        for qb in ub.quantities:
            other = _bound_name(ub, qb)
            if other is None or other[0] != named[0] or not _same_measure_kind(qa, qb) or compatible(qa, qb) \
                    or facts[ub.article].states(qa, ub.source_key) or facts[ua.article].states(qb, ua.source_key):
                continue
            feats = _base(ua, ub, sim) | {"same_head": 1.0, "hedged": float(qa.relation != "eq" or qb.relation != "eq"),
                                          "ratio": _ratio(qa, qb), "named": 1.0}
            frame = f"amount for {named[1]}"
            return Candidate("quantity", frame, [], f"{qa.text} vs {qb.text}: {frame}",
                             {0: (qa.start, qa.end), 1: (qb.start, qb.end)}, frame, "quantity", feats)
    return None


def _ratio(qa: Quantity, qb: Quantity) -> float:
    """The larger value over the smaller, at most 100."""
    hi, lo = max(abs(qa.value or 0), abs(qb.value or 0)), min(abs(qa.value or 0), abs(qb.value or 0))
    return min(hi / lo, 100.0) if lo else 100.0


def _same_measure_kind(qa: Quantity, qb: Quantity) -> bool:
    """Two amounts of money in one currency (the only kind a name alone binds)."""
    return qa.kind == qb.kind == "money" and qa.value is not None and qb.value is not None \
        and (getattr(qa, "unit", None) or "") == (getattr(qb, "unit", None) or "")


# After a figure: up to two words, a preposition, an article, then a name of two to six
# capitalised words ("$5,587.75 vacation at the Martha’s Vineyard Holistic Retreat").
_BOUND_NAME = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}(?:on|at|for|to|from|by)\s+(?:the\s+)?"
                         r"((?:[A-Z][\w'’.&-]*)(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.&-]*){1,5})")


def _bound_name(u: ClaimUnit, q: Quantity) -> tuple[str, str] | None:
    """The name of the one thing an English figure is the amount for, right after it: (a key with
    apostrophes, spaces and case folded, the name as written), or None."""
    at = q.end - u.claim.start
    m = _BOUND_NAME.match(u.claim.text, at) if 0 <= at <= len(u.claim.text) else None
    if m is None:
        return None
    shown = re.sub(r"\s+", " ", m.group(1)).strip(" .")
    return shown.replace("’", "'").lower(), shown


_HOLDER_REACH = 60  # characters: "Sen. Ted Cruz (who has [231] delegates)"
_PART_REACH = 40  # characters before a figure where a part marker makes it a part


@lru_cache(maxsize=None)
def _part_markers() -> re.Pattern[str]:
    """Any part marker as a whole word (one pattern: the list is tried at every figure of every pair)."""
    return re.compile(rf"(?<!\w)(?:{trie(sorted(load_words('part_markers')))})(?!\w)")


def _part_figure(u: ClaimUnit, q: Quantity) -> bool:
    """Whether a part marker (lang/<code>/part_markers.txt: "including", «в частности») stands
    just before the figure in its statement."""
    at = q.start - u.claim.start
    before = u.claim.text[max(0, at - _PART_REACH) : max(0, at)].lower()
    return _part_markers().search(before) is not None


def _figures(u: ClaimUnit, q: Quantity) -> int:
    """How many figures of the quantity's kind the statement gives."""
    kind = getattr(q, "kind", None) or "count"
    return sum((getattr(x, "kind", None) or "count") == kind for x in u.quantities)


def _other_subjects(a: tuple[str, str, bool] | None, b: tuple[str, str, bool] | None) -> bool:
    """Whether two grammatical subjects are two referents: both nouns, both names or both personal
    pronouns, in the same voice, with different lemmas ("a 46-year-old man was arrested" / "an
    illegal alien was arrested"; "they do not express it" / "he expresses it"). A name against a
    noun or a pronoun, or an agent against a patient, decides nothing."""
    return bool(a and b and a[1:] == b[1:] and a[0] != b[0])


def _acts_apart(ua: ClaimUnit, ub: ClaimUnit, shared: frozenset[str]) -> bool:
    """Whether a verb both anchors share has two different subjects (see _other_subjects)."""
    return any(_other_subjects(ua.subjects.get(v), ub.subjects.get(v)) for v in shared)


def _breakdown(u: ClaimUnit, q: Quantity) -> bool:
    """Whether a statement lists three or more figures of the quantity's kind (two statements of
    one article giving two each are rows of one table too: "82 percent … 14 percent", "90 … 7")."""
    return _figures(u, q) >= 3


def _held_apart(ua: ClaimUnit, at_a: int, ub: ClaimUnit, at_b: int) -> bool:
    """Whether two values are said of two different holders (see _holder)."""
    held_a, held_b = _holder(ua, at_a), _holder(ub, at_b)
    return bool(held_a and held_b and not held_a & held_b)


def _holder(u: ClaimUnit, at: int) -> frozenset[str]:
    """The people and organisations named just before a figure or a date in its statement (within
    _HOLDER_REACH characters): whose it reads as. Two holders differ only when these sets share
    no one, since one article may name "House Democrats" where another names only "Pelosi"."""
    return frozenset(c for a, c in u.named_at if u.claim.start <= a < at and at - a <= _HOLDER_REACH)


def _date(ua: ClaimUnit, ub: ClaimUnit, sim: float, facts: dict[str, ArticleFacts]) -> Candidate | None:
    # Inside one article two dates are two events unless two named sources date one event.
    if ua.article == ub.article and (ua.source_entity is None or ub.source_entity is None):
        return None
    # Days said of two places are two events ("an operation in Cook county ended Monday", "an
    # operation in Kansas City ended Thursday"), as figures of two places are two measures.
    if ua.places and ub.places and not set(ua.places) & set(ub.places):
        return None
    # Two days conflict only between claims about one thing: aligned by meaning, or naming one
    # person, organisation or place (a blocking key alone pairs "the December 4 runoff" with "the
    # Nov. 6 elections").
    if sim < ALIGN and not ua.clusters & ub.clusters:
        return None
    tenure = _range_conflict(ua, ub, sim, facts)
    if tenure is not None:
        return tenure
    # Two statements that each give two or more dates are series ("fell to 4.1 percent in March
    # from 4.4 in February" / "to 3.9 in April from 4.1 in March"): rows, as with figures.
    if len(ua.dates) >= 2 and len(ub.dates) >= 2:
        return None
    for da in ua.dates:
        for db in ub.dates:
            shared = ua.anchors.get((da.start, da.end), frozenset()) & ub.anchors.get((db.start, db.end), frozenset())
            if not shared or not dates_differ(da, db) or _acts_apart(ua, ub, shared):
                continue
            # What each date is said of in the parse must be one word, or among the shared ones:
            # "Wisconsin's primary Tuesday" and "the Wisconsin primary and Saturday's Wyoming
            # caucuses" share "primary", but Saturday is the caucuses' day.
            ha, hb = ua.date_heads.get((da.start, da.end)), ub.date_heads.get((db.start, db.end))
            if ha and hb and ha != hb and ha not in shared and hb not in shared:
                continue
            # Two people's days ("Trump on Thursday delivering a speech", "the speech Melania
            # Trump delivered Monday") date two acts; inside one article only, whose names are one
            # entity analysis (across articles "House Democrats" is an entity in one, not the other,
            # and the same "since 2002/2003" would read as two holders).
            if ua.article == ub.article and _held_apart(ua, da.start, ub, db.start):
                continue
            # A year or a month dates many events ("retired in 2014", "named deputy in 2016"):
            # only claims that read alike compare on it ("has led House Democrats since 2002/2003").
            if (da.granularity in _COARSE or db.granularity in _COARSE) and sim < _COARSE_SIM:
                continue
            if ua.article != ub.article and (facts[ub.article].mentions_date(da) or facts[ua.article].mentions_date(db)):
                continue
            what = sorted(shared)[0]
            feats = _base(ua, ub, sim) | {"relative": float(da.granularity != db.granularity)}
            return Candidate("date", f"when: {what}", [], f"{date_key(da)} vs {date_key(db)} ({what})",
                             {0: (da.start, da.end), 1: (db.start, db.end)}, f"date of {what}", "date", feats)
    return None


# "from 1967 to 1979", "1967-1979", «с 1967 по 1979»: two written years joined as one span of time.
_RANGE_JOIN = re.compile(r"\s*(?:to|until|through|-|\u2013|\u2014|по|до)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:between|между)\s*$", re.IGNORECASE)  # "between 1967 and 1979" (not "in 1967 and 1979")
_RANGE_SLACK = 2  # years: ends further apart than this are two spans of time, not one told two ways


def year_ranges(u: ClaimUnit) -> list[tuple[int, int, int, int]]:
    """(start, end, first year, last year) of each span of written years in a statement."""
    years = [d for d in u.dates if d.granularity == "year" and d.iso and re.fullmatch(r"\d{4}", d.iso[:4])
             and re.search(r"(?:1[89]|20)\d\d", d.text)]
    out = []
    for a, b in zip(years, years[1:]):
        gap = u.claim.text[a.end - u.claim.start : b.start - u.claim.start]
        first, last = int(a.iso[:4]), int(b.iso[:4])  # type: ignore[index]
        before = u.claim.text[max(0, a.start - u.claim.start - 12) : a.start - u.claim.start]
        joined = _RANGE_JOIN.fullmatch(gap) or (gap.strip().lower() in ("and", "и") and _BETWEEN.search(before))
        if joined and first < last:
            out.append((a.start, b.end, first, last))
    return out


def _range_conflict(ua: ClaimUnit, ub: ClaimUnit, sim: float, facts: dict[str, ArticleFacts]) -> Candidate | None:
    """Two statements that read alike and name one holder give one span of years two ways
    ("Brooke served from 1967 to 1979" / "held the seat from 1966 to 1978"): spans whose ends lie
    within _RANGE_SLACK years are one tenure, and unequal ends cannot both be right. Spans further
    apart are two periods ("from 1990 to 1994" / "from 2001 to 2009")."""
    if sim < _COARSE_SIM or not ua.clusters & ub.clusters:
        return None
    for sa, ea, fa, la in year_ranges(ua):
        for sb, eb, fb, lb in year_ranges(ub):
            if (fa, la) == (fb, lb) or abs(fa - fb) > _RANGE_SLACK or abs(la - lb) > _RANGE_SLACK:
                continue
            # Either article giving the other's span anywhere reconciles the two (a correction, a quote).
            if ua.article != ub.article and (_states_range(facts[ua.article], fb, lb) or _states_range(facts[ub.article], fa, la)):
                continue
            feats = _base(ua, ub, sim) | {"relative": 0.0}
            what = f"{fa}\u2013{la} vs {fb}\u2013{lb}"
            return Candidate("date", "when: span of years", [], f"{what} (the same span of years)",
                             {0: (sa, ea), 1: (sb, eb)}, "date of the span of years", "date", feats)
    return None


def _states_range(facts: ArticleFacts, first: int, last: int) -> bool:
    """Whether an article writes both years of a span anywhere (a written year's key is its ISO year)."""
    return str(first) in facts.date_keys and str(last) in facts.date_keys


def _place(ua: ClaimUnit, ub: ClaimUnit, sim: float, facts: dict[str, ArticleFacts], texts: dict[str, str],
           same_head: bool = False) -> Candidate | None:
    if ua.article == ub.article:
        return None
    only_a = [c for c in ua.places if c not in facts[ub.article].clusters]
    only_b = [c for c in ub.places if c not in facts[ua.article].clusters]
    if len(only_a) != 1 or len(only_b) != 1:
        return None
    sa, sb = ua.places[only_a[0]], ub.places[only_b[0]]
    shared = ua.anchors.get(sa, frozenset()) & ub.anchors.get(sb, frozenset())
    ta, tb = texts[ua.article], texts[ub.article]
    pa, pb = _preposition(ta, sa[0]), _preposition(tb, sb[0])
    # A place is compared only where both accounts attach it to the same thing the same way:
    # "the event in Norwalk" / "the event in Norfolk", «учёные из Великобритании» / «из США».
    if not shared or pa is None or pa != pb or not _place_name(ta, sa) or not _place_name(tb, sb):
        return None
    if same_head and (ua.place_heads.get(sa) is None or ua.place_heads.get(sa) != ub.place_heads.get(sb)):
        return None  # claims that read apart: only a place said of the same noun on both sides
    # One name inside the other is one place ("Congo" / "Democratic Republic of Congo"), and two
    # subjects of the anchoring verb are two events ("a man was arrested in Chicago" / "an alien
    # was arrested in San Antonio").
    wa, wb = set(ta[sa[0] : sa[1]].lower().split()), set(tb[sb[0] : sb[1]].lower().split())
    if wa <= wb or wb <= wa or _acts_apart(ua, ub, shared):
        return None
    # Places of two days are two events ("an operation that ended Monday" in Cook County, "one
    # that ended Thursday" in Kansas City), as days of two places are.
    if ua.dates and ub.dates and all(dates_differ(da, db) for da in ua.dates for db in ub.dates):
        return None
    kind = "origin" if pa in ("from", "из", "of") else "place"
    feats = _base(ua, ub, sim) | {"origin": float(kind == "origin")}
    return Candidate(kind, "where" if kind == "place" else "from where", [],
                     f"{ta[sa[0]:sa[1]]} vs {tb[sb[0]:sb[1]]} ({sorted(shared)[0]})", {0: sa, 1: sb},
                     f"{'place' if kind == 'place' else 'origin'} of {sorted(shared)[0]}", kind, feats)


_PREPOSITIONS = {"in", "at", "near", "to", "from", "of", "into", "outside", "в", "во", "на", "из", "под", "около", "у", "к"}


def _preposition(text: str, start: int) -> str | None:
    """The preposition right before a place name, lower-cased, or None."""
    words = text[max(0, start - 12) : start].split()
    return words[-1].lower() if words and words[-1].lower() in _PREPOSITIONS else None


def _place_name(text: str, span: tuple[int, int]) -> bool:
    """A written-out place name: not an abbreviation ("Conn", "R-Ark.") nor a capitalised dateline."""
    name = text[span[0] : span[1]]
    if name.isupper():
        return 2 <= len(name) <= 4  # a country's initials ("US", «США»), not a dateline ("WASHINGTON")
    # A short name before a full stop is an abbreviation ("Conn.", "Ark."); a long one ends a sentence.
    return len(name) > 4 and (text[span[1] : span[1] + 1] != "." or len(name) > 5)


def _actor(ua: ClaimUnit, ub: ClaimUnit, sim: float, facts: dict[str, ArticleFacts]) -> Candidate | None:
    shared = ua.events & ub.events
    if not shared or not ua.agent_keys or not ub.agent_keys or ua.agent_keys & ub.agent_keys:
        return None
    event = sorted(shared)[0]
    return Candidate("actor", f"who is behind the {event}", [], f"both about a {event}; different agents named",
                     {0: ua.agents[0], 1: ub.agents[0]}, f"agent of the {event}", "actor", _base(ua, ub, sim))


_MIN_OVERLAP = 3  # content lemmas two claims must share to be read as one statement
CONTRARY_SIM = 0.6  # contrary words only count between claims that read alike (see _contrary)


def _contrary(ua: ClaimUnit, ub: ClaimUnit, sim: float, texts: dict[str, str]) -> Candidate | None:
    """Two sources say contrary words ("older" / "younger", «рост» / «снижение») of the same word
    ("sister") in claims that read alike; neither negates, hedges or qualifies it (a negated
    contrary can agree: "not older" / "younger"), and neither says both words."""
    if (ua.language != ub.language or sim < CONTRARY_SIM or _same_speaker(ua, ub) or ua.negation or ub.negation
            or ua.modal or ub.modal or ua.qualified or ub.qualified):
        return None
    table = contrary_table()
    for x, (of_x, at_x) in sorted(ua.contraries.items()):
        if x in ub.contraries:
            continue
        for y in sorted(table[x] & ub.contraries.keys()):
            of_y, at_y = ub.contraries[y]
            shared = of_x & of_y
            if y in ua.contraries or not shared:
                continue
            said_of = sorted(shared)[0]
            feats = _base(ua, ub, sim) | {"overlap": float(len(ua.lemmas & ub.lemmas))}
            # Shown as written ("younger vs older"), matched as lemmas ("young", "old").
            wx, wy = texts[ua.article][at_x[0] : at_x[1]], texts[ub.article][at_y[0] : at_y[1]]
            return Candidate("other", f"{wx} or {wy}", [], f"{wx} vs {wy}: {said_of}",
                             {0: at_x, 1: at_y}, f"what is said of {said_of}",
                             "attribute", feats, key=f"{said_of}:{min(x, y)}")
    return None


def _same_speaker(ua: ClaimUnit, ub: ClaimUnit) -> bool:
    """Two quoted sources with the same surname are one speaker whose clusters did not merge
    ("Goelman" and "Aitan Goelman"); the same article's author is one source too."""
    if ua.source_key == ub.source_key:
        return True
    if ua.source_entity is None or ub.source_entity is None:
        return False
    last = lambda name: name.split()[-1].lower() if name.split() else ""  # noqa: E731
    return last(ua.source) == last(ub.source)


def _same_statement(ua: ClaimUnit, ub: ClaimUnit, head: str | None, scope: set[str], other: ClaimUnit) -> bool:
    """Whether two claims say the same thing up to the negated or hedged part: the word the cue
    governs ("never [served] in Vietnam") recurs in the other claim next to another scoped word
    ("served in the Marines in Vietnam"), so both speak of one predicate and one argument."""
    if ua.language != ub.language or head is None or head not in other.lemmas:
        return False
    partners = (scope - {head}) & other.lemmas
    seq = other.sequence
    at = [i for i, w in enumerate(seq) if w == head]
    # Two names ("Wal-Mart", "Trump Jr.") are not a statement: one of the pair must be a word.
    return any(abs(i - j) <= 3 for i in at for j, w in enumerate(seq)
               if w in partners and j != i and not (head.startswith("=") and w.startswith("=")))


_WORD = re.compile(r"\w+")


def _says_i(u: ClaimUnit, at: int) -> bool:
    """Whether the clause before offset `at` has the speaker say "I" of themself."""
    start = max((b for b in u.breaks if b < at), default=u.claim.start)
    text = u.claim.text
    singular = load_words("first_person_singular")
    return any((m := _WORD.match(text, a - u.claim.start)) is not None and m.group().lower() in singular
               for a in u.self_at if start <= a < at and a >= u.claim.start)


def _qualified(kind: str, words: tuple[str, str, str], ua: ClaimUnit, ub: ClaimUnit, sim: float,
               marked: ClaimUnit, marker: tuple[int, int], scope: set[str], plain: ClaimUnit) -> Candidate:
    """A polarity or modality candidate: `marked` negates or hedges (at `marker`) the `scope` that `plain` states."""
    topic, why, frame = words
    hit = sorted(w.lstrip("=") for w in scope & plain.lemmas)
    feats = _base(ua, ub, sim) | {"overlap": float(len(ua.lemmas & ub.lemmas)), "scope": float(len(hit))}
    return Candidate(kind, topic, [], f"{why}: {', '.join(hit)}", {0 if marked is ua else 1: marker},
                     f"{frame}: {' '.join(hit)}", kind, feats, key=" ".join(hit))


def _polarity(ua: ClaimUnit, ub: ClaimUnit, sim: float, facts: dict[str, ArticleFacts]) -> Candidate | None:
    if (ua.negation is None) == (ub.negation is None) or _same_speaker(ua, ub) or sim < POLARITY_SIM:
        return None
    neg, pos = (ua, ub) if ua.negation is not None else (ub, ua)
    # Two plain statements only: not one that wants, plans or conditions ("he'd like Obama to
    # show it"), nor an affirmation that negates by other words ("failed to produce evidence
    # that his views affected his work" agrees with "they did not affect it").
    if ua.qualified or ub.qualified or pos.implicit_negation:
        return None
    # What is negated ("never [served] in Vietnam") must be what the other side asserts: said
    # as a statement there, not as a plan, a wish or a possibility ("pleaded with him to run",
    # "could have been sent"), and negated here in the clause, not in a noun's modifier
    # ("another man, not seen on camera").
    if neg.negation_on_modifier or neg.negated_head in pos.unasserted:
        return None
    # The negated clause's noun subject counts as its argument too, where both sides predicate
    # the same verb of it: "Obama [was not born] in this country" denies "Obama was born in that
    # state". In the same voice it must be the same subject; a passive subject may be the other's
    # object ("ISIS [wasn't] defeated" / "we have defeated ISIS"). A shared name alone, the story's
    # protagonist in every other sentence, is no argument ("Obama vetoed the bill" / "Obama had
    # never had a veto overridden").
    scope = set(neg.negated)
    head = neg.negated_head or ""
    mine_subj, theirs_subj = neg.subjects.get(head), pos.subjects.get(head)
    if mine_subj is not None and mine_subj == neg.negated_subject and mine_subj[1] in ("NOUN", "PROPN") \
            and theirs_subj is not None:
        lemma, pos_tag, passive = mine_subj
        same = theirs_subj[0] == lemma and theirs_subj[2] == passive
        if same or (passive and not theirs_subj[2] and theirs_subj[0] != lemma):
            scope.add(lemma if pos_tag == "NOUN" else "=" + lemma)
    if not _same_statement(ua, ub, neg.negated_head, scope, pos):
        return None
    # ... of the same subject: "I've never met Trump" (the speaker) does not deny "Bloomberg
    # and Trump met" (another pair).
    mine = subject_of(neg, neg.negation[0])
    theirs = subject_of(pos, pos.lemma_at.get(neg.negated_head, pos.claim.start))
    if mine and theirs and not mine & theirs:
        return None
    # ... nor of two grammatical subjects of one kind: «Конституция не даёт права» against «решение,
    # которое давало право» (two nouns), two names, or "they" against "he". A name against a noun
    # ("Obama" / "the president") may be one referent (see _other_subjects).
    if _other_subjects(neg.negated_subject, pos.subjects.get(neg.negated_head or "")):
        return None
    # A source speaking of itself ("I have never voted in a primary") answers only a statement
    # that names it, not one about others ("voters who say they'll vote in the primary").
    at_pos = pos.lemma_at.get(neg.negated_head, pos.claim.start)
    for u, at, subj, other in ((neg, neg.negation[0], mine, theirs), (pos, at_pos, theirs, mine)):
        me = u.source_entity or u.source_key
        if subj == {me} and u.source_entity is not None and me not in other and _says_i(u, at):
            return None
    return _qualified("polarity", ("whether it is so", "one source affirms, the other negates or denies", "whether"),
                      ua, ub, sim, neg, neg.negation, neg.negated, pos)


def _modality(ua: ClaimUnit, ub: ClaimUnit, sim: float, facts: dict[str, ArticleFacts], texts: dict[str, str]) -> Candidate | None:
    if (ua.modal is None) == (ub.modal is None) or ua.negation is not None or ub.negation is not None:
        return None
    hedged, plain = (ua, ub) if ua.modal is not None else (ub, ua)
    # The plain side must state it plainly: not wish, plan or condition it, nor attribute or hedge
    # it with other words ("accused of hacking" against "allegedly hacking" agree).
    # (Adverbs are no content lemmas: "tentatively", «предварительно» are looked up as written.)
    stop = load_words("modality_plain_stop")
    if plain.qualified or plain.implicit_negation or (plain.lemmas | plain.lead) & stop or hedged.qualified \
            or {w.lower() for w in _WORD.findall(plain.claim.text)} & stop:
        return None
    # "Reportedly"/"allegedly" only passes on what someone says: against another source's
    # statement of the same thing both report it; only the author's own assertion differs.
    cue = texts[hedged.article][hedged.modal[0] : hedged.modal[1]].lower()
    if cue in load_words("attributive_hedges") and (plain.source_entity is not None or plain.lead & load_words("speech_verbs")):
        return None
    # What is hedged must be what the other states ("may [hand over] the ships" against "will hand
    # them over"), not another word of its scope ("may hand over the [seized] ships" against "the
    # sailors were [seized]").
    if not _same_statement(ua, ub, hedged.hedged_head, hedged.hedged, plain):
        return None
    return _qualified("modality", ("how certain it is", "one source states it, the other hedges", "how certain"),
                      ua, ub, sim, hedged, hedged.modal, hedged.hedged, plain)


def _rebutted(units: list[ClaimUnit], j: int, r: Rebuttal, sim: float, antecedent: bool) -> Candidate:
    """A polarity conflict between claim j and the rebuttal that denies it."""
    claim, reb = units[j], units[r.unit]
    what = " ".join(r.restatement.split())
    what = what if len(what) <= 90 else what[:87].rsplit(" ", 1)[0] + " …"
    feats = _base(claim, reb, sim) | {"rebuttal": 1.0, "antecedent": float(antecedent),
                                      "target": {"previous": 0.0, "noun": 1.0, "clause": 2.0}[r.target]}
    restated = bool(antecedent and r.claimant)
    claimant = r.claimant if restated else claim.source
    # Each side is shown as whose position it is: the claimant's, and the rebutter's even where the
    # denial is the author's report of it ("Moore called the allegations baseless").
    sources: dict[int, tuple[str, str | None]] = {j: (claimant, None)} if restated else {}
    if reb.source_entity is None and reb.claim.source_name is None and reb.source != r.rebutter:
        # The author's sentence reporting the denial: the rebutter's cluster when a name was found.
        sources[r.unit] = (r.rebutter, r.rebutter_key if ":" not in r.rebutter_key else None)
    return Candidate("polarity", "whether it is so", [j, r.unit], f"{r.rebutter} disputes {claimant}'s claim that {what}",
                     {r.unit: r.cue}, f"whether: {what}", "polarity", feats, key=f"rebuttal:{reb.article}:{r.cue[0]}",
                     sources=sources)


def detect(units: list[ClaimUnit], vecs: np.ndarray, articles: list[Article],
           cluster_of: dict[tuple[str, str], str] | None = None,
           rebuttals: tuple[list[Rebuttal], np.ndarray] | None = None) -> Detection:
    """Conflicts, agreements, updates and unique unit indices for the units of one story;
    `rebuttals` (from `rebuttal.find_rebuttals`, with the vectors of what each denies) add the
    claims they deny."""
    facts = {a.id: ArticleFacts(a, cluster_of or {}, units) for a in articles}
    texts = {a.id: a.text for a in articles}
    found: dict[tuple, Candidate] = {}
    agreements: list[Candidate] = []
    aligned: set[int] = set()
    copies = _Copies(articles)
    for a, b, sim in aligned_pairs(units, vecs):
        ua, ub = units[a], units[b]
        if copies.shared(ua, ub):
            # Two copies of one text (a wire story, a republished column) are one account: a
            # relative date resolved against two publication days, or another sentence of the
            # same copy, is not a second source.
            if sim >= agree_at(ua, ub) and not (ua.frame or ub.frame):
                agreements.append(Candidate("agreement", "reported alike", [a, b], f"similarity {sim:.2f}",
                                            features={"sim": sim}, confidence=round(sim, 3)))
            aligned.update((a, b))
            continue
        rules = [lambda: _quantity(ua, ub, sim, facts), lambda: _date(ua, ub, sim, facts),
                 lambda: _actor(ua, ub, sim, facts)]
        rules.append(lambda: _polarity(ua, ub, sim, facts))
        if sim >= ALIGN:
            rules += [lambda: _place(ua, ub, sim, facts, texts), lambda: _modality(ua, ub, sim, facts, texts),
                      lambda: _contrary(ua, ub, sim, texts)]
        elif set(ua.place_heads.values()) & set(ub.place_heads.values()):
            # Places said of one noun ("scientists from the UK" / "from the US") compare even where
            # the two sentences read apart.
            rules.append(lambda: _place(ua, ub, sim, facts, texts, same_head=True))
        cand = next((c for rule in rules if (c := rule()) is not None), None)
        if cand is not None:
            cand.units = [a, b]
            cand.spans = {a if k == 0 else b: span for k, span in cand.spans.items()}
            cand.confidence = calibrate(cand.kind, cand.features)
            # One pair of positions is reported once, whichever way round it was found.
            key = (cand.kind, frozenset((units[k].article, cand.spans.get(k, (units[k].claim.start, units[k].claim.end)))
                                        for k in (a, b)))
            if key not in found or found[key].confidence < cand.confidence:
                found[key] = cand
            aligned.update((a, b))
        elif sim >= agree_at(ua, ub) and ua.article != ub.article and not (ua.frame or ub.frame):
            # Two frames ("Donald Trump said Thursday", "announced Sunday") read alike whatever
            # was said inside them: no agreement.
            agreements.append(Candidate("agreement", "reported alike", [a, b], f"similarity {sim:.2f}",
                                        features={"sim": sim}, confidence=round(sim, 3)))
            aligned.update((a, b))
        elif sim >= UNIQUE and ua.article != ub.article:
            aligned.update((a, b))
    if rebuttals is not None and rebuttals[0]:
        for j, r, sim, ante in rebuttal_pairs(units, vecs, *rebuttals):
            cand = _rebutted(units, j, r, sim, ante)
            cand.confidence = calibrate(cand.kind, cand.features)
            key = (cand.kind, frozenset((units[k].article, cand.spans.get(k, (units[k].claim.start, units[k].claim.end)))
                                        for k in cand.units))
            if key not in found or found[key].confidence < cand.confidence:
                found[key] = cand
            aligned.update(cand.units)
    conflicts = _one_per_disagreement(_one_per_claim_pair(list(found.values())), units)
    return Detection(conflicts, _best_agreements(agreements), _updates(units, vecs), _unique(units, aligned))


class _Copies:
    """Whether a statement of one article is also, word for word, in the other article."""

    MIN_CHARS = 40  # shorter sentences recur by chance ("It is not true.")

    def __init__(self, articles: list[Article]) -> None:
        self.texts = {a.id: a.text for a in articles}
        self._flat: dict[str, str] = {}
        self._seen: dict[tuple[int, str], bool] = {}
        self._words: dict[int, str] = {}  # each statement's words, spaces normalised

    def _norm(self, article: str) -> str:
        if article not in self._flat:
            self._flat[article] = " ".join(self.texts[article].split())
        return self._flat[article]

    def _said(self, u: ClaimUnit) -> str:
        if id(u) not in self._words:
            self._words[id(u)] = " ".join(self.texts[u.article][u.claim.start : u.claim.end].split())
        return self._words[id(u)]

    def _in(self, u: ClaimUnit, article: str) -> bool:
        key = (id(u), article)
        if key not in self._seen:
            said = self._said(u)
            self._seen[key] = len(said) >= self.MIN_CHARS and said in self._norm(article)
        return self._seen[key]

    def shared(self, ua: ClaimUnit, ub: ClaimUnit) -> bool:
        """Whether two articles' statements are one text: the same words, or two authors'
        statements one of which the other article also prints (a copy of the same story).
        A quotation both articles print stays a source's position against the other's."""
        if ua.article == ub.article:
            return False
        if self._said(ua) == self._said(ub):
            return True
        authors = ua.source_entity is None and ub.source_entity is None
        return authors and (self._in(ua, ub.article) or self._in(ub, ua.article))


def _best_agreements(found: list[Candidate]) -> list[Candidate]:
    """Each statement in at most one agreement, its closest: a story retold by twenty outlets
    would otherwise list every pair of the twenty."""
    used: set[int] = set()
    out = []
    for c in sorted(found, key=lambda c: -c.features.get("sim", 0.0)):
        if not used.intersection(c.units):
            used.update(c.units)
            out.append(c)
    return out


def _one_per_claim_pair(cands: list[Candidate]) -> list[Candidate]:
    """The most confident conflict for each pair of claims (two rules on one pair say one thing)."""
    best: dict[frozenset[int], Candidate] = {}
    for c in cands:
        key = frozenset(c.units)
        if key not in best or best[key].confidence < c.confidence:
            best[key] = c
    return sorted(best.values(), key=lambda c: -c.confidence)


def _one_per_disagreement(cands: list[Candidate], units: list[ClaimUnit]) -> list[Candidate]:
    """One conflict per pair of sources and point of disagreement: an article that repeats
    "he served in Vietnam" three times against another's "never served" is one divergence."""
    best: dict[tuple, Candidate] = {}
    for c in cands:
        sides = frozenset((units[k].article, units[k].source_key) for k in c.units)
        key = (c.kind, sides, c.key or c.frame)
        old = best.get(key)
        if old is None or (c.confidence, c.features.get("sim", 0)) > (old.confidence, old.features.get("sim", 0)):
            best[key] = c
    return sorted(best.values(), key=lambda c: -c.confidence)


def _updates(units: list[ClaimUnit], vecs: np.ndarray) -> list[Candidate]:
    """A figure an article revises itself: same frame, a revision cue ("earlier", «ранее») in one
    of the two claims, whoever the sources are."""
    out = []
    by_article: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(units):
        if u.quantities:
            by_article[u.article].append(k)
    for members in by_article.values():
        for i, a in enumerate(members):
            for b in members[i + 1 : i + 6]:
                ua, ub = units[a], units[b]
                for qa in ua.quantities:
                    for qb in ub.quantities:
                        frame = comparable(qa, qb, float(vecs[a] @ vecs[b]), cross_language=False)
                        if frame and not compatible(qa, qb) and (update_cue(ua) or update_cue(ub)):
                            out.append(Candidate("update", frame, [a, b], f"{qa.text} then {qb.text}: {frame}",
                                                 {a: (qa.start, qa.end), b: (qb.start, qb.end)}, frame, "quantity",
                                                 confidence=1.0))
    return out


def _unique(units: list[ClaimUnit], aligned: set[int]) -> list[int]:
    """Claims about what the other articles also cover (a shared entity) that no other article's
    claim resembles: the shared subject, told by one side."""
    articles = {u.article for u in units}
    seen_in: dict[str, set[str]] = defaultdict(set)
    for u in units:
        for c in u.clusters:
            seen_in[c].add(u.article)
    return [k for k, u in enumerate(units)
            if len(articles) > 1 and k not in aligned and u.claim.stance != "hedged" and not u.frame
            and any(len(seen_in[c] - {u.article}) > 0 for c in u.clusters) and (u.quantities or u.events or u.dates)]


__all__ = ["Candidate", "Detection", "aligned_pairs", "compatible", "detect", "DateRef", "Quantity"]
