"""Measure name matching on labelled pairs: precision/recall/F1 and false-merge rate.

Two input formats:

* translit corpus ``latin<TAB>space-separated Cyrillic letters<TAB>count`` (all positives);
  negatives are made by pairing each Latin name with the Cyrillic of another entry;
* generic labelled pairs ``a<TAB>b<TAB>label`` with label 1 (same) or 0 (different).
"""

from __future__ import annotations

import random
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from rashomon.names.match import Match, match_names

Pair = tuple[str, str]
Matcher = Callable[[str, str], Match]


class TranslitPair(NamedTuple):
    """One corpus entry: a Latin spelling, its Cyrillic spelling and how often it was seen."""

    latin: str
    cyrillic: str
    count: int


class LabelledPair(NamedTuple):
    """Two names and whether they denote the same name (1) or not (0)."""

    a: str
    b: str
    label: bool


@dataclass(frozen=True)
class Scores:
    """Confusion counts and derived rates of a matcher on labelled pairs."""

    tp: int
    fp: int
    fn: int
    tn: int
    seconds: float

    @property
    def precision(self) -> float:
        """Share of predicted merges that are right."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of true same-name pairs that were merged."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def false_merge_rate(self) -> float:
        """Share of different-name pairs that were wrongly merged."""
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0

    @property
    def pairs_per_second(self) -> float:
        """Matcher throughput over all pairs scored."""
        return (self.tp + self.fp + self.fn + self.tn) / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        """One human-readable line with all figures."""
        return (f"P={self.precision:.4f} R={self.recall:.4f} F1={self.f1:.4f} "
                f"false-merge={self.false_merge_rate:.4%} tp={self.tp} fp={self.fp} fn={self.fn} "
                f"tn={self.tn} ({self.pairs_per_second:.0f} pairs/s)")


def split_of(latin: str) -> str:
    """Deterministic split by crc32 of the Latin spelling: 0 heldout, 1 dev, 2-9 train."""
    bucket = zlib.crc32(latin.encode("utf-8")) % 10
    return "heldout" if bucket == 0 else "dev" if bucket == 1 else "train"


def is_heldout(latin: str) -> bool:
    """True for the 10% of corpus entries never used in training or tuning."""
    return split_of(latin) == "heldout"


def load_translit_pairs(path: str | Path) -> list[TranslitPair]:
    """Read a ``latin<TAB>c y r i l l i c<TAB>count`` file."""
    pairs = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2 and fields[0]:
            count = int(fields[2]) if len(fields) > 2 and fields[2].isdigit() else 1
            pairs.append(TranslitPair(fields[0], fields[1].replace(" ", ""), count))
    return pairs


def load_labelled_pairs(path: str | Path) -> list[LabelledPair]:
    """Read an ``a<TAB>b<TAB>label`` file (label 1/0, true/false, same/different)."""
    pairs = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 3 or line.startswith("#"):
            continue
        label = fields[2].strip().lower() in {"1", "true", "same", "yes"}
        pairs.append(LabelledPair(fields[0], fields[1], label))
    return pairs


def shuffled_negatives(pairs: Sequence[Pair], seed: int = 0) -> list[Pair]:
    """Pair each Latin name with the Cyrillic of another random entry (fixed seed).

    Entries whose borrowed Cyrillic equals their own are skipped: those are true matches.
    """
    order = list(range(len(pairs)))
    random.Random(seed).shuffle(order)
    negatives = []
    for i, j in enumerate(order):
        if j == i:
            j = order[(i + 1) % len(order)]
        if pairs[j][1] != pairs[i][1]:
            negatives.append((pairs[i][0], pairs[j][1]))
    return negatives


def score_pairs(pairs: Iterable[LabelledPair], matcher: Matcher = match_names) -> Scores:
    """Run a matcher over labelled pairs and count hits and misses."""
    tp = fp = fn = tn = 0
    start = time.perf_counter()
    for pair in pairs:
        same = matcher(pair.a, pair.b).same
        tp += same and pair.label
        fp += same and not pair.label
        fn += (not same) and pair.label
        tn += (not same) and not pair.label
    return Scores(tp, fp, fn, tn, time.perf_counter() - start)


def evaluate_pairs_file(path: str | Path, matcher: Matcher = match_names) -> Scores:
    """Score a matcher on an ``a<TAB>b<TAB>label`` file (for ``names match --pairs``)."""
    return score_pairs(load_labelled_pairs(path), matcher)


def translit_benchmark(path: str | Path, heldout: bool = True, limit: int | None = None,
                       seed: int = 0, matcher: Matcher = match_names) -> Scores:
    """Recall on true corpus pairs and false-merge rate on shuffled pairs (held-out part by default)."""
    entries = [(p.latin, p.cyrillic) for p in load_translit_pairs(path) if is_heldout(p.latin) == heldout]
    entries = entries[:limit] if limit else entries
    labelled = [LabelledPair(a, b, True) for a, b in entries]
    labelled += [LabelledPair(a, b, False) for a, b in shuffled_negatives(entries, seed)]
    return score_pairs(labelled, matcher)


# --- Pair files as the CLI reads them (any source, format detection, line-numbered errors) ---

LABELS = {"1": True, "true": True, "same": True, "yes": True,
          "0": False, "false": False, "different": False, "no": False}
TRANSLIT_SHARE = 0.9  # share of rows with spaced single letters that marks a translit corpus file


class PairsFormatError(ValueError):
    """A pairs file line that is neither ``a<TAB>b`` nor ``a<TAB>b<TAB>label``."""

    def __init__(self, line: int, detail: str) -> None:
        super().__init__(f"line {line}: {detail}")
        self.line = line
        self.detail = detail


@dataclass(frozen=True)
class PairRow:
    """One line of a pairs file: two names, an optional label (None when absent) and its line."""

    a: str
    b: str
    label: bool | None
    line: int


def _spaced_letters(field: str) -> bool:
    """True for the translit corpus' Cyrillic column: single letters separated by spaces."""
    parts = field.split(" ")
    return len(parts) > 1 and all(len(p) == 1 for p in parts)


