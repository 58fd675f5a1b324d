"""Dates: candidate expressions found by per-language patterns (dateparser's own search
over-grabs), normalised by dateparser against the article's published date, with granularity."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from .intervals import Disjoint
from .lang import load_list, load_table
from .model import Article, DateRef
from .pipeline import component
from .script import CYRILLIC_CHAR

logging.getLogger("dateparser").setLevel(logging.ERROR)


@lru_cache(maxsize=None)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """(pattern, granularity), most specific first."""
    return [(pattern, granularity) for pattern, granularity, _gate in _gated_patterns()]


@lru_cache(maxsize=None)
def _gated_patterns() -> list[tuple[re.Pattern[str], str, re.Pattern[str] | None]]:
    """(pattern, granularity, gate), most specific first. A gate is a simpler pattern that every
    match of the pattern contains, or None: Python's `re` tries a pattern that opens with a
    look-behind or a word boundary at every character, while a gate that opens with a letter or a
    digit is found by skipping ahead, so a text without "o'clock", a month's name or a Cyrillic
    letter is never scanned for the patterns that need one."""
    en_m = "|".join(sorted(load_list("en", "months"), key=len, reverse=True))
    ru_m = "|".join(load_list("ru", "months"))
    en_d = "|".join(load_list("en", "weekdays"))
    ru_d = "|".join(load_list("ru", "weekdays"))
    # A month stem takes only case endings: "мая", "маю", never "машин".
    ru_month = rf"(?:{ru_m})(?:[ьяюеауй]|ем|ём|ом)?"
    en_full = "|".join(m for m in load_list("en", "months")[:12] if m != "May")
    cyrillic = CYRILLIC_CHAR
    en_month = re.compile("|".join(sorted({m[:3] for m in load_list("en", "months")})))  # every name starts so
    # A holiday's name without an optional opening ("the Fourth of July"): with every alternative
    # opening on a letter, `re` skips to candidate first letters.
    holiday_names = [re.sub(r"^\(\?:[^()]*\)\?", "", row[0])
                     for lang in ("en", "ru") for row in load_table(lang, "holidays") if len(row) >= 2]
    any_holiday = re.compile("|".join(f"(?:{name})" for name in holiday_names)) if holiday_names else None
    clock_gates = [re.compile(r"\d\s?[aApP]\.?[mM]"), re.compile(r"\d:[0-5]\d"), re.compile(r"\d\.[0-5]\d"),
                   re.compile(r"(?i)o[’']clock"), cyrillic]
    return [
        *((pattern, granularity, gate) for (pattern, granularity), gate in zip(_clock_patterns(), clock_gates, strict=True)),
        *((pattern, rule, any_holiday) for pattern, rule in _holiday_patterns()),
        (re.compile(r"(?<![\d.])\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d(?![\d.]\d)"), "day",
         re.compile(r"\d[./]\d\d?[./](?:19|20)\d\d")),
        (re.compile(r"(?<!\d)(?:19|20)\d\d-\d\d-\d\d(?!\d)"), "day", re.compile(r"\d\d-\d\d-\d\d")),
        (re.compile(rf"\b(?:{en_m})\.?[ \u00a0]\d{{1,2}}(?:st|nd|rd|th)?(?:,? (?:19|20)\d\d)?\b"), "day", en_month),
        (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?[ \u00a0](?:of )?(?:{en_m})\b(?:,? (?:19|20)\d\d)?"), "day", en_month),
        (re.compile(rf"(?<!\w)\d{{1,2}}[ \u00a0]{ru_month}(?:[ \u00a0](?:19|20)\d\d(?:[ \u00a0]г(?:ода|\.)?)?)?(?!\w)", re.I),
         "day", cyrillic),
        (re.compile(rf"\b(?:{en_m}),? (?:of )?(?:19|20)\d\d\b"), "month", en_month),
        (re.compile(rf"(?<!\w)(?:в )?{ru_month} (?:19|20)\d\d(?: г(?:ода|\.)?)?(?!\w)", re.I), "month", cyrillic),
        # A month without a day or year ("in mid May", «в конце мая») only after a preposition or a
        # part of the month, so "Theresa May", "May I" and «Мая» (a name) stay out; never "May's".
        (re.compile(rf"\b(?i:{_EN_MONTH_LEAD})(?:{en_full})\b(?!['’]s|[ \u00a0]+(?:[A-Z]|\d))"), "month", en_month),
        (re.compile(rf"\b(?i:{_EN_MAY_LEAD})May\b(?!['’]s|[ \u00a0]+(?:[A-Z]|\d))"), "month", en_month),
        (re.compile(rf"(?<!\w)(?i:{_RU_MONTH_LEAD})(?:{ru_m})(?:[ьяюеауй]|ем|ём|ом)?(?![\w-])"), "month", cyrillic),
        (re.compile(rf"\b(?:last |next )?(?:{en_d})\b"), "day", re.compile(en_d)),
        (re.compile(rf"(?<!\w)(?:в |во )?(?:{ru_d})[а-яё]*(?!\w)", re.I), "day", cyrillic),
        # A year alone, never inside a longer number, a season ("2019-20") or a code; two years
        # joined by a hyphen ("1939-1945", "the 2008-2009 recession") are two years, as with a dash.
        (re.compile(r"(?:(?<![\w.,-])|(?<=(?<![\w.,-])(?:19|20)\d\d-))(?:19|20)\d\d(?: году| года| г\.)?"
                    r"(?![\w.,]\d|-(?!(?:19|20)\d\d(?![\w.,-]?\d))\d)"), "year", None),
    ]


@lru_cache(maxsize=None)
def _holiday_patterns() -> list[tuple[re.Pattern[str], str]]:
    """(pattern, "holiday:<rule>") for the holidays of lang/<code>/holidays.tsv, with a year
    that may follow ("Christmas Day 1914", «День Победы 2020 года»)."""
    out = []
    for lang in ("en", "ru"):
        for row in load_table(lang, "holidays"):
            if len(row) >= 2:
                out.append((re.compile(rf"(?<!\w){row[0]}(?:,?[ \u00a0](?:19|20)\d\d(?:[ \u00a0]года)?)?(?!\w)"),
                            f"holiday:{row[1].strip()}"))
    return out


def _holiday_day(rule: str, year: int) -> date | None:
    """The day a holiday rule gives in a year: "05-09", or "4:3:11" (the 4th Thursday of November)."""
    parts = rule.split(":")
    try:
        if len(parts) == 1:
            month, day = (int(x) for x in rule.split("-"))
            return date(year, month, day)
        nth, weekday, month = (int(x) for x in parts)
    except ValueError:
        return None
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _holiday_iso(text: str, rule: str, base: datetime | None) -> str | None:
    """ISO day of a named holiday: in the year written with it, else its occurrence nearest the
    published date; without either, a fixed day is yearless (--MM-DD) and a weekday rule unknown."""
    year = re.search(r"(?:19|20)\d\d", text)
    if year:
        day = _holiday_day(rule, int(year.group()))
        return day.isoformat() if day else None
    if base is None:
        return f"--{rule}" if re.fullmatch(r"\d\d-\d\d", rule) else None
    near = [d for y in (base.year - 1, base.year, base.year + 1) if (d := _holiday_day(rule, y)) is not None]
    return min(near, key=lambda d: abs((d - base.date()).days)).isoformat() if near else None


def named_day(text: str) -> bool:
    """Whether a date expression is a holiday on a fixed day ("День Победы", "Christmas Eve")."""
    return any(p.fullmatch(text) for p, _rule in _holiday_patterns())


# What may stand before a month named alone. "May" is also a surname and a verb: not after "by",
# "from", "to" ("a speech by May").
_EN_PART = r"(?:(?:early|mid|late)[- ]|(?:the )?(?:end|beginning|middle|start) of )"
_EN_MONTH_LEAD = rf"(?:(?:in|by|since|until|till|through|during|before|after|from|last|next|this) {_EN_PART}?|{_EN_PART})"
_EN_MAY_LEAD = rf"(?:(?:in|since|until|till|through|during|last|next|this) {_EN_PART}?|{_EN_PART})"
# «в мае», «до конца мая», «с середины марта»; the month itself must be lower case («Мая» is a name).
_RU_MONTH_LEAD = (r"(?:(?:в|во|до|с|со|к|по|после|около|от)\s(?:(?:начал[аеоу]|середин[аеуы]|кон[цеу][ауе]?|конец)\s)?"
                  r"|(?:начал[аеоу]|середин[аеуы]|кон[цеу][ауе]?|конец)\s)")

# A clock time: "8.30 pm", "8 p.m.", "20:30", "at 20.00", «в 8.30», «в 20.00». The time itself is
# group `v`; a dotted time needs am/pm or a preposition before it, so "3.5 million" stays a number.
_HH = r"(?:[01]?\d|2[0-4])"
_MM = r"[0-5]\d"
_AMPM = r"(?:a\.m\.|p\.m\.|am\b|pm\b)"
_TIME_PREP = r"(?:at|by|from|until|till|before|after|около|после|до|с|со|к|в|во)"
_NOT_AMOUNT = r"(?!\s*(?:%|процент|percent|per cent|млн|млрд|тыс|million|billion|[$€£₽]|руб|долл|евро|euro|dollar))"


def _clock_patterns() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(rf"(?<![\w.,:])(?P<v>{_HH}(?:[:.]{_MM})?\s?{_AMPM})", re.I), "time"),
        (re.compile(rf"(?<![\w.,:])(?P<v>{_HH}:{_MM})(?![\d:]|[.,]\d)"), "time"),
        (re.compile(rf"(?<!\w){_TIME_PREP}\s(?P<v>{_HH}\.{_MM})(?!\d|[.,]\d){_NOT_AMOUNT}", re.I), "time"),
        (re.compile(rf"(?<![\w.,:])(?P<v>{_HH} o[’']clock)", re.I), "time"),
        # «в 13 часов», «по состоянию на 13 часов», «к 8 часам утра»; «на 13 часов» alone is a duration.
        (re.compile(rf"(?<!\w)(?:в|во|к|по состоянию на)\s(?P<v>{_HH}\sчас(?:а|ов|ам)?(?:\s(?:утра|дня|вечера|ночи))?)(?!\w)",
                    re.I), "time"),
    ]


def _clock_iso(text: str) -> str | None:
    """'8.30 pm' -> 'T20:30', '20.00' -> 'T20:00'; None for an impossible time."""
    m = re.match(r"(\d{1,2})(?:[:.](\d\d))?\s?([ap])?", text.lower())
    if m is None:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if re.search(r"вечера|дня", text.lower()) and hour < 12 and (hour <= 5 or "вечера" in text.lower()):
        hour += 12  # «8 часов вечера», «2 часа дня»
    if m.group(3) == "p" and hour < 12:
        hour += 12
    elif m.group(3) == "a" and hour == 12:
        hour = 0
    return f"T{hour % 24:02d}:{minute:02d}" if hour <= 24 and minute < 60 else None


@lru_cache(maxsize=4)
def _matches(text: str) -> tuple[tuple[tuple[int, int, str], ...], ...]:
    """Every match of every pattern of `_patterns()`, in its order: (start, end of the value,
    the whole match's text). Cached, so the quantities step (which must not read a date as a
    number) and the dates step scan an article's patterns once between them."""
    out = []
    passed: dict[re.Pattern[str], bool] = {}
    for pattern, _granularity, gate in _gated_patterns():
        if gate is not None:
            if gate not in passed:
                passed[gate] = gate.search(text) is not None
            if not passed[gate]:
                out.append(())
                continue
        value = "v" in pattern.groupindex
        out.append(tuple((*(m.span("v") if value else m.span()), m.group()) for m in pattern.finditer(text)))
    return tuple(out)


