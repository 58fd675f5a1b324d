"""Russian case readings of a word (pymorphy2's dictionary through natasha): can the token the
parser calls a subject be one, and a speaker phrase in an oblique case put in the nominative."""

from __future__ import annotations

import re
from functools import lru_cache

from ..morph import russian_morph
from ..script import has_cyrillic
from ..syntax import SyntaxView


@lru_cache(maxsize=4096)
def never_nominative(word: str) -> bool:
    """A Cyrillic word the dictionary knows, none of whose readings is nominative («качестве»,
    «Лидера», «экспертов»). Unknown words (names like «Пельш», «УНИАН») never count: the
    dictionary's guesses for them miss cases."""
    if not has_cyrillic(word):
        return False
    return all(p.is_known and p.tag.case not in (None, "nomn") for p in russian_morph().parse(word))


@lru_cache(maxsize=4096)
def _only(word: str, pos: str) -> bool:
    """A Cyrillic word all of whose known readings have part of speech `pos`."""
    if not has_cyrillic(word):
        return False
    parses = [p for p in russian_morph().parse(word.lower()) if p.is_known]
    return bool(parses) and all(p.tag.POS == pos for p in parses)


def noun_only(word: str) -> bool:
    """A Cyrillic word whose only known readings are nouns («прикидкам», which the parser may call
    an adjective); «данным» (also «данный») is not."""
    return _only(word, "NOUN")


def infinitive(word: str) -> bool:
    """A Cyrillic word whose only known readings are infinitives («померзнуть», which the parser
    may call a noun); «власть» or «часть» is no infinitive."""
    return _only(word, "INFN")


def gerund(word: str) -> bool:
    """A Cyrillic word whose only known readings are gerunds («отметив», «предполагая»)."""
    return _only(word, "GRND")


@lru_cache(maxsize=4096)
def third_person(word: str) -> bool:
    """A Cyrillic finite verb with a known third-person or past reading («отмечает», «сообщила»),
    not only first or second person («советую», «скажешь»)."""
    if not has_cyrillic(word):
        return False
    return any(p.is_known and p.tag.POS == "VERB" and (p.tag.person == "3per" or p.tag.tense == "past")
               for p in russian_morph().parse(word.lower()))


@lru_cache(maxsize=4096)
def _past_forms(word: str) -> frozenset[tuple[str | None, str | None]]:
    """(gender, number) of a Cyrillic word's known past-tense verb readings («похвалил»: masculine singular)."""
    return frozenset((_plain(p.tag.gender), _plain(p.tag.number)) for p in russian_morph().parse(word.lower())
                     if p.is_known and p.tag.POS == "VERB" and p.tag.tense == "past")


@lru_cache(maxsize=4096)
def _noun_forms(word: str) -> frozenset[tuple[str | None, str | None]]:
    """(gender, number) of a Cyrillic word's known nominative noun readings."""
    return frozenset((_plain(p.tag.gender), _plain(p.tag.number)) for p in russian_morph().parse(word.lower())
                     if p.is_known and p.tag.POS == "NOUN" and p.tag.case == "nomn")


def _plain(grammeme: object) -> str | None:
    """A grammeme as a plain string (pymorphy2's own compare only with their attribute's values)."""
    return None if grammeme is None else str(grammeme)


def past_disagrees(verb: str, noun: str) -> bool:
    """Whether a Russian past-tense verb cannot have this noun as its subject: every reading of
    each disagrees in gender (singular) or number («похвалил» / «экономика»). Unknown words never
    disagree."""
    if not (has_cyrillic(verb) and has_cyrillic(noun)):
        return False
    verbs, nouns = _past_forms(verb), _noun_forms(noun)
    if not verbs or not nouns:
        return False
    def agree(v: tuple[str | None, str | None], n: tuple[str | None, str | None]) -> bool:
        if v[1] == "plur" or n[1] == "plur":
            return v[1] == n[1]
        return v[0] == n[0] or n[0] in (None, "ms-f")
    return not any(agree(v, n) for v in verbs for n in nouns)


