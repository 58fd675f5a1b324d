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
Flag_Waving F1 0.496 -> 0.509 (thresholds tuned with it on the older articles; README Quality). Word lists are data:
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
        # Only capitalised entries (English names): a word in lower case cannot start one.
        self.capitals_only = all(_word(f.split()[0])[2] for f, _ in entries)

    def _candidates(self, word: str) -> list[tuple[tuple[tuple[str, bool, bool], ...], int]]:
        low = word.lower()
        found = self.exact.get(word, []) + (self.exact.get(low, []) if low != word else [])
        for n in self.lengths:
            if len(word) < n:
                break
            found += self.prefix.get(word[:n], []) + (self.prefix.get(low[:n], []) if low != word else [])
        return found

    def find(self, toks: list[Token], only: range | None = None) -> list[tuple[int, int, int]]:
        """(value, start, end) of the longest entry starting at each token (of `only`, default all)."""
        out = []
        for i in only if only is not None else range(len(toks)):
            start, _, word = toks[i]
            if self.capitals_only and not word[0].isupper():
                continue
            best: tuple[int, int] | None = None
            for rest, value in self._candidates(word):
                j = i + 1 + len(rest)
                if j <= len(toks) and all(_fits(toks[i + 1 + k][2], m) for k, m in enumerate(rest)):
                    if best is None or toks[j - 1][1] > best[1]:
                        best = (value, toks[j - 1][1])
            if best is not None:
                out.append((best[0], start, best[1]))
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


def _own_words(
    toks: list[Token], lang: str, name: str, names: set[int], only: range | None = None
) -> list[tuple[int, int]]:
    """Matches of a word list that are not a nation's name as written ("US" is no "us")."""
    return [(s, e) for _, s, e in _words(lang, name).find(toks, only) if s not in names]


def outside_nation_sentences(text: str, lang: str, sentences: list[tuple[int, int]]) -> list[bool]:
    """Per sentence: True when its only group reference is a nation the article keeps outside."""
    out = [False] * len(sentences)
    lang = bundle_code(lang)
    if not sentences or not load_table(lang, "nation_names"):
        return out
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    mentions = _nations(lang).find(toks)
    counts = Counter(n for n, _, _ in mentions)
    if not counts:
        return out
    top = max(counts.values())
    own = {n for n, c in counts.items() if c >= HOME_SHARE * top}
    if own == set(counts):
        return out  # every nation named is the article's own (the common case: one nation)
    starts = {s for _, s, _ in mentions}
    tok_starts = [t[0] for t in toks]
    for n, s, e in mentions:
        if n in own:
            continue
        # "our America", "we Americans": a first-person plural word within NEAR_CHARS of the name.
        near = range(bisect_left(tok_starts, s - _reach(lang)), bisect_left(tok_starts, e + NEAR_CHARS + 1))
        markers = _own_words(toks, lang, "ingroup_markers", starts, near)
        if any(a - e <= NEAR_CHARS and s - b <= NEAR_CHARS for a, b in markers):
            own.add(n)
    at = [s for _, s, _ in mentions]  # sorted: find() walks the tokens in order
    for k, (s, e) in enumerate(sentences):
        named = {mentions[i][0] for i in range(bisect_left(at, s), bisect_left(at, e))}
        if not named or named & own:
            continue
        inside = range(bisect_left(tok_starts, s), bisect_left(tok_starts, e))
        out[k] = not _own_words(toks, lang, "group_words", starts, inside)
    return out
