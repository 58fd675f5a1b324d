"""Language backends behind one interface: tokens, sentences and raw NER mentions.

English goes through spaCy (any installed pipeline named in settings), Russian and the
other Cyrillic languages through natasha. Each backend runs per paragraph, so headlines
stay sentences of their own and no span crosses a line break. A paragraph longer than
`MAX_PARSE_CHARS` goes to the backend in pieces cut at sentence-like boundaries, and every
parse, whatever backend made it, is repaired into one dependency tree per sentence
(`trees.make_trees`) before any other layer sees it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, Iterator

from .backends import ParsedText, ParsedToken
from .lang import bundle_code
from .model import Article, Mention, Sentence, Token
from .script import cyrillic_count
from .settings import ModelOptions
from .trees import make_trees
from .pipeline import component

# Backend labels → rashomon's four types; numeric labels feed other layers, not entities.
EN_TYPES = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "OTHER",
    "EVENT": "OTHER",
    "WORK_OF_ART": "OTHER",
    "LAW": "OTHER",
    "PRODUCT": "OTHER",
    "LANGUAGE": "OTHER",
}
RU_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
ROOT_LABELS = {"en": "ROOT", "ru": "root"}  # each backend's spelling, for roots a repair picks

# The longest paragraph in the real corpora is 6,198 characters. spaCy's parser and NER
# need about 1 GB of working memory per 100,000 characters (its docs, E088), and natasha's
# biaffine parser is quadratic in sentence length, so one huge line must not reach them whole.
MAX_PARSE_CHARS = 20_000
_LINE_BREAK = re.compile(r"[\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+\s*")  # no \n: paragraphs are lines
_SENTENCE_END = re.compile(r"[.!?…;]+[\"'»”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def chunk_spans(text: str, limit: int = MAX_PARSE_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of `text`, none longer than `limit`, cut after a line break, else
    after sentence punctuation, else after whitespace, else hard, in the latter half of a piece."""
    if limit < 2:
        raise ValueError("limit must be at least 2")
    spans = []
    start, n = 0, len(text)
    while n - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = hi
        for pattern in (_LINE_BREAK, _SENTENCE_END, _SPACE):
            ends = [m.end() for m in pattern.finditer(text, start, hi) if lo <= m.end() < hi]
            if ends:
                cut = ends[-1]
                break
        spans.append((start, cut))
        start = cut
    if start < n:
        spans.append((start, n))
    return [(s, e) for s, e in spans if not text[s:e].isspace()]


# A wire dateline opening a paragraph: "WASHINGTON (AP) — ", "TRENTON, N.J. (AP) — ", "CLEVELAND,
# July 19 (UPI) — ", "MEXICO CITY - ". Parsed with the lead, it became the lead's subject
# ("LONDON (Reuters) said …") or hid it; parsed apart, it is a sentence of its own.
_UP = "A-ZА-ЯЁ"
_DATELINE = re.compile(
    rf"[{_UP}][{_UP}.'’-]+(?: [{_UP}][{_UP}.'’-]+){{0,3}}"  # the place, in capitals
    rf"((?:, (?:[{_UP}][a-zа-яё]+\.?(?: \d{{1,2}})?|[{_UP}]\.(?:[{_UP}]\.)+|\d{{1,2}} [a-zа-яё]+)){{0,2}}"  # ", N.J.", ", July 19"
    r"(?: ?[(/][A-Za-zА-Яа-яЁё. &]{1,30}[)/])?)"  # "(AP)", "/ТАСС/"
    r" ?(?:—|–|--?) +(?=\S)")