_NEVER_SUBJECT = {"ADV", "ADP", "CCONJ", "SCONJ", "PART", "INTJ", "PUNCT", "SYM"}


def nominal_subject(view: SyntaxView, subj: int) -> bool:
    """Whether the parser's subject of a Russian finite verb can be one: not an adverb or a
    particle («устами»), not a known common noun, pronoun or adjective without a nominative
    reading (names are left to the parser), and not `misparsed_subject`. Other languages'
    subjects are not judged."""
    tok = view.tokens[subj]
    if not has_cyrillic(tok.text):
        return True
    if tok.pos in _NEVER_SUBJECT or misparsed_subject(view, subj):
        return False
    return tok.pos not in ("NOUN", "PRON", "ADJ", "DET") or not never_nominative(tok.text)


def misparsed_subject(view: SyntaxView, subj: int) -> bool:
    """A Russian subject no reading allows: a list's letter («А - послало ноту, В - объявило
    санкции»), a short abbreviation («Т.е. … призывает»), a plural noun under a singular verb
    («без тени шутки заявил»)."""
    toks = view.tokens
    tok = toks[subj]
    if not has_cyrillic(tok.text):
        return False
    if _ABBREVIATION.match(tok.text):
        return True
    after = [t.text for t in toks[subj + 1 : subj + 3]]
    if len(tok.text) == 1 and tok.text.isupper() and after and after[0] in ("-", "–", "—", ")"):
        return True  # «Я» or an initial («Р. Бизяев») is no list letter
    if len(tok.text) == 1 and after[:1] == ["."] and len(after) == 2 and len(after[1]) == 1 and after[1].islower():
        return True  # «Т.е.» in three tokens
    verb = toks[tok.head]
    return tok.dep.startswith("nsubj") and tok.head != subj and plural_only(tok.text) and singular_verb(verb.text)


# «Т.е», «т.к», «т.н»: initials are upper case throughout («В.В») and stay with the parser.
_ABBREVIATION = re.compile(r"^[А-ЯЁа-яё]\.[а-яё]\.?$")


@lru_cache(maxsize=4096)
def plural_only(word: str) -> bool:
    """A known Russian noun whose every nominative reading is plural («шутки»; not «СМИ» or
    «власти», whose dictionary entries the parser's verb may agree with either way)."""
    parses = [p for p in russian_morph().parse(word.lower()) if p.is_known and p.tag.case == "nomn"]
    return bool(parses) and all(p.tag.POS == "NOUN" and p.tag.number == "plur" and "Pltm" not in p.tag
                                and "Fixd" not in p.tag for p in parses)


@lru_cache(maxsize=4096)
def singular_verb(word: str) -> bool:
    """A Russian finite verb all of whose known readings are singular («заявил», «сообщает»)."""
    parses = [p for p in russian_morph().parse(word.lower()) if p.is_known]
    return bool(parses) and all(p.tag.POS == "VERB" and p.tag.number == "sing" for p in parses)


@lru_cache(maxsize=4096)
def past_singular(word: str) -> bool:
    """A Russian verb all of whose known readings are singular past indicative («заявил», «отметила»):
    a finite form whose subject Russian narration may leave out («Затем заявил, что …»)."""
    parses = [p for p in russian_morph().parse(word.lower()) if p.is_known]
    return bool(parses) and all(p.tag.POS == "VERB" and p.tag.tense == "past" and p.tag.number == "sing"
                                and p.tag.mood == "indc" for p in parses)


_UD = {"sing": "Sing", "plur": "Plur", "masc": "Masc", "femn": "Fem", "neut": "Neut"}
_OBLIQUE = frozenset({"gent", "datv", "ablt", "loct", "gen2", "loc2"})


def _oblique(word: str, pos: tuple[str, ...], case: str | None = None):  # noqa: ANN202 - a natasha MorphForm
    """The word's known reading of part of speech `pos` in an oblique case (`case` if given)."""
    for p in russian_morph().parse(word):
        if p.is_known and p.tag.POS in pos and (p.tag.case == case if case else p.tag.case in _OBLIQUE):
            return p
    return None


