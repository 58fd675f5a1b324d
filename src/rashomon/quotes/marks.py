"""Pair quotation marks in every style, recovering from unbalanced or stray marks.

Styles: “…” (English), "…" (straight, also written as two apostrophes ''…'' in the New York
Times' archive text), «…» (Russian), „…“ (German/Russian inner), ‘…’ and ‹…›. Nesting is allowed ( «… „Новичок“ …» or «… «Новичок» …» ). A paragraph that opens a
quote and does not close it continues into the next paragraph when that paragraph opens
with a quote mark (the convention for multi-paragraph quotations), and an open « into the next
few paragraphs when a » there closes it (Russian does not reopen «). Anything that cannot be
paired is reported in `unpaired`, never raised: textacy raises on an odd count; we go on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# opener -> closers it accepts. “ closes „ (German style) as well as opening English quotes.
# English curly and straight double marks close each other too: edited news mixes them
# (“…," Suthers said. "…”), and read strictly one curly pair would swallow the frame between.
_PAIRS: dict[str, str] = {"“": "”\"", "«": "»", "„": "“”", "‘": "’", "‹": "›", '"': '"”', "‚": "‘’"}
_LETTERISH = str.isalnum
_TWO_APOSTROPHES = "''"
# Double quotation marks of every style (single ones double as apostrophes).
DOUBLE_MARKS = frozenset("“”«»„\"")
# Quotations nest at most two deep in news (depth 2 once in 2,392 corpus texts). Deeper
# pairs are reported unpaired: each nested pair copies its inner text into the output, so
# 10,000 nested marks would make output quadratic in the text.
MAX_DEPTH = 4
_CLOSERS = frozenset("".join(_PAIRS.values()))
# How far a Russian quotation of several paragraphs may run on without reopening «.
_RUN_ON_BREAKS, _RUN_ON_CHARS = 4, 3000
_GUILLEMET_OR_BREAK = re.compile(r"[«»]|(?:\r\n|\r|\n)+")
_GUILLEMETS = re.compile(r"[«»]")
_CURLY_OR_BREAK = re.compile(r"[“”]|(?:\r\n|\r|\n)+")


def _single_break(text: str, i: int, j: int) -> bool:
    """Whether text[i:j], a line break and the blanks after it, holds one line break only."""
    gap = text[i:j]
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n") == 1
# Every character the scanner acts on; everything else is skipped in one regex jump.
_INTERESTING = re.compile("[" + re.escape("".join(sorted(set(_PAIRS) | _CLOSERS | set("’'”»›\r\n")))) + "]")


@dataclass(slots=True)
class MarkPair:
    """A paired quotation: outer [start, end) includes the marks, inner excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    depth: int
    closed: bool = True  # False: recovered at a paragraph boundary without a closing mark


@dataclass
class MarkScan:
    """Result of scanning a text: pairs (outermost first) and positions of unpaired marks."""

    pairs: list[MarkPair] = field(default_factory=list)
    unpaired: list[int] = field(default_factory=list)


