"""The rule layer: per-language cue lexicons (data files) matched over words and lemmas.

Each family is a word list `lang/<code>/tech_<family>.txt` mapped to one technique below.
An entry is a phrase of words matched case-insensitively on word boundaries; `word*`
matches any word starting with `word` (inflection: `хунт*` finds хунтой), and a bare `+`
matches any one word (`illegitimate +` finds "illegitimate ruler"). When the parser's
lemmas are available an entry word also matches a token whose lemma equals it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang import load_list
from .features import Tokens, tokenize

# family -> (technique, what the explanation calls a hit, span extent, rule score).
# Extent "phrase" reports the matched words; "sentence" reports the sentence around them,
# for cues that introduce an argument (the annotated spans of those techniques are clauses).
FAMILIES: dict[str, tuple[str, str, str, float]] = {
    "loaded_language": ("Loaded_Language", "loaded term", "phrase", 0.7),
    "name_calling": ("Name_Calling-Labeling", "labelling term", "phrase", 0.7),
    "doubt": ("Doubt", "doubt or distancing marker", "phrase", 0.6),
    "conspiracy": ("Causal_Oversimplification", "conspiracy framing", "sentence", 0.6),
    "fear": ("Appeal_to_Fear-Prejudice", "appeal-to-fear phrasing", "sentence", 0.6),
    "whataboutism": ("Whataboutism", "whataboutism opener", "sentence", 0.6),
    "hypocrisy": ("Appeal_to_Hypocrisy", "hypocrisy charge", "sentence", 0.6),
    "cliches": ("Conversation_Killer", "thought-terminating cliché", "phrase", 0.6),
    "exaggeration": ("Exaggeration-Minimisation", "exaggeration or minimisation marker", "phrase", 0.5),
    "flag_waving": ("Flag_Waving", "flag-waving phrase", "phrase", 0.5),
    "popularity": ("Appeal_to_Popularity", "appeal to popularity", "sentence", 0.6),
    "false_dilemma": ("False_Dilemma-No_Choice", "no-alternative framing", "sentence", 0.6),
    "time": ("Appeal_to_Time", "urgency phrasing", "phrase", 0.6),
    "slogans": ("Slogans", "slogan", "phrase", 0.7),
    "reputation": ("Questioning_the_Reputation", "reputation attack", "phrase", 0.5),
}


_OPEN_QUOTES = frozenset({'"', "«", "“", "„", "'", "‘"})


@dataclass(slots=True)
class RuleHit:
    """A lexicon entry found in the text."""

    family: str
    label: str
    start: int  # the matched words
    end: int
    entry: str
    score: float
    extent: str


@dataclass(slots=True)
class _Entry:
    words: tuple[str, ...]  # normalised; "x*" prefix, "+" any word
    family: str
    raw: str


_MEMO_SIZE = 200_000


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").replace("ё", "е")


_norm_lemma = lru_cache(maxsize=65536)(_norm)  # lemmas repeat across an article and a corpus


class Lexicon:
    """All cue families of one language, indexed by their first word."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.exact: dict[str, list[_Entry]] = {}
        self.prefix: dict[str, list[_Entry]] = {}
        self.prefix_lengths: set[int] = set()
        self._memo: dict[tuple[str, str], list[tuple[_Entry, str | None]]] = {}
        for family in FAMILIES:
            for raw in load_list(lang, f"tech_{family}"):
                words = _entry_words(raw)
                if not words or words[0] == "+":
                    continue
                entry = _Entry(words, family, raw)
                first = words[0]
                if first.endswith("*"):
                    self.prefix.setdefault(first[:-1], []).append(entry)
                    self.prefix_lengths.add(len(first) - 1)
                else:
                    self.exact.setdefault(first, []).append(entry)

    def _candidates(self, word: str, lemma: str) -> list[tuple[_Entry, str | None]]:
        """Entries that may start at a word (by the word, its lemma or a prefix of the word), each
        with the plain word it needs next, if any. Remembered per (word, lemma), since an article
        repeats most of its words; the next word then rules out most entries ("the only", "the
        real", … at every "the") without matching them."""
        key = (word, lemma)
        found = self._memo.get(key)
        if found is None:
            entries = list(self.exact.get(word, ()))
            if lemma != word:
                entries += self.exact.get(lemma, ())
            for n in self.prefix_lengths:
                if len(word) >= n:
                    entries += self.prefix.get(word[:n], ())
            found = [(e, e.words[1] if len(e.words) > 1 and _plain(e.words[1]) else None) for e in entries]
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()  # bounded: a long-running process sees an open vocabulary
            self._memo[key] = found
        return found

    def __len__(self) -> int:
        return sum(map(len, self.exact.values())) + sum(map(len, self.prefix.values()))

    def find(
        self, text: str, lemmas: dict[tuple[int, int], str] | None = None, toks: Tokens | None = None
    ) -> list[RuleHit]:
        """Every entry occurrence; at one position the longest entry of each family wins."""
        toks = toks if toks is not None else tokenize(text)
        words = toks.words  # already lower case with ’ and ё folded: `_norm` would change nothing
        if lemmas:  # offsets as Python ints: the lemma keys are (start, end) tuples
            found = map(lemmas.get, zip(toks.starts.tolist(), toks.ends.tolist()))
            lem = [w if lemma is None else _norm_lemma(lemma) for lemma, w in zip(found, words)]
        else:
            lem = words
        hits: list[RuleHit] = []
        last = len(words) - 1
        for i, w in enumerate(words):
            cands = self._candidates(w, lem[i])
            if not cands:
                continue
            after, after_lemma = (words[i + 1], lem[i + 1]) if i < last else ("", "")
            best: dict[str, tuple[int, _Entry]] = {}
            for entry, second in cands:
                if second is not None and second != after and second != after_lemma:
                    continue
                j = _match(entry.words, words, lem, i)
                if j and j > best.get(entry.family, (0, entry))[0]:
                    best[entry.family] = (j, entry)
            for family, (j, entry) in best.items():
                label, _, extent, score = FAMILIES[family]
                hits.append(RuleHit(family, label, int(toks.starts[i]), int(toks.ends[j - 1]), entry.raw, score, extent))
        return _drop_nested(hits)