def _like(written: str, word: str) -> str:
    """`word` with the first letter's case of `written`."""
    return word[:1].upper() + word[1:] if written[:1].isupper() else word


def nominative_phrase(view: SyntaxView, span: tuple[int, int], *, oblique: bool = False) -> str | None:
    """A Russian speaker phrase in the nominative: its head noun and the words agreeing with it
    before it («по словам военного эксперта» → «военный эксперт», «большинства экспертов» →
    «большинство экспертов»). None when the phrase is not Russian, its head is no known noun or
    may already be nominative (unless `oblique`: a marker such as «по словам» governs it), or a
    word will not inflect."""
    text = view.article.text
    idx = view.tokens_in(*span)
    if not idx or not has_cyrillic(text[span[0] : span[1]]):
        return None
    toks = view.tokens
    inside = set(idx)
    heads = [i for i in idx if toks[i].head == i or toks[i].head not in inside]
    if len(heads) != 1:
        return None
    h = heads[0]
    if toks[h].pos != "NOUN":
        return _nominative_word_phrase(view, span, h, oblique)
    if any(toks[i].pos == "NUM" and toks[i].lemma.lower() not in ("многий", "немногий") for i in idx if i < h):
        return None  # «два источника», «нескольких экспертов»: a numeral governs the noun's case («многих» agrees)
    # «украинской разведки»: the noun may read as a plural nominative, its adjective may not.
    agreeing = [c for c in view.kids(h, "amod") if c in inside and c < h]
    if not (oblique or never_nominative(toks[h].text) or any(never_nominative(toks[c].text) for c in agreeing)):
        return None
    if any(toks[i].pos == "ADP" for i in idx if i < h):
        return None  # «на сайте министерства», «из отчёта»: a place or document, kept as written
    head = _oblique(toks[h].text, ("NOUN",))
    if head is None:
        return None
    number, gender = head.tag.number, head.tag.gender
    grams = {"Nom"} | ({_UD[number]} if number in _UD else set())
    out: dict[int, str] = {}
    for i in [c for c in view.kids(h, "amod", "det") if c in inside and c < h] + [h]:
        form = head if i == h else _oblique(toks[i].text, ("ADJF", "PRTF"), head.tag.case)
        want = grams | ({_UD[gender]} if i != h and number == "sing" and gender in _UD else set())
        new = form.inflect(want) if form is not None else None
        if new is None:
            return None
        out[i] = _like(toks[i].text, new.word)
    pieces, pos = [], span[0]
    for i in sorted(out):
        pieces += [text[pos : toks[i].start], out[i]]
        pos = toks[i].end
    return "".join(pieces) + text[pos : span[1]]


def _nominative_word_phrase(view: SyntaxView, span: tuple[int, int], h: int, oblique: bool) -> str | None:
    """A speaker phrase headed by a numeral «один» («одного из чиновников» → «один из
    чиновников») or a participle standing for people («опрошенных» → «опрошенные», «подписавших
    заявление» → «подписавшие заявление»): that word in the nominative, the rest as written."""
    toks, text = view.tokens, view.article.text
    word = toks[h].text
    if not (oblique or never_nominative(word)):
        return None
    if toks[h].lemma.lower() == "один":
        # «одного из чиновников», «одной из участниц»: the gender of the noun after «из».
        of = [k for k in view.kids(h, "nmod") if any(toks[c].text.lower() == "из" for c in view.kids(k, "case"))]
        if not of:
            return None  # «одного» alone names nobody
        genders = {p.tag.gender for p in russian_morph().parse(toks[of[0]].lemma) if p.is_known and p.tag.POS == "NOUN"}
        gender = genders.pop() if len(genders) == 1 else "masc"
        form = _oblique(word, ("NUMR", "ADJF"))
        want = {"Nom", "Sing", _UD.get(gender, "Masc")}
    else:
        form = _oblique(word, ("PRTF",))
        if form is None or form.tag.number != "plur":
            return None  # a participle stands for people in the plural («опрошенных»), not «подписавшего»
        want = {"Nom", "Plur"}
    new = form.inflect(want) if form is not None else None
    if new is None:
        return None
    return text[span[0] : toks[h].start] + _like(word, new.word) + text[toks[h].end : span[1]]


