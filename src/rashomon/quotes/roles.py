"""The one decision on what a quoted phrase is when nobody is said to have said it.

Used by the quotes component to fill `article.quoted`; the techniques layer labels the
`scare` ones Scare_Quotes and reuses the reason as its explanation.
"""

from __future__ import annotations

import re

from ..script import has_cyrillic
from .lexicon import QuoteLexicon

# A quotation this long, or holding a sentence end, is somebody's words even with no cue.
LONG_WORDS = 7
_SENTENCE_END = re.compile(r"[.!?…]\s+\S|[.!?…]$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_DISTANCING = re.compile(r"(so-called|so called|self-styled|alleged|так называем\w*|якобы|пресловут\w*)\s*$",
                         re.IGNORECASE)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_long_quotation(inner: str) -> bool:
    """Long enough, or sentence-like enough, to be someone's words rather than a phrase."""
    # Stop counting at LONG_WORDS: nested quotations would otherwise re-read the whole text
    # once per level (10,000 nested marks: quadratic).
    for count, _ in enumerate(_WORD.finditer(inner), 1):
        if count >= LONG_WORDS:
            return True
    return bool(_SENTENCE_END.search(inner.strip()))


_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
                                "from", "as"})


def speech_without_cue(inner: str) -> bool:
    """Whether a quotation no cue introduces may still be someone's words: not a title in title
    case with American punctuation (“The Nightly Show with Larry Wilmore.”, “Silent Night.”). A
    quoted fragment is kept: it is usually someone's words whose cue the rules missed."""
    words = _words(inner)
    if len(words) >= LONG_WORDS or inner.rstrip().rstrip("'’\"”»").endswith(("!", "?")):
        return True
    # Title case: every word but the small ones capitalised ("with", "of" may not be).
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return not (len(content) >= 2 and all(w[0].isupper() for w in content))


def _neighbour_words(text: str, start: int, end: int) -> tuple[str, str]:
    """The word right before the opening mark and the word right after the closing mark."""
    before = _words(text[max(0, start - 40) : start])
    after = _words(text[end : end + 40])
    return (before[-1].lower() if before else ""), (after[0].lower() if after else "")


def _title_case(inner: str) -> bool:
    """Three or more words, every longer word capitalised: "Saturday Night Live"."""
    words = [w for w in _words(inner) if len(w) > 3]
    return len(_words(inner)) >= 3 and len(words) >= 2 and all(w[0].isupper() for w in words)


# English: a short capitalised quotation after "on" or after a name's possessive names a show, a
# book or a slogan ("on NBC's ''Meet the Press''", "Trump's “Make America Great Again”").
_PROGRAMME_LEAD = re.compile(r"(?:(?<!\w)on|(?<![\w.])[A-Z][\w.&-]*(?:['’]s|s['’]))[ \t]*\Z")


def names_a_thing(text: str, start: int, inner: str, lex: QuoteLexicon) -> bool:
    """A quotation opening at `start` right after a noun for a work, medium or thing is its name,
    not speech: «интернет-издание «Украина.ру», прямо заявил …», "Телеканалы: «112 Украина»", "the
    reality TV show "The Apprentice," said". Russian nouns match inflected and in compounds
    («телеканала» holds «канал»); others as written."""
    first = inner.lstrip()[:1]
    if not (first.isupper() or first.isdigit()):
        return False  # a name or title is capitalised: 'the group "must be destroyed."' is speech
    words = list(_WORD.finditer(text, max(0, start - 40), start))
    # Right before the mark: "book. “Here,” he said" is speech after a sentence about a book.
    if not words or text[words[-1].end() : start].strip(" \t:,") != "":
        return False
    word = words[-1].group().lower()
    if ":" in text[words[-1].end() : start] and not has_cyrillic(word):
        return False  # "declares with a screaming headline: “Pope Francis Must Resign.”" says it
    nouns = lex.title_nouns | lex.name_nouns
    if word in nouns or word.rsplit("-", 1)[-1] in nouns:
        return True
    if _PROGRAMME_LEAD.search(text, max(0, start - 40), start):
        return True  # "said on NBC's ''Meet the Press.''", "told CNN’s “State of the Union”", "on “This Week.”"
    if not has_cyrillic(word):
        return False
    for noun in nouns:
        stem = noun[:-1] if len(noun) > 4 else noun  # «газет-а», «канал-а»; «план» stays whole
        if has_cyrillic(noun) and (word.startswith(stem) or (len(stem) >= 4 and stem in word)):
            return True
    return False


# ', by Jane Roe, CBS News, October 27, 2017': the byline after a cited article's title.
_BYLINE = re.compile(r"[ \t]*,?[ \t]+by[ \t]+[A-Z][^\n,]{0,60},")


def cited_title(text: str, start: int, end: int) -> bool:
    """A quotation opening a line and followed by a byline ("“Iran Admits …,” by Adam Kredo,
    Washington Free Beacon, June 8, 2018:") is the title of an article cited, not speech."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _BYLINE.match(text, end) is not None


_THAT_AFTER = re.compile(r"[ \t]*,[ \t]*(?:что|чтобы)\s")


def addressed_name(text: str, end: int, inner: str) -> bool:
    """A short quotation a «что» clause follows («напомнил «360», что …», «заявил «Известиям»,
    что …») is the medium addressed, not the words said."""
    return len(inner.split()) < LONG_WORDS and _THAT_AFTER.match(text, end) is not None


def classify_unattributed(text: str, start: int, end: int, inner_start: int, inner_end: int,
                          lex: QuoteLexicon) -> tuple[str, str]:
    """(role, reason) for a quoted phrase with no speech cue and no speaker."""
    inner = text[inner_start:inner_end]
    before, after = _neighbour_words(text, start, end)
    prefix = text[max(0, start - 30) : start]
    if _DISTANCING.search(prefix):
        return "scare", f"quoted phrase after a distancing word ({_DISTANCING.search(prefix).group(1)})"
    if cited_title(text, start, end):
        return "title", "title of an article cited (a byline follows)"
    if is_long_quotation(inner):
        return "quote", "long quotation with no speech cue nearby"
    if any(prefix.lower().rstrip().endswith(m) for m in lex.term_markers):
        return "term", f"a word mentioned as a word (after '{before}')"
    if before in lex.title_nouns or after in lex.title_nouns:
        return "title", f"title of a work or programme (next to '{before if before in lex.title_nouns else after}')"
    if before in lex.name_nouns or after in lex.name_nouns:
        return "name", f"name of a thing (next to '{before if before in lex.name_nouns else after}')"
    if _title_case(inner):
        return "title", "capitalised like a title"
    return "scare", "quoted phrase with no speech cue and no speaker"
