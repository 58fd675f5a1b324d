"""Quotation-mark pairing stays linear: thousands of marks finish, and the indexed scanner
gives exactly what the plain stack scan gave (kept here as the reference)."""

from __future__ import annotations

import dataclasses
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.quotes import marks
from rashomon.quotes.marks import MAX_DEPTH, MarkPair, MarkScan, scan_marks

HANG_GUARD_S = 30.0  # the indexed scan takes well under a second; the old one took minutes


def reference_scan(text: str) -> MarkScan:
    """The pre-issue-14 scan, character by character, searching the whole stack each time."""
    scan = MarkScan()
    stack: list[tuple[str, int]] = []
    wide: set[int] = set()  # openers written as two apostrophes (''…'')
    n, i = len(text), 0
    while i < n:
        ch = text[i]
        if ch in "\r\n":
            j = i
            while j < n and text[j] in "\r\n \t":
                j += 1
            if stack:
                if len(stack) == 1 and j < n and text[j] == stack[0][0]:
                    i = j + 1
                    continue
                if len(stack) == 1 and stack[0][1] in wide and text.startswith("''", j):
                    i = j + 2
                    continue
                if len(stack) == 1 and (stack[0][0] == "«" or (stack[0][0] == "“" and marks._single_break(text, i, j))) \
                        and marks._closes_later(text, j, stack[0][0]):
                    i = j
                    continue
                end = marks._open_ended(text, stack[0], i) if len(stack) == 1 else None
                if end is not None:
                    scan.pairs.append(MarkPair(stack[0][1], end, stack[0][1] + 1, end, depth=0, closed=False))
                else:
                    scan.unpaired.extend(pos for _op, pos in stack)
                stack.clear()
            i = j
            continue
        width = 1
        if text.startswith("''", i) and not text.startswith("'", i + 2) and (i == 0 or text[i - 1] != "'"):
            ch, width = '"', 2
        elif ch in ("’", "'") and marks._is_apostrophe(text, i):
            i += 1
            continue
        closers_open = [k for k, (op, _) in enumerate(stack) if ch in marks._PAIRS[op]]
        if not closers_open and ch in "\"”" and stack and stack[-1][0] == "«" and marks._can_close(text, i, width) \
                and marks._DASH_FRAME.match(text, i + width):
            closers_open = [len(stack) - 1]
        if closers_open and marks._can_close(text, i, width):
            k = closers_open[-1]
            scan.unpaired.extend(pos for _op, pos in stack[k + 1 :])
            _opener, pos = stack[k]
            del stack[k:]
            scan.pairs.append(MarkPair(pos, i + width, pos + (2 if pos in wide else 1), i, depth=k))
        elif ch in marks._PAIRS and marks._can_open(text, i, width):
            stack.append((ch, i))
            if width == 2:
                wide.add(i)
        elif ch in "”»›":
            scan.unpaired.append(i)
        i += width
    end = marks._open_ended(text, stack[0], n) if len(stack) == 1 else None
    if end is not None:
        scan.pairs.append(MarkPair(stack[0][1], end, stack[0][1] + 1, end, depth=0, closed=False))
        stack.clear()
    scan.unpaired.extend(pos for _op, pos in stack)
    scan.pairs.sort(key=lambda p: (p.start, -p.end))
    marks._fix_depths(scan.pairs)
    deep = [p for p in scan.pairs if p.depth >= MAX_DEPTH]
    if deep:
        scan.unpaired.extend(pos for p in deep for pos in (p.start, p.end - 1))
        scan.pairs = [p for p in scan.pairs if p.depth < MAX_DEPTH]
    return scan


def _as_tuples(scan: MarkScan) -> tuple[list[tuple], list[int]]:
    return [dataclasses.astuple(p) for p in scan.pairs], scan.unpaired


@pytest.mark.parametrize(
    "text",
    [
        "He said “this is «nested» text” today.",
        "«Мы отслеживали их „сорок“ минут», — сказала она.",
        '"Straight quotes" and Kiev\'s "another".',
        "''Two apostrophes,'' he said. ''Para one.\n\n''Para two.'' Don''t .",
        "“Para one.\n\n“Para two.”",
        "the “Erdogan variant, when the rebels\nnext para “ok” here",
        "odd ” closer alone",
        "«один «два» три",
        "Он сказал: «Один.\n\nДва «Газпром».\n\nТри», — добавил он.",
        "Warren wrote: “Families belong together.\nWe must act now.” She left. “One.\n\nTwo.”",
        "««««««deep»»»»»» and «one»",  # deeper than MAX_DEPTH: inner pairs unpaired
        "‘single’ don’t ‹angle› ‚low‘",
        "",
        "no marks at all",
    ],
)
def test_marks_scaling_same_as_reference_table(text):
    assert _as_tuples(scan_marks(text)) == _as_tuples(reference_scan(text))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab “”«»„\"'’‘‹›‚\n\r\t.,—:(", max_size=120))
def test_marks_scaling_same_as_reference_random(text):
    assert _as_tuples(scan_marks(text)) == _as_tuples(reference_scan(text))


def test_marks_scaling_depth_is_capped():
    text = "«" * 3 + "«слово" + " «слово" * 20 + "»" * 24
    scan = scan_marks(text)
    assert scan.pairs and max(p.depth for p in scan.pairs) == MAX_DEPTH - 1
    # every mark is either in a kept pair or reported unpaired: nothing lost
    in_pairs = {pos for p in scan.pairs for pos in (p.start, p.end - 1)}
    assert len(in_pairs) + len(scan.unpaired) == text.count("«") + text.count("»")


@pytest.mark.parametrize(
    "text",
    [
        "«слово» " * 5_000,  # 10,000 balanced guillemets in one paragraph
        "Он сказал " + " ".join("«слово" for _ in range(10_000)) + ".",  # 10,000 openers, none closed
        " ".join("“word" for _ in range(5_000)) + " " + " ".join("word”" for _ in range(5_000)),  # nested 5,000 deep
        "x " + "„a“ “b” «c» \"d\" ‘e’ " * 2_000,  # every style mixed
    ],
    ids=["balanced", "unclosed", "nested", "mixed"],
)
def test_marks_scaling_ten_thousand_marks_finish(text):
    t0 = time.perf_counter()
    scan = scan_marks(text)
    assert time.perf_counter() - t0 < HANG_GUARD_S
    assert all(p.depth < MAX_DEPTH for p in scan.pairs)
    for p in scan.pairs:
        assert text[p.start] in "“«„‘\"‚‹" and 0 <= p.start < p.end <= len(text)
