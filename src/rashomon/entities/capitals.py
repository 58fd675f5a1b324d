"""Mentions written in the wrong case for a name. Shouted text, a headline or paragraph set all
in capitals ("АРНО ХИДИРБЕГИШВИЛИ: КОГДА …", "ОТ РЕДАКТОРА"), makes the recogniser tag common
words ("ПЕРЕД", "СТРАНА", "ЧТО") as names. There a mention stays only if the article writes the
same name in ordinary case elsewhere, or it reads as a name or an abbreviation (НАТО, ОДКБ, FBI).
And a mention with no capital at all in a line that uses capitals is no name ("state", "n’t"). In
an English title-case line ("Shot Officers Were Ambushed, Says Sheriff") words the article writes
in lower case elsewhere are not part of a name ("Abuser Keith Ellison" is Keith Ellison)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang import load_list, load_words
from ..model import Mention
from ..morph import russian_morph
from ..script import has_cyrillic
from .corrections import first_names

_SHOUTED_SHARE = 0.8  # of a line's letters in capitals
_SHOUTED_LETTERS = 6  # a line needs this many letters to count
_WORD = re.compile(r"[^\W\d_]+")
# pymorphy2 tags that mark a name or an abbreviation; a Russian word known without any of them is
# an ordinary word («перед», «страна»), a part of speech below a function word.
_NAME_TAGS = ("Abbr", "Name", "Surn", "Patr", "Geox", "Orgn", "Trad")
_FUNCTION_POS = {"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "INTJ", "PRED", "VERB", "INFN", "GRND", "PRTF", "PRTS"}


def _shouted_line(text: str, pos: int, seen: dict[int, bool]) -> bool:
    """Whether the line holding `pos` is set in capitals (each line judged once: a long shouted
    line with many mentions stays linear)."""
    start = text.rfind("\n", 0, pos) + 1
    if start not in seen:
        end = text.find("\n", pos)
        letters = [ch for ch in text[start : len(text) if end < 0 else end] if ch.isalpha()]
        seen[start] = len(letters) >= _SHOUTED_LETTERS and sum(ch.isupper() for ch in letters) >= _SHOUTED_SHARE * len(letters)
    return seen[start]


@lru_cache(maxsize=4096)
def _russian_reading(word: str) -> str:
    """'name' (a name, abbreviation or unknown word), 'function' or 'word' for a Cyrillic word."""
    parses = [p for p in russian_morph().parse(word.lower()) if p.is_known]
    if not parses or any(any(t in p.tag for t in _NAME_TAGS) for p in parses):
        return "name"
    return "function" if parses[0].tag.POS in _FUNCTION_POS else "word"


def _reading(word: str) -> str:
    """'name', 'function' or 'word'. English has no dictionary here: a capitalised word may be any
    name, so only its function words ("THE", "AND") read as anything else."""
    if has_cyrillic(word):
        return _russian_reading(word)
    return "function" if word.lower() in load_words("function_words") else "name"


def drop_uncased(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, less those written without a capital in a line that uses capitals: a name
    is capitalised, so "state", "n’t", "https" or "lesson" tagged as names are the recogniser's
    slips (432 in 1,286 English news articles; the few real bodies among them, "health
    ministry", "state department", then speak as the phrase written). A line written all in
    lower case (a pasted post) keeps them: there case says nothing."""
    out = []
    cased: dict[int, bool] = {}  # line start -> whether the line uses capitals (each line read once)
    for m in mentions:
        if any(ch.isupper() for ch in m.text) or not any(ch.isalpha() for ch in m.text):
            out.append(m)
            continue
        start = text.rfind("\n", 0, m.start) + 1
        if start not in cased:
            end = text.find("\n", m.end)
            cased[start] = any(ch.isupper() for ch in text[start : len(text) if end < 0 else end])
        if not cased[start]:
            out.append(m)
    return out


