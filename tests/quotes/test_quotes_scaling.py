"""Quote layers look pairs up by index, with the answers of the old full scans."""

from __future__ import annotations

import random
import time

import pytest

from rashomon.quotes import _cover_pairs, _PairIndex
from rashomon.quotes.marks import scan_marks
from rashomon.quotes.roles import _SENTENCE_END, _words, is_long_quotation


def reference_cover(span, pairs, cue):
    """The pre-issue-14 _cover_pairs: every pair, in order, for every attribution."""
    s, e = span
    for p in pairs:
        if cue is not None and p.start <= cue[0] < p.end:
            continue
        if p.start < e and s < p.end and not (s <= p.start and p.end <= e):
            if p.start < s <= p.inner_start + 1 or p.inner_end - 1 <= e < p.end:
                s, e = min(s, p.start), max(e, p.end)
    return s, e


@pytest.mark.parametrize("seed", range(30))
def test_quotes_scaling_cover_pairs_same_as_scan(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(["«", "»", "“", "”", "„", "a", "b", " ", ", ", "ab"]) for _ in range(rng.randint(5, 80)))
    pairs = scan_marks(text).pairs
    index = _PairIndex(pairs)
    for _ in range(40):
        s = rng.randint(0, len(text))
        e = rng.randint(s, len(text))
        cue = None if rng.random() < 0.3 else (rng.randint(0, len(text)), len(text))
        assert _cover_pairs((s, e), index, cue) == reference_cover((s, e), pairs, cue), (text, s, e, cue)


@pytest.mark.parametrize(
    "inner",
    ["", "one two", "one two three four five six", "one two three four five six seven",
     "Short. Then more", "да!", "1 2 3 4 5 6 7 8", "a " * 10_000],
)
def test_quotes_scaling_long_quotation_same_as_count(inner):
    assert is_long_quotation(inner) == (len(_words(inner)) >= 7 or bool(_SENTENCE_END.search(inner.strip())))


def test_quotes_scaling_nested_long_quotations_finish():
    # 5,000 nested openers then their closers: every level used to re-read the whole text.
    text = " ".join("“word" for _ in range(5_000)) + " " + " ".join("word”" for _ in range(5_000))
    t0 = time.perf_counter()
    for p in scan_marks(text).pairs:
        is_long_quotation(text[p.inner_start : p.inner_end])
    assert time.perf_counter() - t0 < 30
