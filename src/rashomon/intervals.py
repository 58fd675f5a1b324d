"""Interval look-ups in O(log n), for layers that used to scan every span per span.

`Cover` answers "does any interval contain this point / this span" over a fixed list;
`Disjoint` keeps a growing set of non-overlapping spans and answers "does this overlap one";
`LastEnclosing` finds the latest of a run of spans (in start order) enclosing a new one.
All are exact replacements of the linear scans they stand for (same answers, same match).
`trim_space` is the one place a span drops the whitespace at its edges.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from typing import Iterable


def trim_space(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) moved past whitespace at both edges; an all-space span ends empty at its end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Cover:
    """Fixed intervals [start, end), sorted by start (stable) with a running maximum of ends."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        order = sorted(((s, e) for s, e in spans), key=lambda x: x[0])
        self.starts = [s for s, _ in order]
        self.max_end: list[int] = []
        best = None
        for _, e in order:
            best = e if best is None or e > best else best
            self.max_end.append(best)

    def contains_span(self, start: int, end: int) -> bool:
        """True if some interval has s <= start and end <= e."""
        k = bisect_right(self.starts, start)
        return k > 0 and self.max_end[k - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """True if some interval has s < end and start < e."""
        k = bisect_left(self.starts, end)
        return k > 0 and self.max_end[k - 1] > start

    def first_stabbing(self, pos: int) -> int | None:
        """Index (in start order) of the first interval with s <= pos < e, or None."""
        i = bisect_right(self.max_end, pos)
        if i < len(self.starts) and self.starts[i] <= pos:
            return i
        return None


class Disjoint:
    """A growing set of pairwise non-overlapping spans [start, end)."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        """True if [start, end) overlaps a stored span (a < end and start < b)."""
        k = bisect_left(self._spans, (end,))
        # Only the last span starting before `end` can reach past `start`: they are disjoint.
        return k > 0 and self._spans[k - 1][1] > start and self._spans[k - 1][0] < end

    def add(self, start: int, end: int) -> None:
        """Store a span that overlaps none stored."""
        insort(self._spans, (start, end))


class LastEnclosing:
    """Spans appended in start order; finds the latest appended one enclosing a new span.

    Same answer as scanning the appended spans backwards for the first (s, e) with
    s <= start, end <= e and (s, e) != (start, end). A span is dropped from the stack once
    a later one ends strictly after it: the later one then answers every query it could.
    """

    def __init__(self) -> None:
        self._stack: list[tuple[int, int, int]] = []  # (end, start, index); ends never increase upwards
        self._count = 0

    def find(self, start: int, end: int) -> int | None:
        """Index of the latest appended span enclosing [start, end) but not equal to it."""
        stack = self._stack
        lo, hi = 0, len(stack)
        while lo < hi:  # topmost entry whose end >= end (ends are non-increasing)
            mid = (lo + hi) // 2
            if stack[mid][0] >= end:
                lo = mid + 1
            else:
                hi = mid
        k = lo - 1
        while k >= 0 and (stack[k][1], stack[k][0]) == (start, end):
            k -= 1
        return stack[k][2] if k >= 0 else None

    def append(self, start: int, end: int) -> int:
        """Add a span (starts must not decrease); returns its index."""
        while self._stack and self._stack[-1][0] < end:
            self._stack.pop()
        self._stack.append((end, start, self._count))
        self._count += 1
        return self._count - 1
