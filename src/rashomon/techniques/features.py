"""Lexical features for the statistical layer: own tokenizer, vocabularies and id arrays.

The model tokenizes the raw text itself (a regex, C speed) rather than reading the parser's
tokens, so training on corpora and inference in the pipeline see identical features.
Features are positional: the lowercased word, its 5-letter prefix (a cheap stand-in for
Russian lemmas) and its 3-letter suffix (a cheap stand-in for part of speech: -ous, -ive,
-ный) at window offsets, and word bigrams. Scoring a token is then a handful of
numpy gathers, which keeps the component far below the parser's cost. Dense word vectors,
the one non-lexical input, live in `wordvec`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Iterable

import numpy as np

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
# Digits fold to 0; curly apostrophe and ё fold so spelling variants share a feature.
_DIGITS = str.maketrans("123456789’ё", "000000000'е")
# Sentence ends: terminal punctuation, optional closing quotes/brackets, then space and
# an upper-case letter, a digit or an opening quote/dash.
_SENT_END = re.compile(r"(?<=[.!?…])[\"'»”’)\]]*\s+(?=[\"'«“„(\[—–-]?[A-ZА-ЯЁ0-9])")
_LINE = re.compile(r"[^\r\n]+")

WORD_OFFSETS: tuple[int, ...] = (-2, -1, 0, 1, 2)
PREFIX_OFFSETS: tuple[int, ...] = (-1, 0, 1)
# A bigram at offset o covers words (i+o, i+o+1): -1 is (prev, this), 0 is (this, next).
BIGRAM_OFFSETS: tuple[int, ...] = (-1, 0)
PREFIX_LEN = 5
SUFFIX_OFFSETS: tuple[int, ...] = (-1, 0, 1)
SUFFIX_LEN = 3
# Word vectors (see wordvec) of the word and its neighbours.
VEC_OFFSETS: tuple[int, ...] = (-1, 0, 1)
LANGS: tuple[str, ...] = ("en", "ru")


@dataclass(slots=True)
class Tokens:
    """Normalised word tokens of a text with character offsets."""

    starts: np.ndarray
    ends: np.ndarray
    words: list[str]


def tokenize(text: str) -> Tokens:
    """Words (hyphen/apostrophe compounds kept) and single punctuation marks, lowercased, digits as 0."""
    spans = [m.span() for m in _TOKEN.finditer(text)]
    low = text.lower()
    if len(low) == len(text) and "Σ" not in text:
        # Lowercase once and slice: the same words unless lowering changes a length ("İ") or
        # depends on the context (a final sigma), which is when each word is lowered alone.
        low = low.translate(_DIGITS)
        words = [low[s:e] for s, e in spans]
    else:
        words = [text[s:e].lower().translate(_DIGITS) for s, e in spans]
    bounds = np.array(spans, dtype=np.int64).reshape(-1, 2)
    return Tokens(bounds[:, 0].copy(), bounds[:, 1].copy(), words)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of sentences: per line, split after terminal punctuation (training fallback)."""
    out = []
    for m in _LINE.finditer(text):
        base, line = m.start(), m.group()
        pos = 0
        for cut in _SENT_END.finditer(line):
            out.append((base + pos, base + cut.start()))
            pos = cut.end()
        out.append((base + pos, base + len(line)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def prefix(word: str) -> str:
    """The prefix feature of a word."""
    return word[:PREFIX_LEN]


def suffix(word: str) -> str:
    """The suffix feature of a word: its last letters, marked so it never equals a word."""
    return "-" + word[-SUFFIX_LEN:]


def bigrams(words: list[str]) -> list[str]:
    """Adjacent word pairs joined by a space (words never contain spaces)."""
    return [f"{a} {b}" for a, b in zip(words, words[1:])]


class Vocab:
    """Feature string -> row index for each feature kind; unknown maps to the last row."""

    KINDS: tuple[str, ...] = ("words", "prefixes", "bigrams", "suffixes")

    def __init__(self, words: list[str], prefixes: list[str], bigrams_: list[str], suffixes: list[str]) -> None:
        self.lists = {"words": words, "prefixes": prefixes, "bigrams": bigrams_, "suffixes": suffixes}
        self.index = {k: {s: i for i, s in enumerate(v)} for k, v in self.lists.items()}

    def size(self, kind: str) -> int:
        """Known entries of one kind (the unknown row is index `size`)."""
        return len(self.lists[kind])

    @classmethod
    def build(cls, word_lists: Iterable[list[str]], min_count: int = 2) -> "Vocab":
        """Keep features seen at least `min_count` times in the training texts."""
        cw: Counter[str] = Counter()
        cp: Counter[str] = Counter()
        cb: Counter[str] = Counter()
        cs: Counter[str] = Counter()
        for words in word_lists:
            cw.update(words)
            cp.update(prefix(w) for w in words)
            cb.update(bigrams(words))
            cs.update(suffix(w) for w in words)
        keep = lambda c: sorted(k for k, n in c.items() if n >= min_count)  # noqa: E731
        return cls(keep(cw), keep(cp), keep(cb), keep(cs))

    def save(self, directory: Path) -> None:
        """One file per kind, one feature per line (UTF-8)."""
        for kind, items in self.lists.items():
            (directory / f"vocab_{kind}.txt").write_text("\n".join(items) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> "Vocab":
        """Read the files `save` wrote."""
        lists = []
        for kind in cls.KINDS:
            raw = (directory / f"vocab_{kind}.txt").read_text(encoding="utf-8")
            lists.append([line for line in raw.split("\n") if line])
        return cls(*lists)


@dataclass(slots=True)
class Ids:
    """Vocabulary row of each token's word, prefix and following bigram (unknown = size)."""

    words: np.ndarray
    prefixes: np.ndarray
    bigrams: np.ndarray  # bigram (i, i+1); last token gets unknown
    suffixes: np.ndarray
    misc: tuple[np.ndarray, np.ndarray] | None = None  # (token, misc feature) pairs, set by the model


def to_ids(words: list[str], vocab: Vocab) -> Ids:
    """Look every token up once; everything after this is array arithmetic."""
    iw, ip, ib = vocab.index["words"], vocab.index["prefixes"], vocab.index["bigrams"]
    nw, np_, nb = vocab.size("words"), vocab.size("prefixes"), vocab.size("bigrams")
    n = len(words)
    # map(dict.get, keys, repeat(default)) looks every key up without a Python call per token.
    w = np.fromiter(map(iw.get, words, repeat(nw)), dtype=np.int64, count=n)
    p = np.fromiter(map(ip.get, map(prefix, words), repeat(np_)), dtype=np.int64, count=n)
    b = np.fromiter(map(ib.get, bigrams(words), repeat(nb)), dtype=np.int64, count=max(n - 1, 0))
    isx, ns = vocab.index["suffixes"], vocab.size("suffixes")
    sx = np.fromiter(map(isx.get, map(suffix, words), repeat(ns)), dtype=np.int64, count=n)
    return Ids(w, p, np.append(b, nb) if len(words) else b, sx)


def shifted(ids: np.ndarray, offset: int, unknown: int) -> np.ndarray:
    """ids[i + offset] for every i, `unknown` where that falls outside the text."""
    n = len(ids)
    out = np.full(n, unknown, dtype=np.int64)
    if offset >= 0:
        out[: max(n - offset, 0)] = ids[offset:]
    else:
        out[-offset:] = ids[: n + offset]
    return out


def sentence_index(starts: np.ndarray, sentences: list[tuple[int, int]]) -> np.ndarray:
    """Sentence number of each token (by start offset); -1 for tokens outside every sentence."""
    out = np.full(len(starts), -1, dtype=np.int64)
    if not sentences:
        return out
    s_starts = np.asarray([s for s, _ in sentences])
    s_ends = np.asarray([e for _, e in sentences])
    idx = np.searchsorted(s_starts, starts, side="right") - 1
    ok = (idx >= 0) & (starts < s_ends[np.clip(idx, 0, None)])
    out[ok] = idx[ok]
    return out


# Non-lexical token cues, offset 0 only: repetition in the article, inside quotation marks,
# capitalisation, and which lexicon family covers the token (so the model learns how far to
# trust each list). The vocabulary is fixed here, not learned.
_QUOTED = re.compile(r"\"[^\"\n]{1,250}\"|“[^”\n]{1,250}”|«[^»\n]{1,250}»|„[^“”\n]{1,250}[“”]")
REPEAT_MIN_LEN = 4


def misc_names(families: Iterable[str]) -> list[str]:
    """The fixed misc feature names for these lexicon families."""
    return ["rep2", "rep3", "rep5", "rep_later", "rep_pair", "inq", "cap", "upper"] + [f"lex:{f}" for f in families]


def misc_pairs(
    text: str, toks: Tokens, hits: Iterable[tuple[str, int, int]], names: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """(token index, misc feature index) pairs; hits are (family, start, end) lexicon matches."""
    col = {n: i for i, n in enumerate(names)}
    ti: list[int] = []
    fi: list[int] = []
    counts = Counter(w for w in toks.words if len(w) >= REPEAT_MIN_LEN)
    seen: set[str] = set()
    for i, w in enumerate(toks.words):
        c = counts.get(w, 0) if len(w) >= REPEAT_MIN_LEN else 0
        if c >= 2:
            ti.append(i)
            fi.append(col["rep5" if c >= 5 else "rep3" if c >= 3 else "rep2"])
            if w in seen:  # PTC marks mostly the later mentions of a repeated word
                ti.append(i)
                fi.append(col["rep_later"])
            seen.add(w)
    # Both words of a word pair that occurs again in the article ("thin air" ... "thin air").
    pairs = [(a, b) if a[:1].isalnum() and b[:1].isalnum() else None for a, b in zip(toks.words, toks.words[1:])]
    pair_counts = Counter(p for p in pairs if p)
    for i, p in enumerate(pairs):
        if p and pair_counts[p] >= 2:
            ti += [i, i + 1]
            fi += [col["rep_pair"]] * 2
    if len(toks.starts):
        for m in _QUOTED.finditer(text):
            a, b = np.searchsorted(toks.starts, [m.start() + 1, m.end() - 1])
            ti += range(int(a), int(b))
            fi += [col["inq"]] * int(b - a)
        for family, s, e in hits:
            j = col.get(f"lex:{family}")
            if j is not None:
                a, b = np.searchsorted(toks.starts, [s, e])
                ti += range(int(a), int(b))
                fi += [j] * int(b - a)
    # Capitalisation needs the original text, not the lowercased words.
    starts = toks.starts.tolist()
    for i, (s, e) in enumerate(zip(starts, toks.ends.tolist())):
        first = text[s]
        if first.isupper():
            if e - s >= 2 and text[s:e].isupper():
                ti.append(i)
                fi.append(col["upper"])
            elif i and text[starts[i - 1]] not in ".!?…\"“«\n":
                ti.append(i)
                fi.append(col["cap"])
    # Each pair once: training sees binary features, so scoring must not add a weight twice.
    uniq = np.unique(np.asarray(ti, dtype=np.int64) * len(names) + np.asarray(fi, dtype=np.int64))
    return uniq // len(names), uniq % len(names)
