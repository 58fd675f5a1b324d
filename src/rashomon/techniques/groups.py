"""Flag_Waving needs the article's own group: a nation it speaks of as an outside actor is none.

Flag_Waving appeals to the writer's and reader's in-group ("our nation", "real Americans").
The statistical model learnt the names themselves ("America" lies inside a gold Flag_Waving
span in 69 of its 405 English training uses), so an analyst writing about America as a
foreign power ("America ... would show interest in preserving the ruling regimes") got
flag-waving flags. A sentence loses its Flag_Waving evidence when it names a nation, holds
no group word of its own (we/our, nation, people, patriot...), and every nation it names is
outside the article's group. A nation is the article's own when a first-person plural word
stands next to one of its names ("our America", "we Americans", "fellow Americans") or when
it is named at least half as often as the article's most-named nation (the home of a US
article about US politics; a piece about Belarus names America in passing). On the
newest-articles hold-out this took English paragraph micro-F1 0.3685 -> 0.3693 and
Flag_Waving F1 0.496 -> 0.509 (thresholds tuned with it on the older articles; docs/quality_history.md). Word lists are data:
lang/<code>/nation_names.tsv, group_words.txt and ingroup_markers.txt.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from ..lang import bundle_code, load_list, load_table

# Characters between a nation's name and a first-person plural word that still make it "ours".
NEAR_CHARS = 40
# A nation named at least this share as often as the most-named one is the article's home.
HOME_SHARE = 0.5


# Words, and abbreviations with inner dots kept whole ("U.S.", "U.K.").
_TOKEN = re.compile(r"\w+(?:\.\w+)+\.?|\w+")
Token = tuple[int, int, str]


def _word(entry: str) -> tuple[str, bool, bool]:
    """(text, prefix?, cased?) of one entry word: `*` = any ending; a capital = match as written."""
    text = entry.rstrip("*")
    cased = any(c.isupper() for c in text)
    return (text if cased else text.lower()), entry.endswith("*"), cased


def _fits(word: str, matcher: tuple[str, bool, bool]) -> bool:
    text, star, cased = matcher
    w = word if cased else word.lower()
    return w.startswith(text) if star else w == text


class _Phrases:
    """Entries of one or more words (see `_word`) found over tokens, indexed by their first word.

    A cased key holds a capital, so one dict serves both kinds: a token is looked up as
    written (cased entries) and lower-cased (the others).
    """

    def __init__(self, entries: list[tuple[str, int]]) -> None:
        self.exact: dict[str, list[tuple[tuple[tuple[str, bool, bool], ...], int]]] = {}
        self.prefix: dict[str, list[tuple[tuple[tuple[str, bool, bool], ...], int]]] = {}
        for form, value in entries:
            words = tuple(_word(w) for w in form.split())
            text, star, _ = words[0]
            (self.prefix if star else self.exact).setdefault(text, []).append((words[1:], value))
        self.lengths: list[int] = sorted({len(t) for t in self.prefix})
        self.most_words = max((len(f.split()) for f, _ in entries), default=1)
        # Where an entry may start, found over the whole text at C speed before any word is split
        # (no look-behind: a pattern opening with literals lets the regex engine skip ahead).
        firsts = {_word(f.split()[0]) for f, _ in entries}
        every_case = not any(cased for _, _, cased in firsts)
        alts = []
        for text, star, cased in sorted(firsts, key=lambda w: -len(w[0])):
            alt = re.escape(text) + ("" if star else r"(?!\w)")
            alts.append(alt if cased or every_case else "(?i:" + alt + ")")
        self.hint = re.compile("|".join(alts), re.IGNORECASE if every_case else 0) if alts else None

    def _candidates(self, word: str) -> list[tuple[tuple[tuple[str, bool, bool], ...], int]]:
        low = word.lower()
        found = self.exact.get(word, []) + (self.exact.get(low, []) if low != word else [])
        for n in self.lengths:
            if len(word) < n:
                break
            found += self.prefix.get(word[:n], []) + (self.prefix.get(low[:n], []) if low != word else [])
        return found

    def find(self, text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, int]]:
        """(value, start, end) of the longest entry starting at each word of text[lo:hi], in order.

        Candidates come from one regex over the text; only they are split into words.
        """
        hi = len(text) if hi is None else hi
        out = []
        for m in self.hint.finditer(text, lo, hi) if self.hint is not None else ():
            at = m.start()
            before = text[at - 1] if at else " "
            if before.isalnum() or before == "_" or (before == "." and at >= 2 and text[at - 2].isalnum()):
                continue  # inside a word, or inside an abbreviation: the "S" of "U.S."
            toks = []
            for t in _TOKEN.finditer(text, at, hi):
                toks.append((t.start(), t.end(), t.group()))
                if len(toks) >= self.most_words:
                    break
            if not toks or toks[0][0] != at:
                continue
            best: tuple[int, int] | None = None
            for rest, value in self._candidates(toks[0][2]):
                j = 1 + len(rest)
                if j <= len(toks) and all(_fits(toks[1 + k][2], w) for k, w in enumerate(rest)):
                    if best is None or toks[j - 1][1] > best[1]:
                        best = (value, toks[j - 1][1])
            if best is not None:
                out.append((best[0], at, best[1]))
        return out


@lru_cache(maxsize=None)
def _nations(lang: str) -> _Phrases:
    """Every form of lang/<lang>/nation_names.tsv, valued by its line (the nation's number)."""
    return _Phrases([(form, n) for n, row in enumerate(load_table(lang, "nation_names")) for form in row])


@lru_cache(maxsize=None)
def _words(lang: str, name: str) -> _Phrases:
    """The entries of lang/<lang>/<name>.txt (matched in any case: they are lower-cased)."""
    return _Phrases([(w, 0) for w in load_list(lang, name)])


@lru_cache(maxsize=None)
def _reach(lang: str) -> int:
    """How far before a name a first-person plural word may start: NEAR_CHARS plus the longest one."""
    return NEAR_CHARS + max((len(w) for w in load_list(lang, "ingroup_markers")), default=0)


def _own_words(text: str, lang: str, name: str, names: set[int], lo: int, hi: int) -> list[tuple[int, int]]:
    """Matches of a word list in text[lo:hi] that are not a nation's name as written ("US" is no "us")."""
    return [(s, e) for _, s, e in _words(lang, name).find(text, lo, hi) if s not in names]


def outside_nation_sentences(text: str, lang: str, sentences: list[tuple[int, int]]) -> list[bool]:
    """Per sentence: True when its only group reference is a nation the article keeps outside."""
    out = [False] * len(sentences)
    lang = bundle_code(lang)
    if not sentences or not load_table(lang, "nation_names"):
        return out
    mentions = _nations(lang).find(text)
    counts = Counter(n for n, _, _ in mentions)
    if not counts:
        return out
    top = max(counts.values())
    own = {n for n, c in counts.items() if c >= HOME_SHARE * top}
    if own == set(counts):
        return out  # every nation named is the article's own (the common case: one nation)
    starts = {s for _, s, _ in mentions}
    for n, s, e in mentions:
        if n in own:
            continue
        # "our America", "we Americans": a first-person plural word within NEAR_CHARS of the name.
        lo, hi = max(0, s - _reach(lang)), min(len(text), e + NEAR_CHARS + 1)
        markers = _own_words(text, lang, "ingroup_markers", starts, lo, hi)
        if any(a - e <= NEAR_CHARS and s - b <= NEAR_CHARS for a, b in markers):
            own.add(n)
    at = [s for _, s, _ in mentions]  # in text order
    for k, (s, e) in enumerate(sentences):
        named = {mentions[i][0] for i in range(bisect_left(at, s), bisect_left(at, e))}
        if not named or named & own:
            continue
        out[k] = not _own_words(text, lang, "group_words", starts, s, e)
    return out
