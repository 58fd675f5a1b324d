"""Referent frames: when two quantities or dates speak of the same thing, whether their values
can both be true, and what an article states anywhere (so a part, a total or a later figure
the other side also gives is not a conflict)."""

from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache

from ..lang import load_list
from ..model import Article, DateRef, Quantity

# Kinds a value comparison makes sense for. A score, an ordinal or a legal reference is not a
# measurement of the same thing in two accounts; dates and clock times belong to `dates`.
COMPARED_KINDS = {"count", "money", "percent", "measure", "temperature", "age", "duration", "rate"}
_UNIT_KINDS = {"money", "percent", "measure", "temperature", "rate"}
_FRAME_SIM = 0.6  # claims this close may speak of one measured thing without naming it alike
_MIN_SIM = 0.4
_DIGITS = re.compile(r"\d[\d,.\u00a0\u202f ]*")


def words_of(text: str) -> set[str]:
    """Lower-case words of a short text."""
    return set(re.findall(r"\w+", text.lower()))


def _kind(q: Quantity) -> str:
    return getattr(q, "kind", None) or "count"


def quantity_frame(q: Quantity) -> str | None:
    """A blocking key for a quantity: its kind, unit and measured thing; None if never compared."""
    kind = _kind(q)
    if kind not in COMPARED_KINDS or q.value is None:
        return None
    return f"{kind}:{getattr(q, 'unit', None) or ''}:{q.head_lemma or ''}"


def comparable(qa: Quantity, qb: Quantity, sim: float, *, cross_language: bool, overlap: int = 0) -> str | None:
    """The frame two quantities share, in words ("number of people detained"), or None if they
    do not measure the same thing: different kinds or units, different measured nouns."""
    ka, kb = _kind(qa), _kind(qb)
    if ka != kb or ka not in COMPARED_KINDS or qa.value is None or qb.value is None or sim < _MIN_SIM:
        return None
    if (getattr(qa, "unit", None) or "") != (getattr(qb, "unit", None) or ""):
        return None
    ha, hb = qa.head_lemma, qb.head_lemma
    unit = getattr(qa, "unit", None)
    if ha and hb and ha == hb:
        return f"{ka} of {qa.head or ha}" if ka != "count" else f"number of {qa.head or ha}"
    if sim < _FRAME_SIM:
        return None
    if ha and hb and cross_language:
        return f"{ka}: {qa.head or ha} / {qb.head or hb}"
    # Without a measured noun, only claims that say nearly the same words compare amounts.
    if not (ha and hb) and ka in _UNIT_KINDS:
        return f"{ka}{f' ({unit})' if unit else ''}"
    return None


def _resolution(text: str, value: float | None) -> float:
    """Just under half the unit of the last significant digit as written: "141 million" ->
    0.49 million, "5,687.75" -> 0.0049, "400,000" -> 24,500 (a one-digit round figure), "30" -> 0.49."""
    m = _DIGITS.search(text or "")
    value = abs(value or 0.0)
    if not m or value == 0:
        return 0.49  # a number in words ("five") is exact
    raw = m.group().strip().rstrip(".,")
    digits = re.sub(r"\D", "", raw)
    frac = re.search(r"[.,](\d{1,2})$", raw) if not re.search(r"[.,]\d{3}$", raw) else None
    written = float(digits) / (10 ** len(frac.group(1))) if frac else float(digits or 0)
    scale = value / written if written else 1.0
    if frac:
        step = 10.0 ** -len(frac.group(1))
    else:
        zeros = len(digits) - len(digits.rstrip("0"))
        significant = len(digits.strip("0"))
        # A round figure is read as rounded at its last non-zero digit ("$43,000" for 43,350),
        # but a one-digit figure only half as far: 50,000 and 55,000 pages differ.
        if written * scale >= 1000 and zeros >= 2:
            step = 10.0 ** zeros * (0.5 if significant == 1 else 1.0)
        else:
            step = 1.0
    # Just under half a step: 4 and 5 (or $3.5 and $3.6 billion) meet at 4.5 but do not overlap.
    return 0.49 * step * scale


def interval(q: Quantity) -> tuple[float, float]:
    """The values a quantity allows, from its relation, hedges and the precision it is written with."""
    return _interval(q.text, q.value, q.high, q.relation, q.approx)


@lru_cache(maxsize=65536)
def _interval(text: str, value: float | None, high: float | None, relation: str | None,
              approx: str | None) -> tuple[float, float]:
    v = value or 0.0
    hi = high if high is not None else v
    v, hi = min(v, hi), max(v, hi)  # "27-0" is a score, not a backwards range
    rel = relation or "eq"
    if rel in ("ge", "gt"):
        return v, math.inf
    if rel in ("le", "lt"):
        return -math.inf if v < 0 else 0.0, hi
    if approx == "vague":
        return v * 0.5, hi * 5  # "hundreds", "several hundred": an order of magnitude
    if rel == "about":
        return v * 0.9, hi * 1.1
    r = _resolution(text, value)
    return v - r, hi + r


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two values of the same thing could both be true."""
    lo1, hi1 = interval(a)
    lo2, hi2 = interval(b)
    return lo1 <= hi2 and lo2 <= hi1


@lru_cache(maxsize=None)
def _weekday_names() -> list[tuple[re.Pattern[str], int]]:
    """The first seven entries of each language's weekday list (stems, as patterns) with 0-6."""
    out = []
    for lang in ("en", "ru"):
        names = load_list(lang, "weekdays")[:7]
        out += [(re.compile(rf"(?<!\w){n.lower()}", re.IGNORECASE), i) for i, n in enumerate(names)]
    return out