def _is_apostrophe(text: str, i: int) -> bool:
    """’ or ' between letters (don’t, Lukashenko’s, Kiev's) is an apostrophe, not a quote."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return _LETTERISH(prev) and (_LETTERISH(nxt) or nxt in "s")


def _can_open(text: str, i: int, width: int = 1) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    # «…, — отметил он."Интересно…»: a sentence's end with the space lost, before a capital.
    return not nxt.isspace() and (prev.isspace() or prev in "([{—–-/:;,«„“‘\"" or i == 0
                                  or prev in ".!?…" and nxt.isupper())


def _can_close(text: str, i: int, width: int = 1) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    # «…сказал "нет."Потом …»: the space after a sentence's end lost, with a quotation open.
    return not prev.isspace() and (nxt.isspace() or not _LETTERISH(nxt) or prev in ".!?…" and nxt.isupper())


def scan_marks(text: str) -> MarkScan:
    """Find quotation pairs in `text`; never raises."""
    scan = MarkScan()
    stack: list[tuple[str, int]] = []  # (opener, position)
    # closer -> stack indices of open marks it may close, innermost last. Looking closers up
    # here instead of scanning the whole stack keeps 10,000 unclosed marks linear.
    closable: dict[str, list[int]] = {c: [] for c in _CLOSERS}
    wide: set[int] = set()  # positions of openers written as two apostrophes
    n = len(text)
    i = 0
    seen_mark = False  # only the text's first mark may close a quotation opened before the text
    while True:
        # Only marks and line breaks change state: jump from one to the next.
        m = _INTERESTING.search(text, i)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch in "\r\n":
            # A line break ends a paragraph. An open quote continues only if the next
            # paragraph opens with the same mark (multi-paragraph quotation); else it was
            # unbalanced and is abandoned here, so one stray mark cannot swallow the article.
            j = i
            while j < n and text[j] in "\r\n \t":
                j += 1
            if stack:
                if len(stack) == 1 and j < n and text[j] == stack[0][0]:
                    i = j + 1
                    continue
                if len(stack) == 1 and stack[0][1] in wide and text.startswith(_TWO_APOSTROPHES, j):
                    i = j + 2
                    continue
                if len(stack) == 1 and (stack[0][0] == "«" or (stack[0][0] == "“" and _single_break(text, i, j))) \
                        and _closes_later(text, j, stack[0][0]):
                    # Russian does not reopen «, and a pasted post breaks lines inside “…”: the
                    # quotation closes later.
                    i = j
                    continue
                if not _recover_open(scan, text, stack, i):
                    scan.unpaired.extend(pos for _op, pos in stack)
                _truncate(stack, closable, 0)
            i = j
            continue
        width = 1
        if text.startswith(_TWO_APOSTROPHES, i) and not text.startswith("'", i + 2) and (i == 0 or text[i - 1] != "'"):
            ch, width = '"', 2  # ''…'': the New York Times' straight double mark, two apostrophes
        elif ch in ("’", "'") and _is_apostrophe(text, i):
            i += 1
            continue
        open_for = closable.get(ch)
        if not open_for and ch in "\"”" and stack and stack[-1][0] == "«" and _can_close(text, i, width) \
                and _DASH_FRAME.match(text, i + width):
            # «…", — сказал он: a straight or curly mark closing « before the reporting frame.
            open_for = [len(stack) - 1]
        if open_for and _can_close(text, i, width):
            k = open_for[-1]
            # Marks opened after the one we close are unbalanced inside it.
            for _op, pos in stack[k + 1 :]:
                scan.unpaired.append(pos)
            opener, pos = stack[k]
            _truncate(stack, closable, k)
            scan.pairs.append(MarkPair(pos, i + width, pos + (2 if pos in wide else 1), i, depth=k))
        elif ch in _PAIRS and _can_open(text, i, width):
            for closer in _PAIRS[ch]:
                closable[closer].append(len(stack))
            stack.append((ch, i))
            if width == 2:
                wide.add(i)
        elif ch in "”»" and not seen_mark and _headless(text, i):
            # «…», — сказал он. cut from its opening: a text (a sentence, a snippet) that starts
            # inside a quotation closed before the author's frame opens it at its first word.
            start = len(text) - len(text.lstrip())
            scan.pairs.append(MarkPair(start, i + 1, start, i, depth=0))
        elif ch in "”»›":
            scan.unpaired.append(i)
        seen_mark = True
        i += width
    if _recover_open(scan, text, stack, n):
        stack.clear()
    for _op, pos in stack:
        scan.unpaired.append(pos)
    scan.pairs.sort(key=lambda p: (p.start, -p.end))
    _fix_depths(scan.pairs)
    if any(p.depth >= MAX_DEPTH for p in scan.pairs):
        scan.unpaired.extend(pos for p in scan.pairs if p.depth >= MAX_DEPTH for pos in (p.start, p.end - 1))
        scan.pairs = [p for p in scan.pairs if p.depth < MAX_DEPTH]
    return scan


def _headless(text: str, i: int) -> bool:
    """A closing mark in the text's first line, with no opening mark before it, that the author's
    dash frame follows («…», — сказал он): the text starts inside the quotation."""
    if "\n" in text[:i] or "\r" in text[:i]:
        return False
    return len(text[:i].split()) >= 2 and _DASH_FRAME.match(text, i + 1) is not None


# What follows a quotation's end when the author's frame comes next: «…», — сказал он.
_DASH_FRAME = re.compile(r"[,.!?…]?[ \u00a0]*[-–—][ \u00a0]")
# What may stand before an open-ended «: a colon or a sentence's end (then it may run to the
# paragraph's end), or the paragraph's start (then only up to the author's dash frame).
_SAYS_AFTER = re.compile(r"(?::\s*|[.!?…][ \t\u00a0]*)$")
_PARAGRAPH_START = re.compile(r"(?:^|\r\n|\r|\n)[ \t\u00a0]*$")
_SENTENCE_END = re.compile(r"[.!?…][»\"”)]*(?:\s|$)")
# «…, — пишет Al Jazeera.: the quotation's words end where the author's remark begins.
_FRAME_CUT = re.compile(r"(?:,|(?<=[!?…]))[ \u00a0]*[-–—][ \u00a0]+(?=[а-яё])")
_MIN_OPEN_ENDED = 60


def _recover_open(scan: MarkScan, text: str, stack: list[tuple[str, int]], brk: int) -> bool:
    """A lone « still open at a paragraph's end (`brk`) that opened the speaker's words: add it to
    `scan` as a pair with no closing mark (see _open_ended) and say so."""
    end = _open_ended(text, stack[0], brk) if len(stack) == 1 else None
    if end is None:
        return False
    pos = stack[0][1]
    scan.pairs.append(MarkPair(pos, end, pos + 1, end, depth=0, closed=False))
    return True


def _open_ended(text: str, opener: tuple[str, int], brk: int) -> int | None:
    """Where a « left open at a paragraph's end (`brk`) stops, when it opened a quotation of the
    speaker's words and not a name whose closing mark was lost: at the author's dash frame
    («…, — пишет X»), else, after a colon or a sentence's end, at the paragraph's end; the words
    must run a sentence (60 characters and a sentence's end). None when it is no quotation."""
    mark, pos = opener
    if mark != "«" or brk - pos < _MIN_OPEN_ENDED:
        return None
    before = text[max(0, pos - 16):pos]
    words = text[pos:brk].rstrip()
    frame = _FRAME_CUT.search(words)
    if frame is not None and frame.start() >= _MIN_OPEN_ENDED // 2 and \
            (_SAYS_AFTER.search(before) or _PARAGRAPH_START.search(before)):
        return pos + frame.start()
    if _SAYS_AFTER.search(before) and _SENTENCE_END.search(words + " "):
        return pos + len(words)
    return None


def _closes_later(text: str, j: int, opener: str = "«") -> bool:
    """Whether a mark closing an open `opener` stands within the next few paragraphs from `j`,
    with no paragraph in between that opens a quotation or leaves one open: Russian writes a
    quotation of several paragraphs without reopening « at each («Законодательство … \n… будет
    усиливаться»); a post pasted into English news breaks its lines inside “…” (then only single
    line breaks, no blank line, count). Bounded (_RUN_ON_BREAKS paragraphs, _RUN_ON_CHARS
    characters), so a stray mark costs little."""
    closer = "»" if opener == "«" else "”"
    pattern = _GUILLEMET_OR_BREAK if opener == "«" else _CURLY_OR_BREAK
    depth = 0
    breaks = 0
    for m in pattern.finditer(text, j, min(len(text), j + _RUN_ON_CHARS)):
        ch, k = m.group(), m.start()
        if ch[0] in "\r\n":
            if depth:
                return False  # a quotation of its own opened and was left open
            breaks += 1
            if breaks > _RUN_ON_BREAKS or text.startswith(opener, m.end()) \
                    or (opener != "«" and ch.count("\n") + ch.count("\r") - ch.count("\r\n") > 1):
                return False  # too far, a paragraph opening a quotation of its own, or a blank line
        elif ch == opener and _can_open(text, k):
            depth += 1
        elif ch == closer and _can_close(text, k):
            if not depth:
                return True
            depth -= 1
    return False


def never_closes(text: str, opening: int) -> bool:
    """Whether the « at `opening` is still open at the end of the text, nested «…» pairs counted
    (unlike _closes_later, unbounded: an interview answer whose marks stay open to the end)."""
    depth = 0
    for m in _GUILLEMETS.finditer(text, opening):
        depth += 1 if m.group() == "«" else -1
        if depth == 0:
            return False
    return True


def _truncate(stack: list[tuple[str, int]], closable: dict[str, list[int]], k: int) -> None:
    """Drop stack[k:] and its entries in the closer index (each entry is dropped once: linear)."""
    for _op, _pos in stack[k:]:
        for closer in _PAIRS[_op]:
            closable[closer].pop()
    del stack[k:]


def _fix_depths(pairs: list[MarkPair]) -> None:
    """Depth = number of pairs strictly enclosing this one."""
    open_stack: list[MarkPair] = []
    for p in pairs:
        while open_stack and open_stack[-1].end <= p.start:
            open_stack.pop()
        p.depth = len(open_stack)
        open_stack.append(p)