def _plain(part: str) -> bool:
    """Whether an entry's word must appear as written (not "+", any word, nor a "prefix*")."""
    return part != "+" and not part.endswith("*")


def _entry_words(raw: str) -> tuple[str, ...]:
    out = []
    for part in raw.split():
        if part == "+" or part.endswith("*"):
            out.append(_norm(part))
        else:
            out += [_norm(w) for w in tokenize(part).words]
    return tuple(out)


def _match(pattern: tuple[str, ...], words: list[str], lem: list[str], i: int) -> int:
    """End token index (exclusive) if pattern matches at i, else 0."""
    j = i
    for p in pattern:
        if j >= len(words):
            return 0
        w = words[j]
        if p == "+":
            while w in _OPEN_QUOTES and j + 1 < len(words):  # так называемые «евроинтеграторы»
                j += 1
                w = words[j]
            if not w[:1].isalnum():
                return 0
        elif p.endswith("*"):
            if not w.startswith(p[:-1]):
                return 0
        elif p != w and p != lem[j]:
            return 0
        j += 1
    return j


def _drop_nested(hits: list[RuleHit]) -> list[RuleHit]:
    """Within a family, drop a hit inside a longer hit of the same family."""
    hits.sort(key=lambda h: (h.family, h.start, -h.end))
    out: list[RuleHit] = []
    for h in hits:
        if out and out[-1].family == h.family and out[-1].start <= h.start and h.end <= out[-1].end:
            continue
        out.append(h)
    return out


@lru_cache(maxsize=8)
def lexicon(lang: str) -> Lexicon:
    """The (cached) lexicon of a language; English for languages without lists."""
    lex = Lexicon(lang)
    return lex if len(lex) or lang == "en" else lexicon("en")