_BARE_PLACE = 5  # capitals a dateline with nothing but the place needs ("NATO - Russia talks" is none)
# Russian wires close the dateline with the agency, and the lead follows a full stop: "ЖЕНЕВА,
# 12 июня. /Корр. ТАСС …/. ", "МОСКВА, 20 июн — РИА Новости, <author>. ", "МОСКВА, 6 ноября,
# ФедералПресс. ". The agency part is at most four capitalised words, so a lead sentence ("Путин
# подписал указ.") is never taken for it.
_WIRE_TAIL = r"[A-ZА-ЯЁ][\w-]*(?:,? [A-ZА-ЯЁ][\w-]*){0,3}\."
_RU_DATELINE = re.compile(
    rf"(?P<head>[{_UP}][{_UP}-]+(?: [{_UP}][{_UP}-]+){{0,3}}, \d{{1,2}} [а-яё]+\.?)"
    rf"(?: ?/[^/\n]{{1,60}}/(?:\.| ?(?:—|–|--?))?| ?(?:—|–|--?) ?{_WIRE_TAIL}|, {_WIRE_TAIL}) +(?=\S)")


# Interfax closes a dotted dateline with its site's name: "Москва. 11 ноября. INTERFAX.RU - ".
_RU_DOTTED_DATELINE = re.compile(
    r"(?P<head>[А-ЯЁ][а-яё-]+(?: [А-ЯЁ][а-яё-]+){0,2}\. \d{1,2} [а-яё]+\.) "
    r"[A-ZА-ЯЁ][A-ZА-ЯЁ]+(?:\.[A-ZА-ЯЁ]+)* ?(?:—|–|--?) +(?=\S)")


def _ru_dateline(text: str) -> re.Match[str] | None:
    return _RU_DATELINE.match(text) or _RU_DOTTED_DATELINE.match(text)


def wire_credit(text: str) -> tuple[int, int] | None:
    """The agency and correspondent of a Russian wire dateline opening `text` ("/Корр. ТАСС
    Ирина Лебедева/", "РИА Новости, Олег Сомов", "INTERFAX.RU"): they credit the text, nobody in
    the story."""
    m = _ru_dateline(text)
    if m is None or len(text) - m.end() < 20:
        return None
    return m.end("head"), m.end()


def dateline_end(text: str) -> int:
    """Where a paragraph's opening wire dateline ends (after its dash and spaces), else 0."""
    m = _ru_dateline(text)
    if m is not None and len(text) - m.end() >= 20:
        return m.end()
    m = _DATELINE.match(text)
    if m is None or len(text) - m.end() < 20:
        return 0
    need = 3 if m.group(1) else _BARE_PLACE
    return m.end() if sum(ch.isupper() for ch in m.group()) >= need else 0


def backend_for(language: str, text: str) -> str:
    """'ru' for Cyrillic-language text, 'en' otherwise (und falls back on the script)."""
    if language == "und":
        cyr = cyrillic_count(text)
        return "ru" if cyr > len(text) / 4 else "en"
    return bundle_code(language)