def drop_shouted(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, less those in shouted lines that are ordinary words (see the module doc)."""
    written = {k for m in mentions if not m.text.isupper() for k in (m.text.casefold(), m.normal.casefold())}
    seen: dict[int, bool] = {}
    out = []
    for m in mentions:
        if not m.text.isupper() or m.text.casefold() in written or m.normal.casefold() in written \
                or not _shouted_line(text, m.start, seen):
            out.append(m)
            continue
        words = _WORD.findall(m.text)
        if ":" in m.text or not words:
            continue  # a whole headline taken for one name
        if len(words) == 1 and _reading(words[0]) != "name":
            continue  # «ПЕРЕД», «СТРАНА», «ЧТО»
        if len(words) > 1 and any(_reading(w) == "function" for w in words):
            continue  # «ОТ РЕДАКТОРА», «КОГДА ПОТОМКОВ ГРУЗИН»
        out.append(m)
    return out


_TITLE_SHARE = 0.75  # of a line's longer words capitalised
_TITLE_WORDS = 4  # a title-case line needs this many longer words
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _title_case_line(text: str, pos: int, seen: dict[int, bool]) -> bool:
    """Whether the line holding `pos` is an English title-case line, each line judged once."""
    start = text.rfind("\n", 0, pos) + 1
    if start not in seen:
        end = text.find("\n", pos)
        words = [w for w in _LATIN_WORD.findall(text[start : len(text) if end < 0 else end]) if len(w) >= 4]
        seen[start] = len(words) >= _TITLE_WORDS and sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words)
    return seen[start]


def trim_title_case(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with words a title-case line capitalised but the article writes in lower case
    elsewhere trimmed off a name's edges ("Abuser Keith Ellison" → "Keith Ellison", "Stacey Abrams
    Ends Challenges" → "Stacey Abrams", when the article names the rest so elsewhere); a person
    left with nothing is dropped ("Shot Officers", "Sore Loser"), a body kept ("Supreme Court")."""
    seen: dict[int, bool] = {}
    lowered: set[str] | None = None
    out = []
    for m in mentions:
        if m.type not in ("PERSON", "ORG") or has_cyrillic(m.text) or " " not in m.text.strip() \
                or not _title_case_line(text, m.start, seen):
            out.append(m)
            continue
        if lowered is None:
            lowered = {w for w in _LATIN_WORD.findall(text) if w.islower()}
        words = list(_LATIN_WORD.finditer(m.text))
        lo, hi = 0, len(words)
        while lo < hi and words[lo].group().lower() in lowered:
            lo += 1
        while hi > lo and m.type == "PERSON" and words[hi - 1].group().lower() in lowered:
            hi -= 1  # a body's name ends in common words ("Fox News", "European Union")
        if (lo, hi) == (0, len(words)):
            out.append(m)
            continue
        if lo == hi:
            if m.type == "ORG":
                out.append(m)  # "Supreme Court", "Justice Department": a body's name is common words
            continue
        start, end = m.start + words[lo].start(), m.start + words[hi - 1].end()
        rest = text[start:end]
        if any(o is not m and o.text == rest and o.type == m.type for o in mentions):
            out.append(Mention(start, end, rest, m.type, rest, m.label))
        else:
            out.append(m)  # "Archbishop Bernard Hebda": only a rest the article names so is trimmed to
    return out



# Parts of speech of a word the recogniser took into a person's name only because a sentence
# opened with it: «Вон Безос», «Оскандалившаяся Трасс», «Да. Меркель». Adjectives are left: they
# make nicknames («Новый Черчилль», «Большой Минь»).
_LEAD_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "INTJ", "PRED", "GRND", "PRTF"})


def _common_lead(word: str) -> str | None:
    """The lemma of a capitalised Russian word that is an ordinary word the dictionary knows, never
    a name: a function word, adverb or participle, or a noun for a person («Президенту»,
    «Политолог», «Папа»); None for any other word."""
    parses = russian_morph().parse(word.lower())
    if not parses or not all(p.is_known for p in parses):
        return None  # the guesser's readings: an unknown word may well be a name
    if any(tag in str(p.tag) for p in parses for tag in _NAME_TAGS):
        return None
    first = parses[0].tag
    common = first.POS in _LEAD_POS or (first.POS == "NOUN" and first.animacy == "anim")
    return parses[0].normal_form if common else None


def trim_common_lead(text: str, mentions: list[Mention]) -> list[Mention]:
    """Russian person mentions with a leading capitalised common word cut off it: «Президенту
    Зеленскому» is Зеленский, «Вон Безос» is Безос; the rest must hold a capitalised word."""
    # A title the article also uses alone as a name («Папа» beside «Папа Франциск») stays in it.
    alone = {m.normal.lower() for m in mentions if m.type == "PERSON" and len(m.text.split()) == 1}
    particles = frozenset(load_list("ru", "name_particles"))
    given = first_names()
    for m in mentions:
        if m.type != "PERSON" or not has_cyrillic(m.text):
            continue
        words = list(re.finditer(r"\S+", m.text))
        if len(words) < 2:
            continue
        lead = words[0].group()
        word = lead.rstrip(".,:")
        # A whole word of letters: not an initial («А.Щетинин»), not half of «Шри-Ланка».
        if len(word) < 2 or not _WORD.fullmatch(word) or not word[0].isupper() or word in given:
            continue
        if word.lower() in particles and lead == word:
            continue  # «Фон Хольцбринк», «Да Винчи»; but «Да. Меркель» is a reply and a name
        lemma = _common_lead(word)
        if lemma is None or lemma in alone:
            continue
        if not any(w.group()[:1].isupper() for w in words[1:]):
            continue
        cut = words[1].start()
        normal_words = m.normal.split()
        m.start += cut
        m.text = text[m.start : m.end]
        m.normal = " ".join(normal_words[1:]) if len(normal_words) == len(words) else m.text
    return mentions
