"""Quantities: numbers with their kind, unit, measured thing, normalised value, range and marker.

Covers digits with any thousands separator ("5,000", "5 000"), ranges ("100,000-200,000",
"от 5 до 10"), scale words and suffixes ("3 million", "3,5 млн", "$50m"), number words in English
and Russian ("three dozen", "тридцать три"), vague counts ("hundreds of militants"), and the
markers before them ("at least", "никогда не больше"). Each quantity is typed (`quantity_kinds`):
money, percent, measure, temperature, score, age, ordinal, duration, rate, reference or count.
Dates and clock times are never quantities: their spans come from `dates`, one definition.
Word lists and unit tables are language data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import date_spans
from .intervals import Cover, Disjoint
from .lang import bundle_code, load_list, load_table, load_words
from .model import Article, Quantity, Token
from .quantity_kinds import (
    cue_after,
    cue_before,
    cue_near,
    cues,
    head_verbs,
    ordinal_words,
    pass_nouns,
    unit_after,
    unit_before,
)
from .syntax import SyntaxView
from .pipeline import component

_NUM = r"\d{1,3}(?:(?:,|\u00a0|\u202f| )\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
# A number, an optional second one (range or score), glued letters ("5th", "$50m", "5km") and a
# hyphenated tail ("45-year-old", "3-й", "45-летний"); the tail is checked against the cue data.
_DIGITS = re.compile(
    rf"(?<![\w.,/:])(?<!\w[-–])(?P<a>{_NUM})"
    rf"(?:(?P<sep>\s*(?:[-–—]|to|до)\s*|:)(?P<b>{_NUM}))?"
    r"(?P<suf>[^\W\d_]{1,4}(?![\w]))?"
    r"(?P<hy>(?:-[^\W\d_]+)+)?"
    r"(?![\w/:]|[.,]\d)"
)
_SCALE = re.compile(r"\s*(millions?|billions?|trillions?|thousands?|миллион\w*|миллиард\w*|триллион\w*|тысяч\w*|"
                    r"(?:млн|млрд|трлн|тыс)(?!\w)\.?(?!\s*[A-ZА-ЯЁ]))(?!\w)")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_HEAD_SKIP_POS = {"ADJ", "NUM", "DET", "SYM"}
_HEAD_SKIP_WORDS = {"of", "more", "other", "additional", "extra", "из", "с", "лишним"}
_COORD = {"or", "and", "to", "или", "и", "либо"}
_LINK = re.compile(r"\s+(?:of|in|on|worth of|из|в виде)\s+", re.I)  # "$50m in aid", "5 km of road"
_FRACTION_WORDS = {"a", "one", "two", "одна", "две"}
_ARTICLES = {"a", "an"}  # "a third of": a fraction, not an ordinal
# Kinds that compare by unit even without a measured thing.
_KEEP_HEADLESS = {"money", "percent", "measure", "temperature", "score", "age", "duration", "rate", "reference"}


@lru_cache(maxsize=None)
def number_words(lang: str) -> dict[str, tuple[float, str]]:
    """word -> (value, kind) from lang/<lang>/number_words.tsv."""
    return {r[0]: (float(r[1]), r[2]) for r in load_table(lang, "number_words") if len(r) >= 3}


@lru_cache(maxsize=None)
def approx_markers(lang: str) -> list[tuple[str, str]]:
    """(phrase, relation) pairs, longest phrase first."""
    rows = [(r[0], r[1]) for r in load_table(lang, "approx_markers") if len(r) >= 2]
    return sorted(rows, key=lambda r: len(r[0]), reverse=True)


def parse_number(raw: str) -> float:
    """'5,000' -> 5000, '3,5' -> 3.5, '5 000' -> 5000."""
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[ ,]\d{3})+", s):
        return float(re.sub(r"[ ,]", "", s))
    if re.fullmatch(r"\d{1,3}(?:[ ,]\d{3})+[.,]\d+", s):
        head, frac = re.split(r"[.,](?=\d+$)", s)
        return float(re.sub(r"[ ,]", "", head) + "." + frac)
    return float(s.replace(",", "."))


@component("quantities", requires=("tokens", "sentences", "language"), assigns=("quantities",))
class QuantityExtractor:
    """Component: assigns `quantities`."""

    def __call__(self, article: Article) -> Article:
        article.quantities = extract_quantities(article)
        return article


def _langs(article: Article) -> tuple[str, ...]:
    first = bundle_code(article.language)
    return (first, "en" if first == "ru" else "ru")


def _marker(text: str, start: int, langs: tuple[str, ...]) -> tuple[str | None, str | None]:
    """The approximation phrase right before a number, and its relation (flipped by a negation)."""
    before = text[max(0, start - 90) : start].lower()
    for lang in langs:
        for phrase, rel in approx_markers(lang):
            if re.search(rf"(?<!\w){re.escape(phrase)}\s*$", before):
                head = before[: len(before.rstrip()) - len(phrase)]
                words = re.findall(r"[\w']+", head)[-6:]
                negs = set(load_list(lang, "negations"))
                if rel in ("gt", "ge") and any(w in negs for w in words):
                    rel = "le"  # "never (even in 2004) were there more than 15,000"
                return phrase, rel
    return None, None


@dataclass(slots=True)
class _Cand:
    """A number found in the text, before it gets its head: span, values and type."""

    start: int
    end: int
    value: float
    high: float | None = None
    vague: str | None = None
    kind: str = "count"
    unit: str | None = None
    cue: tuple[int, int] | None = None  # the reference/age cue word, a head of last resort


def _scale_suffix(suf: str, langs: tuple[str, ...]) -> float | None:
    for lang in langs:
        for phrase, value in cues(lang, "scale-suffix"):
            if phrase == suf.lower() and value:
                return float(value)
    return None


def _scale_word(text: str, end: int, langs: tuple[str, ...]) -> tuple[int, float] | None:
    """A scale word after a number ("3 million", «3,5 млн»): (its end, multiplier)."""
    scale = _SCALE.match(text, end)  # at `end`, not on a copy of the rest of the text
    if not scale:
        return None
    word = scale.group(1).lower().rstrip(".")
    word = word.rstrip("s") if word.isascii() else word
    mult = next((number_words(l).get(word) for l in langs if word in number_words(l)), None)
    if mult is None:
        mult = (1e6 if word.startswith("миллион") else 1e9 if word.startswith("миллиард") else
                1e12 if word.startswith("триллион") else 1e3, "scale")
    return scale.end(), mult[0]


def _digit_candidates(text: str, langs: tuple[str, ...], dates: Cover, years: Cover) -> list[_Cand]:
    """Numbers written in digits, typed by what is glued to them and the words around them."""
    out = []
    for m in _DIGITS.finditer(text):
        a_end = m.end("b") if m.group("b") else m.end("a")
        if dates.overlaps(m.start(), a_end) and not years.overlaps(m.start(), a_end):
            continue  # a day of the month, a clock time, a numeric date
        value = parse_number(m.group("a"))
        high = parse_number(m.group("b")) if m.group("b") else None
        c = _Cand(m.start(), a_end, value, high)
        suf, hy = m.group("suf") or "", m.group("hy") or ""
        if m.group("sep") == ":" and not (len(m.group("a")) <= 3 and len(m.group("b")) <= 3):
            continue
        if not _glued(text, c, suf, hy, m.end(), langs):
            continue  # "5G", "737MAX", "4-х"-style tails that are no unit, scale or ordinal
        if c.kind == "count" and not suf:
            _scaled(text, c, langs)
        if c.kind == "count" and not _typed_after(text, c, langs) and (
            years.overlaps(m.start(), a_end)
            or (_YEAR.fullmatch(m.group("a")) and re.fullmatch(r"\d\d|1[89]\d\d|20\d\d", m.group("b") or ""))
        ):
            continue  # "in 2004", "the 1994 election", "2010 to 2015", "2019-20": years, not counts
        out.append(c)
    return out


def _glued(text: str, c: _Cand, suf: str, hy: str, end: int, langs: tuple[str, ...]) -> bool:
    """Type a candidate by its glued letters and hyphenated tail; False if they are no known cue."""
    if suf:
        low = suf.lower()
        if any(low == p for lang in langs for p, _ in cues(lang, "ordinal-suffix")):
            c.kind, c.end = "ordinal", c.end + len(suf)
        elif (mult := _scale_suffix(low, langs)) is not None and (
            mult >= 1e9 or low == "mn" or unit_before(text, c.start, langs) or _money_after(text, c.end + len(suf), langs)
        ):
            c.value *= mult
            c.high = c.high * mult if c.high is not None else None
            c.end += len(suf)
        else:
            hit = unit_after(text, c.end, langs)
            if hit is None or hit[0] != c.end + len(suf):
                return False
            c.end, c.kind, c.unit = hit[0], hit[1].kind, hit[1].unit
    if hy:
        tail_end = c.end + len(hy) if not suf else end
        tail = text[c.end : tail_end]
        if any(tail.lower() == p for lang in langs for p, _ in cues(lang, "ordinal-suffix")):
            c.kind, c.end = "ordinal", tail_end
        elif (age := cue_after(text, c.end, langs, "age-after")) and age[0] == tail_end:
            c.kind, c.end = "age", tail_end
        else:
            # "a 10-year sentence", "a 5-km stretch": the unit is the tail's first word.
            hit = unit_after(text, c.end + 1, langs)
            if hit is None or hit[0] != tail_end:
                return False
            c.end, c.kind, c.unit = hit[0], hit[1].kind, hit[1].unit
    return True


def _money_after(text: str, end: int, langs: tuple[str, ...]) -> bool:
    hit = unit_after(text, end, langs)
    return hit is not None and hit[1].kind == "money"


_OPEN_MARKS = "“«„\"'‘"
_CLOSE_MARKS = "”»“\"'’"


def _quoted_figure(text: str, c: _Cand) -> bool:
    """The figure ends a quotation whose scale word the author adds outside it: quoted alone
    (“$5.6” billion, «5,6» млрд), or as the last words of a longer quotation (“we’re asking for
    $5.6” billion): a closing mark right after the figure."""
    if c.end >= len(text) or text[c.end] not in _CLOSE_MARKS:
        return False
    if text[c.end] not in "'’":
        return True
    # An apostrophe closes only a figure quoted alone (‘5’ billion), not "the 1990’s".
    k = c.start - 1
    while k >= 0 and text[k] in "$€£₽¥":
        k -= 1
    return k >= 0 and text[k] in _OPEN_MARKS


def _scaled(text: str, c: _Cand, langs: tuple[str, ...]) -> None:
    hit = _scale_word(text, c.end, langs)
    if hit is None and _quoted_figure(text, c):
        hit = _scale_word(text, c.end + 1, langs)  # the scale word after the closing mark
    if hit:
        c.end, mult = hit
        c.value *= mult
        c.high = c.high * mult if c.high is not None else None


def _typed_after(text: str, c: _Cand, langs: tuple[str, ...]) -> bool:
    """True if a unit or currency makes a year-like number an amount ("2000 euros", "$2000")."""
    return unit_before(text, c.start, langs) is not None or (
        (hit := unit_after(text, c.end, langs)) is not None and hit[1].kind in ("money", "measure", "percent")
    )


def _type(text: str, c: _Cand, sent: tuple[int, int], langs: tuple[str, ...]) -> None:
    """Kind and unit from the words around the number; widens the span over symbol and unit."""
    if c.kind in ("ordinal", "age"):
        return
    ref = cue_before(text, c.start, langs, "reference", 30)
    if ref is not None and c.kind == "count" and c.high is None:
        base = max(0, c.start - 30)
        c.kind, c.cue = "reference", (base + ref.start(), base + len(ref.group().rstrip()))
        c.start = c.cue[0]
        return
    if c.high is not None and _is_score(text, c, sent, langs):
        c.kind = "score"
        return
    before = unit_before(text, c.start, langs)
    if before is not None and c.kind == "count":
        c.start, c.kind, c.unit = before[0], before[1].kind, before[1].unit
    after = unit_after(text, c.end, langs)
    if after is None and text[c.end : c.end + 1] == "-":
        # "a nine-day trip", "a one-month extension": the unit is glued by a hyphen.
        after = unit_after(text, c.end + 1, langs)
        if after is not None and (after[1].before or text[after[0] : after[0] + 1].isalnum()):
            after = None
    if after is None and not text[c.start].isdigit() and (of := re.match(r"\s+of(?=\s)", text[c.end : c.end + 4])):
        # "millions of dollars", "tens of thousands of dollars": an amount of money.
        money = unit_after(text, c.end + of.end(), langs)
        after = money if money is not None and money[1].kind == "money" else None
    age_after = cue_after(text, c.end, langs, "age-after")
    if age_after is not None and (after is None or age_after[0] >= after[0]):
        c.kind, c.end = "age", age_after[0]
        return
    if after is not None and c.kind in ("count", after[1].kind):
        c.end, c.kind, c.unit = after[0], after[1].kind, after[1].unit
    if (age := cue_before(text, c.start, langs, "age-before", 30)) is not None:
        base = max(0, c.start - 30)
        c.kind, c.cue, c.unit = "age", (base + age.start(), base + len(age.group().rstrip())), None
        if after is not None and after[1].kind == "duration":
            c.end = after[0]  # «в возрасте 45 лет»
        return
    minus = cue_before(text, c.start, langs, "minus", 20)
    sign = re.search(r"(?:^|[\s(])[-−]$", text[max(0, c.start - 2) : c.start])
    if c.kind == "temperature" and (minus or sign):
        c.start = c.start - 1 if sign else max(0, c.start - 20) + minus.start()  # type: ignore[union-attr]
        c.value = -c.value
        c.high = -c.high if c.high is not None else None
    if c.kind in ("count", "money", "measure", "percent"):
        rate = cue_after(text, c.end, langs, "rate")
        if rate is not None and rate[1]:
            c.unit = f"{c.unit or ''}/{rate[1]}" if c.kind != "rate" else c.unit
            c.kind = "rate"


def _is_score(text: str, c: _Cand, sent: tuple[int, int], langs: tuple[str, ...]) -> bool:
    """A two-number form is a result, not a range: "3:1", a falling pair ("27-0") or a
    pair near a score word ("won 3-5", «со счетом 2-3»)."""
    if c.high is None:
        return False
    raw = text[c.start : c.end]
    if ":" in raw:
        return True
    if c.value >= 1000 or c.high >= 1000 or re.search(r"\s(?:to|до)\s", raw) or _SCALE.match(text, c.end):
        return False
    if c.value >= c.high:
        return True
    # A rising pair is a range unless a score word is right beside it ("won 3-5", «счёт 2:3»).
    return cue_near(text, max(sent[0], c.start - 25), min(sent[1], c.end + 15), langs, "score")


def _head_after(view: SyntaxView, end: int, sent: int) -> Token | None:
    """The noun a number counts: the first noun within a few tokens after it, in its sentence."""
    toks = view.tokens
    i = view.token_at(end)
    if i is None:
        rng = view.tokens_in(end, end + 60)
        i = rng[0] if len(rng) else None
    if i is None:
        return None
    j, limit = i - 1, i + 5
    while (j := j + 1) < min(limit, len(toks)):
        tok = toks[j]
        if tok.sent != sent or tok.start < end:
            continue
        if tok.pos in ("NOUN", "PROPN") and _opens_compound_adjective(toks, j):
            # "5 oil-producing wells", "two delegate-rich primaries": the noun of a hyphenated
            # adjective is not what is counted; look past the adjective.
            j, limit = j + 2, limit + 3
            continue
        if tok.pos in ("NOUN", "PROPN") or tok.text == "%":
            return tok
        if tok.lemma.lower() in load_words("quantity_person_heads") and _stands_for_people(tok) and not _noun_next(toks, j):
            return tok  # "four dead", «трое погибших»: the participle stands for the people counted
        if tok.pos in _HEAD_SKIP_POS or tok.text.lower() in _HEAD_SKIP_WORDS or tok.text == "-":
            continue
        if tok.lemma.lower() in number_words("en") or tok.lemma.lower() in number_words("ru"):
            continue
        return None
    return None


# A Russian verb form counts people only as a participle («погибших», «раненые»), not as the
# finite verb of the number's clause («трое задержали …»).
_RU_ADJ_END = re.compile(r"(?:[иыо]й|[ая]я|[ое]е|[иы]е|[иы]х|[иы]ми?|[ое]го|[ое]му)$")


def _stands_for_people(tok: Token) -> bool:
    """Whether a person-head word is used as a noun-like participle or adjective here."""
    word = tok.text.lower()
    if tok.pos != "VERB" or not re.search("[а-яё]", word):
        return True
    return _RU_ADJ_END.search(word) is not None


def _noun_next(toks: list[Token], k: int) -> bool:
    """Whether the token after k, in its sentence, is a noun ("five injured workers")."""
    return k + 1 < len(toks) and toks[k + 1].sent == toks[k].sent and toks[k + 1].pos in ("NOUN", "PROPN")


def _opens_compound_adjective(toks: list[Token], k: int) -> bool:
    """Whether token k (a noun) opens a hyphenated adjective ("delegate-rich", "oil-producing")."""
    if k + 2 >= len(toks):
        return False
    tok, dash, nxt = toks[k], toks[k + 1], toks[k + 2]
    return (dash.text == "-" and dash.start == tok.end and nxt.start == dash.end
            and nxt.pos in ("ADJ", "VERB") and nxt.sent == tok.sent)


def _noun_after_link(view: SyntaxView, text: str, end: int, sent: int) -> Token | None:
    """"$50m in aid", "5 km of road": the noun after a linking preposition right after the unit."""
    m = _LINK.match(text, end)
    return _head_after(view, m.end(), sent) if m else None


def _head_above(view: SyntaxView, c: _Cand, langs: tuple[str, ...]) -> Token | None:
    """The measured thing up the tree: "a fine of 12,000 euros" -> fine, «штраф в размере 12 тысяч
    евро» -> штраф, "unemployment rose to 5%" -> unemployment. A few steps at most."""
    inside = set(view.tokens_in(c.start, c.end))
    if not inside:
        return None
    toks = view.tokens
    # The topmost token of the quantity's own span.
    top = next((i for i in inside if toks[i].head not in inside or toks[i].head == i), min(inside))
    verbs = set().union(*(head_verbs(l) for l in langs))
    passing = set().union(*(pass_nouns(l) for l in langs))
    i = top
    for _ in range(4):
        h = toks[i].head
        if h == i or not 0 <= h < len(toks) or h in inside:
            return None
        tok = toks[h]
        if tok.pos in ("NOUN", "PROPN"):
            if tok.lemma.lower() in passing or tok.text.lower() in passing:
                i = h
                continue
            return tok
        if tok.pos == "ADP":
            i = h
            continue
        if tok.pos in ("VERB", "AUX") and tok.lemma.lower() in verbs and toks[i].dep not in ("nsubj", "nsubjpass"):
            subj = [k for k in view.kids(h, "nsubj") if toks[k].pos in ("NOUN", "PROPN") and k not in inside]
            return toks[subj[0]] if subj else None
        return None
    return None


def _find_head(view: SyntaxView, text: str, c: _Cand, sent: int, langs: tuple[str, ...]) -> Token | None:
    """The thing a quantity measures, by kind; None when it cannot be found."""
    if c.kind == "count" or c.kind == "ordinal":
        return _head_after(view, c.end, sent)
    if c.kind == "reference":
        i = view.token_at(c.cue[0]) if c.cue else None
        return view.tokens[i] if i is not None else None
    if c.kind in ("score", "temperature"):
        return None
    if c.kind == "age":
        after = _head_after(view, c.end, sent)
        return after if after is not None else _head_above(view, c, langs)
    if c.kind == "duration":
        return _noun_after_link(view, text, c.end, sent)
    return _noun_after_link(view, text, c.end, sent) or _head_above(view, c, langs)


def _word_numbers(article: Article, langs: tuple[str, ...]) -> list[tuple[int, int, float, str | None]]:
    """Runs of number words: (start, end, value, vague-marker) — "three dozen", "тридцать три"."""
    out = []
    toks = article.tokens
    known = set().union(*(number_words(l) for l in langs))  # a run starts only at a number word
    i = 0
    while i < len(toks):
        if toks[i].text.lower() not in known and toks[i].lemma.lower() not in known:
            i += 1
            continue
        run: list[tuple[float, str]] = []
        j = i
        while j < len(toks):
            # The surface form first: "hundreds" is vague, its lemma "hundred" is exact.
            surface, lemma = toks[j].text.lower(), toks[j].lemma.lower()
            entry = next((number_words(l)[w] for w in (surface, lemma) for l in langs if w in number_words(l)), None)
            # "two hundred and five": "and" joins only after a scale word, never «четыре и пять».
            if (entry is None and toks[j].text.lower() in ("and", "и") and run and run[-1][1] == "scale"
                    and j + 1 < len(toks)):
                nxt = toks[j + 1].lemma.lower()
                if any(nxt in number_words(l) for l in langs):
                    j += 1
                    continue
            # "hundreds of thousands", "tens of millions": "of" joins two vague counts.
            if (entry is None and surface == "of" and run and run[-1][1] == "approx" and j + 1 < len(toks)
                    and any(number_words(l).get(toks[j + 1].text.lower(), (0, ""))[1] in ("approx", "scale")
                            for l in langs)):
                j += 1
                continue
            if entry is None or (toks[j].sent != toks[i].sent):
                break
            if surface in _ARTICLES and (run or not _scale_next(toks, j, langs)):
                break  # "a" counts only before a scale word: "a dozen", not "a nine-day", "one a"
            run.append(entry)
            j += 1
        if run and _fraction_next(toks, j, langs):
            i = j  # "three-fifths", "two-thirds": a fraction, not a count
            continue
        if run:
            value, vague = _combine(run)
            # "a"/"one" alone are articles and pronouns far more often than counts.
            if value is not None and (value >= 2 or any(k == "scale" for _, k in run)):
                out.append((toks[i].start, toks[j - 1].end, value, vague))
            i = j
        else:
            i += 1
    return out


def _scale_next(toks: list[Token], j: int, langs: tuple[str, ...]) -> bool:
    """True if the token after j is a scale or vague number word ("a dozen", "a million")."""
    if j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    entry = next((number_words(l)[w] for w in (nxt.text.lower(), nxt.lemma.lower()) for l in langs
                  if w in number_words(l)), None)
    return entry is not None and entry[1] in ("scale", "approx")


def _fraction_next(toks: list[Token], j: int, langs: tuple[str, ...]) -> bool:
    """True if tokens j, j+1 are "-" and an ordinal ("-fifths", "-thirds")."""
    if j + 1 >= len(toks) or toks[j].text != "-":
        return False
    nxt = toks[j + 1]
    return any(w in ordinal_words(l) for w in (nxt.lemma.lower(), nxt.text.lower().rstrip("s")) for l in langs)


def _ordinal_words(article: Article, langs: tuple[str, ...]) -> list[_Cand]:
    """"the third day", «третий раз»; "a third of" is a fraction and is left out."""
    out = []
    toks = article.tokens
    known = set().union(*(ordinal_words(l) for l in langs))
    for i, tok in enumerate(toks):
        if tok.text.lower() not in known and tok.lemma.lower() not in known:
            continue
        value = next((ordinal_words(l).get(w) for w in (tok.text.lower(), tok.lemma.lower()) for l in langs
                      if w in ordinal_words(l)), None)
        if value is None or (i > 0 and (toks[i - 1].text.lower() in _FRACTION_WORDS or toks[i - 1].text == "-")):
            continue
        if tok.text.lower() != tok.lemma.lower() and tok.text.lower().endswith("s"):
            continue  # "thirds", "fifths": fractions
        if tok.text[:1].isupper() and i > 0 and toks[i - 1].sent == tok.sent and toks[i - 1].text not in "\"«“(":
            continue  # "Third Way", «Пятый канал»: part of a name
        out.append(_Cand(tok.start, tok.end, value, kind="ordinal"))
    return out


def _combine(run: list[tuple[float, str]]) -> tuple[float | None, str | None]:
    total, current, vague = 0.0, 0.0, None
    for value, kind in run:
        if kind == "unit":
            current += value
        elif kind == "scale":
            current = max(current, 1.0) * value
            if value >= 1000:
                total, current = total + current, 0.0
        else:
            vague = "vague"
            current = max(current, 1.0) * value if current else value
    value = total + current
    return (value if value else None), vague


def _date_covers(article: Article) -> tuple[Cover, Cover]:
    """(every date or clock-time span, the year-only ones): the dates layer if it ran first,
    else the same patterns run here."""
    if "dates" in article.done:
        spans = [(d.start, d.end, d.granularity) for d in article.dates]
    else:
        spans = date_spans(article.text)
    return Cover((s, e) for s, e, _ in spans), Cover((s, e) for s, e, g in spans if g == "year")


def extract_quantities(article: Article) -> list[Quantity]:
    """All quantities in the article with kinds, units, heads, values and markers."""
    text = article.text
    langs = _langs(article)
    view = SyntaxView.of(article)
    dates, years = _date_covers(article)
    cands = _digit_candidates(text, langs, dates, years)
    digits = Cover((c.start, c.end) for c in cands)
    words = Disjoint()  # word numbers kept so far never overlap each other
    for s, e, value, vague in _word_numbers(article, langs):
        if not digits.overlaps(s, e) and not words.overlaps(s, e) and not dates.overlaps(s, e):
            words.add(s, e)
            c = _Cand(s, e, value, vague=vague)
            _scaled(text, c, langs)
            cands.append(c)
    for c in _ordinal_words(article, langs):
        if not digits.overlaps(c.start, c.end) and not words.overlaps(c.start, c.end):
            cands.append(c)
    cands.sort(key=lambda c: (c.start, c.end))
    return _with_heads(article, view, cands, langs)


def _last_headed(out: list[Quantity], sent: int) -> Quantity | None:
    """The last counted quantity with a head in sentence `sent`; `out` is in text order, so stop
    at the first one from an earlier sentence instead of walking back through the article."""
    for p in reversed(out):
        if p.sentence != sent:
            return None
        if p.head and p.kind == "count":
            return p
    return None


def _with_heads(article: Article, view: SyntaxView, cands: list[_Cand], langs) -> list[Quantity]:  # noqa: ANN001
    text = article.text
    out: list[Quantity] = []
    pending: list[Quantity] = []
    taken = Disjoint()
    for k, c in enumerate(cands):
        sent = view.sentence_of(c.start)
        if sent is None:
            continue
        bounds = (article.sentences[sent].start, article.sentences[sent].end)
        _type(text, c, bounds, langs)
        c.end = min(c.end, bounds[1])
        if taken.overlaps(c.start, c.end):
            continue  # a widened span ("article 161" after "part 2 of") never swallows another
        taken.add(c.start, c.end)
        head = _find_head(view, text, c, sent, langs)
        # "charged under part 2": a document number has no approximation.
        phrase, rel = _marker(text, c.start, langs) if c.kind not in ("reference", "score") else (None, None)
        if c.vague and not phrase:
            phrase, rel = "vague", "about"
        q = Quantity(c.start, c.end, text[c.start : c.end], c.value, c.high, head.text.lower() if head else None,
                     phrase, kind=c.kind, unit=c.unit)
        q.relation = "score" if c.kind == "score" else rel or ("range" if c.high is not None else "eq")
        q.head_lemma = head.lemma.lower() if head else None
        q.sentence = sent
        if c.kind == "count" and head is None:
            # "5,000 or 20,000 people": the first number counts what the second one does.
            nxt = cands[k + 1] if k + 1 < len(cands) else None
            between = text[c.end : nxt.start].strip().lower() if nxt else ""
            if nxt and between in _COORD:
                pending.append(q)
                out.append(q)
                continue
            # "… 15,000 people, but … estimated their number at 100,000-200,000": same head.
            prev = _last_headed(out, sent)
            if prev is not None:
                q.head, q.head_lemma = prev.head, prev.head_lemma
            elif not phrase:
                continue
        for p in pending:
            p.head, p.head_lemma = q.head, q.head_lemma
            if q.kind != "count":
                p.kind, p.unit = q.kind, q.unit
        pending = []
        out.append(q)
    return [q for q in out if q.head or q.approx or q.kind in _KEEP_HEADLESS]