@component("parse", requires=("paragraphs", "language"), assigns=("tokens", "sentences", "mentions"))
class Parser:
    """Component: assigns `tokens`, `sentences` and raw `mentions` from the NLP backends."""

    def __init__(self, opts: ModelOptions, max_chars: int = MAX_PARSE_CHARS) -> None:
        self.opts = opts
        self.max_chars = max_chars
        self._en = None
        self._ru = None

    @property
    def en(self):  # noqa: ANN201 - spaCy backend, loaded on first use
        if self._en is None:
            from .backends.spacy_en import SpacyBackend

            self._en = SpacyBackend(self.opts.en, self.opts.batch_size)
        return self._en

    @property
    def ru(self):  # noqa: ANN201 - natasha backend, loaded on first use
        if self._ru is None:
            from .backends.natasha_ru import NatashaBackend

            self._ru = NatashaBackend()
        return self._ru

    def __call__(self, article: Article) -> Article:
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Parse a batch: all English paragraphs of the batch go through one nlp.pipe call."""
        arts = list(articles)
        # One job per piece of a paragraph: (article, paragraph, piece start in the paragraph, text).
        jobs: dict[str, list[tuple[int, int, int, str]]] = {"en": [], "ru": []}
        for ai, art in enumerate(arts):
            art.tokens, art.sentences, art.mentions = [], [], []
            for pi, para in enumerate(art.paragraphs):
                name = backend_for(para.language, para.text)
                cut = dateline_end(para.text)
                if cut:
                    jobs[name].append((ai, pi, 0, para.text[:cut]))
                for s, e in chunk_spans(para.text[cut:], self.max_chars):
                    jobs[name].append((ai, pi, cut + s, para.text[cut + s : cut + e]))
        pieces: dict[tuple[int, int], list[tuple[int, ParsedText]]] = {}
        backend_of: dict[tuple[int, int], str] = {}
        for name, keys in jobs.items():
            if not keys:
                continue
            backend = self.en if name == "en" else self.ru
            results = backend.parse_many([t for _, _, _, t in keys])
            for (ai, pi, s, _), parsed in zip(keys, results, strict=True):
                pieces.setdefault((ai, pi), []).append((s, parsed))
                backend_of[(ai, pi)] = name
        for ai, art in enumerate(arts):
            for pi, para in enumerate(art.paragraphs):
                if (ai, pi) not in pieces:
                    continue  # only whitespace-like text: nothing to parse
                parsed = _joined(pieces[(ai, pi)])
                _make_well_formed(parsed, ROOT_LABELS[backend_of[(ai, pi)]])
                _append(art, para.start, parsed)
        return iter(arts)


def _joined(pieces: list[tuple[int, ParsedText]]) -> ParsedText:
    """One paragraph's parse from the parses of its pieces (offsets and indices shifted)."""
    if len(pieces) == 1 and pieces[0][0] == 0:
        return pieces[0][1]
    out = ParsedText()
    for offset, part in pieces:
        tok_base, sent_base = len(out.tokens), len(out.sentences)
        n_tok, n_sent = len(part.tokens), len(part.sentences)
        out.sentences.extend((offset + s, offset + e) for s, e in part.sentences)
        # A head or sentence index outside its own piece must not land in a neighbour: -1 = none.
        out.tokens.extend(
            ParsedToken(offset + t.start, offset + t.end, t.lemma, t.pos, t.dep,
                        tok_base + t.head if 0 <= t.head < n_tok else -1,
                        sent_base + t.sent if 0 <= t.sent < n_sent else -1)
            for t in part.tokens
        )
        out.ents.extend((offset + s, offset + e, label, normal) for s, e, label, normal in part.ents)
    return out


def _make_well_formed(parsed: ParsedText, root_label: str) -> None:
    """Repair a paragraph's parse in place: every token in a sentence, one tree per sentence."""
    sents, toks = parsed.sentences, parsed.tokens
    starts = [s for s, _ in sents]
    broken = bool(toks) and (not sents or starts != sorted(starts))
    for t in toks:
        if broken:
            break
        if not 0 <= t.sent < len(sents):  # a backend's stray sentence index: use the offsets
            k = bisect_right(starts, t.start) - 1
            broken = k < 0 or t.start >= sents[k][1]
            t.sent = k
    if broken:  # no sentence to put a token in: the paragraph's parse becomes one sentence
        sents[:] = [(min(t.start for t in toks), max(t.end for t in toks))]
        for t in toks:
            t.sent = 0
    tree = make_trees([t.head for t in parsed.tokens], [t.sent for t in parsed.tokens],
                      [t.dep for t in parsed.tokens], root_label)
    for t, head, dep in zip(parsed.tokens, tree.heads, tree.deps):
        t.head, t.dep = head, dep


def _append(article: Article, offset: int, parsed) -> None:  # noqa: ANN001 - ParsedText
    """Shift a paragraph's parse to article offsets and append it to the layers."""
    text = article.text
    tok_base = len(article.tokens)
    sent_base = len(article.sentences)
    for s, e in parsed.sentences:
        article.sentences.append(Sentence(offset + s, offset + e, text[offset + s : offset + e]))
    for t in parsed.tokens:
        s, e = offset + t.start, offset + t.end
        article.tokens.append(
            Token(s, e, text[s:e], t.lemma, t.pos, t.dep, tok_base + t.head, sent_base + t.sent)
        )
    for s, e, label, normal in parsed.ents:
        s, e = offset + s, offset + e
        kind = EN_TYPES.get(label) or RU_TYPES.get(label)
        if kind is None:
            continue
        article.mentions.append(Mention(s, e, text[s:e], kind, normal, label))