def parse_pair_rows(text: str) -> tuple[list[PairRow], bool]:
    """Parse pair lines; returns the rows and whether the text is in the translit corpus format.

    In the translit format (``latin<TAB>c y r<TAB>count``) the letters are joined and every row
    is a positive pair; otherwise a third column, if present, must be a label (1/0, same/different).
    """
    raw: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            raise PairsFormatError(number, "expected 'a<TAB>b' or 'a<TAB>b<TAB>label'")
        raw.append((number, fields))
    translit = bool(raw) and sum(_spaced_letters(f[1]) for _, f in raw) >= TRANSLIT_SHARE * len(raw)
    rows = []
    for number, fields in raw:
        a, b = fields[0].strip(), fields[1].strip()
        if translit:
            rows.append(PairRow(a, b.replace(" ", ""), True, number))
            continue
        label = None
        if len(fields) > 2 and fields[2].strip():
            token = fields[2].strip().lower()
            if token not in LABELS:
                raise PairsFormatError(number, f"label must be 1/0, true/false or same/different, got {fields[2]!r}")
            label = LABELS[token]
        rows.append(PairRow(a, b, label, number))
    return rows, translit


def benchmark_rows(rows: Sequence[PairRow], translit: bool, split: str | None = None,
                   seed: int = 0, limit: int | None = None, matcher: Matcher = match_names) -> Scores:
    """Score labelled rows, or for translit rows their recall plus shuffled negatives.

    ``split`` ('heldout', 'dev', 'train') keeps rows whose first name falls in that split of
    :func:`split_of`, the split the learned model was built with.
    """
    kept = [r for r in rows if split is None or split_of(r.a) == split]
    kept = kept[:limit] if limit else kept
    if translit:
        entries = [(r.a, r.b) for r in kept]
        labelled = [LabelledPair(a, b, True) for a, b in entries]
        labelled += [LabelledPair(a, b, False) for a, b in shuffled_negatives(entries, seed)]
        return score_pairs(labelled, matcher)
    return score_pairs([LabelledPair(r.a, r.b, bool(r.label)) for r in kept], matcher)
