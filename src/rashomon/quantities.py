"""Quantities: numbers with their head noun, normalised value, range and approximation.

Covers digits with any thousands separator ("5,000", "5 000"), ranges ("100,000-200,000",
"от 5 до 10"), scale words ("3 million", "3,5 млн"), number words in English and Russian
("three dozen", "тридцать три", "двести"), vague counts ("hundreds of militants"), and the
markers before them ("at least", "never more than", "около"). Word lists are language data.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .intervals import Cover, Disjoint
from .lang import load_list, load_table
from .model import Article, Quantity, Token
from .syntax import SyntaxView

_NUM = r"\d{1,3}(?:(?:,|\u00a0|\u202f| )\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_DIGITS = re.compile(
    rf"(?<![\w.,/:-])(?P<a>{_NUM})(?:\s*(?:[-–—]|to|до)\s*(?P<b>{_NUM}))?(?![\w/:]|[.,]\d|-\w)"
)
_SCALE = re.compile(r"\s*(millions?|billions?|thousands?|миллион\w*|миллиард\w*|тысяч\w*|млн|млрд|тыс)(?!\w)\.?")
_DATE_LIKE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}")
_HEAD_SKIP_POS = {"ADJ", "NUM", "DET"}
_HEAD_SKIP_WORDS = {"of", "more", "other", "additional", "extra", "из", "с", "лишним"}
_COORD = {"or", "and", "to", "или", "и", "либо"}


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


class QuantityExtractor:
    """Component: assigns `quantities`."""

    name = "quantities"
    requires: tuple[str, ...] = ("tokens", "sentences", "language")
    assigns: tuple[str, ...] = ("quantities",)

    def __call__(self, article: Article) -> Article:
        article.quantities = extract_quantities(article)
        return article


def _langs(article: Article) -> tuple[str, ...]:
    return ("ru", "en") if article.language in ("ru", "be", "uk") else ("en", "ru")


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


def _head_after(view: SyntaxView, end: int, sent: int) -> Token | None:
    """The noun a number counts: the first noun within a few tokens after it, in its sentence."""
    toks = view.tokens
    i = view.token_at(end)
    if i is None:
        rng = view.tokens_in(end, end + 60)
        i = rng[0] if len(rng) else None
    if i is None:
        return None
    for j in range(i, min(i + 5, len(toks))):
        tok = toks[j]
        if tok.sent != sent or tok.start < end:
            continue
        if tok.pos in ("NOUN", "PROPN") or tok.text == "%":
            return tok
        if tok.pos in _HEAD_SKIP_POS or tok.text.lower() in _HEAD_SKIP_WORDS or tok.text == "-":
            continue
        if tok.lemma.lower() in number_words("en") or tok.lemma.lower() in number_words("ru"):
            continue
        return None
    return None


def _word_numbers(article: Article, langs: tuple[str, ...]) -> list[tuple[int, int, float, str | None]]:
    """Runs of number words: (start, end, value, vague-marker) — "three dozen", "тридцать три"."""
    out = []
    toks = article.tokens
    i = 0
    while i < len(toks):
        run: list[tuple[float, str]] = []
        j = i
        while j < len(toks):
            # The surface form first: "hundreds" is vague, its lemma "hundred" is exact.
            surface, lemma = toks[j].text.lower(), toks[j].lemma.lower()
            entry = next((number_words(l)[w] for w in (surface, lemma) for l in langs if w in number_words(l)), None)
            if entry is None and toks[j].text.lower() in ("and", "и") and run and j + 1 < len(toks):
                nxt = toks[j + 1].lemma.lower()
                if any(nxt in number_words(l) for l in langs):
                    j += 1
                    continue
            if entry is None or (toks[j].sent != toks[i].sent):
                break
            run.append(entry)
            j += 1
        if run:
            value, vague = _combine(run)
            # "a"/"one" alone are articles and pronouns far more often than counts.
            if value is not None and (value >= 2 or any(k == "scale" for _, k in run)):
                out.append((toks[i].start, toks[j - 1].end, value, vague))
            i = j
        else:
            i += 1
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


def extract_quantities(article: Article) -> list[Quantity]:
    """All quantities in the article with heads, values and markers."""
    text = article.text
    langs = _langs(article)
    view = SyntaxView(article)
    spans: list[tuple[int, int, float, float | None, str | None]] = []
    for m in _DIGITS.finditer(text):
        if _DATE_LIKE.match(text, m.start()):
            continue
        value = parse_number(m.group("a"))
        high = parse_number(m.group("b")) if m.group("b") else None
        raw = m.group("a")
        # A bare year ("in 2004", "the 1994 election") is a date, not a count.
        if high is None and re.fullmatch(r"1[89]\d\d|20\d\d", raw):
            continue
        end = m.end()
        scale = _SCALE.match(text, end)  # at `end`, not on a copy of the rest of the text
        if scale:
            word = scale.group(1).lower().rstrip("s") if scale.group(1).isascii() else scale.group(1).lower()
            mult = next((number_words(l).get(word) for l in langs if word in number_words(l)), None)
            if mult is None:
                mult = (1e6 if word.startswith("миллион") else 1e9 if word.startswith("миллиард") else 1e3, "scale")
            value *= mult[0]
            high = high * mult[0] if high is not None else None
            end = scale.end()
        spans.append((m.start(), end, value, high, None))
    digits = Cover((a, b) for a, b, *_ in spans)
    words = Disjoint()  # word numbers kept so far never overlap each other
    for s, e, value, vague in _word_numbers(article, langs):
        if not digits.overlaps(s, e) and not words.overlaps(s, e):
            words.add(s, e)
            spans.append((s, e, value, None, vague))
    spans.sort()
    return _with_heads(article, view, spans, langs)


def _last_headed(out: list[Quantity], sent: int) -> Quantity | None:
    """The last quantity with a head in sentence `sent`; `out` is in text order, so stop at
    the first one from an earlier sentence instead of walking back through the article."""
    for p in reversed(out):
        if p.sentence != sent:
            return None
        if p.head:
            return p
    return None


def _with_heads(article: Article, view: SyntaxView, spans, langs) -> list[Quantity]:  # noqa: ANN001
    text = article.text
    out: list[Quantity] = []
    pending: list[Quantity] = []
    for k, (s, e, value, high, vague) in enumerate(spans):
        sent = view.sentence_of(s)
        if sent is None:
            continue
        head = _head_after(view, e, sent)
        phrase, rel = _marker(text, s, langs)
        if vague and not phrase:
            phrase, rel = "vague", "about"
        q = Quantity(s, e, text[s:e], value, high, head.text.lower() if head else None, phrase)
        q.relation = rel or ("range" if high is not None else "eq")
        q.head_lemma = head.lemma.lower() if head else None
        q.sentence = sent
        if head is None:
            # "5,000 or 20,000 people": the first number counts what the second one does.
            nxt = spans[k + 1] if k + 1 < len(spans) else None
            between = text[e : nxt[0]].strip().lower() if nxt else ""
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
        pending = []
        out.append(q)
    return [q for q in out if q.head or q.approx]