def date_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, granularity) of dates and clock times, by the same patterns `extract_dates`
    uses, without normalising them: for layers (quantities) that must not read a date as a number."""
    taken = Disjoint()
    out = []
    for (_pattern, granularity), found in zip(_patterns(), _matches(text)):
        for s, e, _whole in found:
            if not taken.overlaps(s, e):
                taken.add(s, e)
                out.append((s, e, "day" if granularity.startswith("holiday:") else granularity))
    return sorted(out)


def _month_index(text: str) -> int | None:
    """1-12 from an English month name or a Russian month stem in any case form."""
    low = text.lower()
    en = [m.lower() for m in load_list("en", "months")]
    for i, name in enumerate(en[:12]):
        if re.search(rf"\b{name}\b", low) or re.search(rf"\b{name[:3]}\b", low):
            return i + 1
    for i, stem in enumerate(load_list("ru", "months")):
        if re.search(rf"(?<!\w){stem}[а-яё]*", low):
            return i + 1
    return None


def _dateparse(text: str, base: datetime | None) -> datetime | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    clean = re.sub(r"^(?:on|last|next|в|во)\s+", "", text.strip(), flags=re.I)
    clean = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", clean)
    try:
        return dateparser.parse(clean, languages=["en", "ru"], settings=settings)
    except (ValueError, OverflowError):
        return None


def _parse(text: str, base: datetime | None, granularity: str) -> str | None:
    year = re.search(r"(?:19|20)\d\d", text)
    if granularity == "year" and year:
        return year.group()  # dateparser reads "2004 году" as a day of month
    if granularity == "month":
        month = _month_index(text)
        if not month:
            return None
        # A month named alone keeps no year (ISO 8601's yearless --MM): "in May" said in
        # January may be the coming or the past May, and a guess would compare as a fact.
        return f"{year.group()}-{month:02d}" if year else f"--{month:02d}"
    if granularity == "day" and year is None and base is None and not _RELATIVE.search(text):
        # "1 мая" with no year and no published date: ISO 8601's yearless --MM-DD, not a guess.
        when = _dateparse(text, None)
        return f"--{when.month:02d}-{when.day:02d}" if when else None

    when = _dateparse(text, base)
    if when is None:
        return None
    if granularity == "year":
        return f"{when.year:04d}"
    if granularity == "month":
        return f"{when.year:04d}-{when.month:02d}"
    return when.date().isoformat()


def published_base(article: Article) -> datetime | None:
    """The article's published date as a datetime, if it parses."""
    if not article.published:
        return None
    try:
        return datetime.fromisoformat(article.published[:10])
    except ValueError:
        return None