@lru_cache(maxsize=4096)
def inanimate_noun(word: str) -> bool:
    """A Cyrillic word the dictionary knows only as an inanimate noun («демонстрация», «факт»);
    unknown words and any animate reading («источник» is not one: it is inanimate, so callers
    keep their own lists of nouns that speak) count as not."""
    if not has_cyrillic(word):
        return False
    parses = [p for p in russian_morph().parse(word.lower()) if p.is_known and p.tag.POS == "NOUN"]
    return bool(parses) and all("inan" in p.tag for p in parses)


@lru_cache(maxsize=4096)
def passive_short(word: str) -> bool:
    """A Cyrillic short passive participle («заявлено», «отмечено», «сказана»)."""
    return has_cyrillic(word) and any(p.is_known and p.tag.POS == "PRTS" and "pssv" in p.tag
                                      for p in russian_morph().parse(word.lower()))


@lru_cache(maxsize=4096)
def in_case(word: str, case: str) -> bool:
    """A Cyrillic word with a known reading in `case` ('accs': and none in the locative, so «на
    рост», «на проблемы» but not «на совещании»; 'loct': «на повышении»)."""
    parses = [p for p in russian_morph().parse(word.lower()) if p.is_known] if has_cyrillic(word) else []
    if case == "accs" and any(p.tag.case in ("loct", "loc2") for p in parses):
        return False
    return any(p.tag.case == case or (case == "loct" and p.tag.case == "loc2") for p in parses)


@lru_cache(maxsize=4096)
def instrumental(word: str, pos: tuple[str, ...] = ("NOUN",)) -> bool:
    """A Cyrillic noun (or another part of speech in `pos`) with a known reading in the
    instrumental case («представителем», «опасными» with ADJF) and, for a word other than a
    noun, none in the genitive («последующей» is more often genitive)."""
    parses = [p for p in russian_morph().parse(word.lower()) if p.is_known and p.tag.POS in pos] \
        if has_cyrillic(word) else []
    return any(p.tag.case == "ablt" for p in parses) \
        and (pos == ("NOUN",) or not any(p.tag.case == "gent" and p.tag.POS != "NOUN" for p in parses))


@lru_cache(maxsize=4096)
def surname_like(word: str) -> bool:
    """A capitalised Russian word the dictionary reads as a person's name in the nominative and
    never as a place («Клишас», «Хабек»): a title's label is then its speaker even where the
    recogniser missed it and nothing names it again (a headline given alone)."""
    bare = word.strip(".,;'’\"")
    if len(bare) < 3 or not bare[:1].isupper() or bare.isupper() or not has_cyrillic(bare):
        return False
    parses = russian_morph().parse(bare.lower())
    if any(p.is_known and ("Geox" in p.tag or ("NOUN" in p.tag and "nomn" in p.tag and "sing" in p.tag
                                               and not {"Surn", "Name", "Patr"} & p.tag.grammemes))
           for p in parses):
        return False  # a place, or a common noun first («Мороз: …», «Итоги: …»)
    top = parses[0]
    if top.is_known:
        if "Surn" in top.tag or "Name" in top.tag:
            # «Матвиенко» does not decline: its first reading may be any case, the nominative among the rest.
            return any(p.is_known and "nomn" in p.tag and {"Surn", "Name"} & p.tag.grammemes for p in parses)
        # «Песков» reads first as a plural genitive (of «песок»); a label before a colon is a
        # nominative, so a surname's nominative behind an oblique common noun is the reading.
        # «Полянский» reads first as an adjective; only a -ский/-цкий one is a surname's shape.
        oblique = "nomn" not in top.tag or ("ADJF" in top.tag and bare.lower().endswith(("ский", "цкий")))
        return oblique and any(p.is_known and {"Surn", "sing", "nomn"} <= p.tag.grammemes for p in parses)
    # An unknown word: the guesser's readings, one of them an animate singular name.
    return any(("Surn" in p.tag or "Name" in p.tag) and {"nomn", "sing", "anim"} <= p.tag.grammemes for p in parses)