def weekday(d: DateRef) -> int | None:
    """0-6 for a date named by its weekday ("on Tuesday", «во вторник»), else None."""
    return next((i for pattern, i in _weekday_names() if pattern.search(d.text)), None)


def date_key(d: DateRef) -> str:
    """What a date says, comparable across articles: a weekday name or the ISO value."""
    wd = weekday(d)
    if wd is not None:
        return ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[wd]
    return d.iso or d.text


def _day(d: DateRef) -> date | None:
    if d.granularity != "day" or not d.iso or d.iso.startswith("--"):
        return None
    try:
        return date.fromisoformat(d.iso[:10])
    except ValueError:
        return None


def dates_differ(a: DateRef, b: DateRef) -> bool:
    """Two day-level dates that cannot be the same day (a date with and without its year can)."""
    wa, wb = weekday(a), weekday(b)
    if wa is not None and wb is not None:
        return wa != wb
    if wa is not None or wb is not None:
        return False  # a weekday against a resolved date: resolution guesses the week
    if a.granularity == b.granularity == "year" and a.iso and b.iso:
        return a.iso != b.iso  # two written years ("since 2002" / "since 2003")
    if "month" in (a.granularity, b.granularity):
        return _months_differ(a, b)
    if a.granularity != "day" or b.granularity != "day" or not a.iso or not b.iso:
        return False
    return a.iso[-5:] != b.iso[-5:] or (a.iso[:4] != b.iso[:4] and not a.iso.startswith("--") and not b.iso.startswith("--")
                                        and _explicit_year(a) and _explicit_year(b))


_DAY_ISO = re.compile(r"(?:\d{4}|-)-(\d\d)-\d\d")


def _month_year(d: DateRef) -> tuple[str, str | None] | None:
    """(month, year or None) of a month or a day; None for anything else."""
    if not d.iso:
        return None
    year = None if d.iso.startswith("--") else d.iso[:4]
    if d.granularity == "month":
        return d.iso[-2:], year
    m = _DAY_ISO.match(d.iso) if d.granularity == "day" else None
    return (m.group(1), year if _explicit_year(d) else None) if m else None


def _months_differ(a: DateRef, b: DateRef) -> bool:
    """A month against a month or a day: different months, or two written years. A month named
    alone ("in mid May") keeps no year, so it never differs from the same month of any year."""
    ma, mb = _month_year(a), _month_year(b)
    if ma is None or mb is None:
        return False
    return ma[0] != mb[0] or (ma[1] is not None and mb[1] is not None and ma[1] != mb[1])


def _explicit_year(d: DateRef) -> bool:
    return bool(re.search(r"(?:19|20)\d\d", d.text))


@lru_cache(maxsize=None)
def _update_words() -> re.Pattern[str]:
    words = sorted({w for lang in ("en", "ru") for w in load_list(lang, "update_cues")}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def update_cue(unit) -> bool:  # noqa: ANN001 - ClaimUnit (import cycle)
    """Whether a claim revises a figure: "earlier", "rose to", «ранее», «возросло»."""
    return bool(_update_words().search(unit.context or unit.claim.text))


class ArticleFacts:
    """What an article states anywhere, and who states it: quantities by source, date keys,
    entity clusters."""

    def __init__(self, article: Article, cluster_of: dict[tuple[str, str], str], units=()) -> None:  # noqa: ANN001
        self.by_source: dict[str, list[Quantity]] = {}
        for u in units:
            if u.article == article.id:
                self.by_source.setdefault(u.source_key, []).extend(
                    q for q in u.quantities if _kind(q) in COMPARED_KINDS and q.value is not None)
        self.date_keys = {date_key(d) for d in article.dates} | {d.iso[-5:] for d in article.dates if d.iso}
        self.clusters = {cluster_of[(article.id, e.id)] for e in article.entities if (article.id, e.id) in cluster_of}

    def states(self, q: Quantity, source: str) -> bool:
        """Whether `source` gives, in this article, a value compatible with q of the same kind and unit
        (a part and its total, or the other side's figure, from the same voice)."""
        unit = getattr(q, "unit", None) or ""
        return any(_kind(p) == _kind(q) and (getattr(p, "unit", None) or "") == unit and compatible(p, q)
                   and p.relation not in ("ge", "gt", "le", "lt") for p in self.by_source.get(source, ()))

    def mentions_date(self, d: DateRef) -> bool:
        """Whether the article names the same day (or weekday) anywhere."""
        return date_key(d) in self.date_keys or bool(d.iso and d.iso[-5:] in self.date_keys)