@component("dates", requires=("text",), assigns=("dates",))
class DateExtractor:
    """Component: assigns `dates`."""

    def __call__(self, article: Article) -> Article:
        article.dates = extract_dates(article)
        return article


_RELATIVE = re.compile(r"(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
                       r"понедельник|вторник|сред|четверг|пятниц|суббот|воскресень|вчера|сегодня")


def extract_dates(article: Article) -> list[DateRef]:
    """Date expressions with ISO values (None when a relative date has no published base)."""
    text = article.text
    base = published_base(article)
    taken = Disjoint()  # spans already claimed by a more specific pattern
    out: list[DateRef] = []
    parsed: dict[tuple[str, str], str | None] = {}
    for (_pattern, granularity), found in zip(_patterns(), _matches(text)):
        for s, e, whole in found:
            if taken.overlaps(s, e):
                continue
            if granularity == "time":
                iso = _clock_iso(text[s:e])
                if iso is not None:
                    taken.add(s, e)
                    out.append(DateRef(s, e, text[s:e], iso, "time"))
                continue
            if granularity.startswith("holiday:"):
                iso = _holiday_iso(whole, granularity.split(":", 1)[1], base)
                if iso is not None:
                    taken.add(s, e)
                    out.append(DateRef(s, e, text[s:e], iso, "day"))
                continue
            relative = bool(_RELATIVE.search(whole))
            key = (whole, granularity)
            if key not in parsed:  # dateparser costs ~10 ms a call: once per distinct expression
                parsed[key] = None if (relative and base is None) else _parse(whole, base, granularity)
            iso = parsed[key]
            if iso is None and not relative:
                continue
            taken.add(s, e)
            out.append(DateRef(s, e, whole, iso, "relative-day" if relative and iso is None else granularity))
    return _with_days(text, sorted(out, key=lambda d: d.start))


_JOIN = re.compile(r"\s*(?:,|on|at|в|во|,\s*в)?\s*", re.I)


def _with_days(text: str, refs: list[DateRef]) -> list[DateRef]:
    """A clock time next to a full day in one expression ("16 ноября в 20.00", "8.30 pm on
    16 November") gets the full ISO value, YYYY-MM-DDTHH:MM; alone it keeps THH:MM."""
    for k, ref in enumerate(refs):
        if ref.granularity != "time":
            continue
        for other in refs[max(0, k - 1) : k] + refs[k + 1 : k + 2]:
            if other.granularity != "day" or not other.iso or not re.fullmatch(r"\d{4}-\d\d-\d\d", other.iso):
                continue
            gap = text[other.end : ref.start] if other.end <= ref.start else text[ref.end : other.start]
            if len(gap) <= 6 and _JOIN.fullmatch(gap):
                ref.iso = other.iso + ref.iso
                break
    return refs
