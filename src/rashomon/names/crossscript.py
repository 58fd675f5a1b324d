"""Learned Latin<->Cyrillic spelling model for names of any origin (Rommel ~ Роммель).

A joint "unit" model: a name pair is a sequence of aligned units (Latin 0-4 letters,
Cyrillic 0-2 letters, e.g. ``sch:ш``, ``x:кс``, ``tt:тт``) with learned probabilities.
A pair's score is the log-likelihood ratio of its best alignment against two independent
letter-bigram models, i.e. how much likelier the two spellings are as one name than as two
unrelated names. Parameters are in ``rashomon/lang/translit/learned_en_ru.tsv`` (built by
:mod:`rashomon.names.learn`; statistics only, no names).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rashomon.lang import parse_rows, read_rows, read_text
from rashomon.names.translit import slavic_latin_to_press

MODEL_FILE = "learned_en_ru.tsv"
# Unit shapes (Latin length, Cyrillic length) the aligner may use; covers sch:ш, shch:щ, x:кс.
SHAPES: tuple[tuple[int, int], ...] = (
    (1, 1), (2, 1), (1, 2), (1, 0), (0, 1), (2, 2), (3, 1), (2, 0), (3, 2), (4, 1),
)
# Floor log-probability for an unseen single-letter unit, so any pair stays alignable.
UNSEEN_LOGP = -18.0
_NOT_LATIN = re.compile(r"[^a-z]")
_NOT_CYRILLIC = re.compile(r"[^а-я]")


@lru_cache(maxsize=1)
def _cyrillic_map() -> dict[int, str]:
    """Belarusian/Ukrainian letters to Russian ones for the model (і -> и, ў -> в)."""
    rows = read_rows("translit", "model_cyrillic.tsv")
    return {ord(f[0]): f[1] if len(f) > 1 else "" for f in rows}


def latin_for_model(text: str) -> str:
    """Lowercase a-z only, Slavic letters as digraphs (š -> sh), diacritics folded."""
    return _NOT_LATIN.sub("", slavic_latin_to_press(text))


def cyrillic_for_model(text: str) -> str:
    """Lowercase Russian letters only (Belarusian/Ukrainian mapped, ё -> е)."""
    return _NOT_CYRILLIC.sub("", text.lower().translate(_cyrillic_map()))


@dataclass
class TranslitModel:
    """Unit log-probabilities plus the two letter-bigram null models and a decision threshold."""

    units: dict[str, dict[str, float]]  # latin segment -> cyrillic segment -> log p
    latin_bigrams: dict[str, float]  # "ab" -> log p(b | a); "^" starts and "$" ends a name
    cyrillic_bigrams: dict[str, float]
    threshold: float = 0.0  # per-letter LLR at or above which a pair is called the same name
    meta: dict[str, str] = field(default_factory=dict)

    def _bigram_logp(self, word: str, table: dict[str, float]) -> float:
        """Log-probability of a word under a letter-bigram model with a crude floor."""
        padded = f"^{word}$"
        return sum(table.get(padded[i : i + 2], -12.0) for i in range(len(padded) - 1))

    def align(self, latin: str, cyrillic: str) -> tuple[float, list[tuple[str, str]]]:
        """Best (Viterbi) alignment of two normalised spellings: (log p, units)."""
        n, m = len(latin), len(cyrillic)
        best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
        back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        for i in range(n + 1):
            for j in range(m + 1):
                here = best[i][j]
                if here == -math.inf:
                    continue
                for k, l in SHAPES:
                    if i + k > n or j + l > m:
                        continue
                    xs, ys = latin[i : i + k], cyrillic[j : j + l]
                    logp = self.units.get(xs, {}).get(ys)
                    if logp is None:
                        if k + l != 1 and (k, l) != (1, 1):
                            continue
                        logp = UNSEEN_LOGP
                    if here + logp > best[i + k][j + l]:
                        best[i + k][j + l] = here + logp
                        back[i + k][j + l] = (k, l)
        return best[n][m], _trace(back, latin, cyrillic)

    def llr(self, latin: str, cyrillic: str) -> tuple[float, list[tuple[str, str]]]:
        """Per-letter log-likelihood ratio (same name vs unrelated) and the alignment used."""
        joint, units = self.align(latin, cyrillic)
        null = self._bigram_logp(latin, self.latin_bigrams)
        null += self._bigram_logp(cyrillic, self.cyrillic_bigrams)
        return (joint - null) / max(1, len(latin) + len(cyrillic)), units


def _trace(back: list[list[tuple[int, int] | None]], latin: str, cyrillic: str) -> list[tuple[str, str]]:
    """Follow back-pointers to recover the aligned units."""
    i, j = len(latin), len(cyrillic)
    units: list[tuple[str, str]] = []
    while (i or j) and back[i][j] is not None:
        k, l = back[i][j]  # type: ignore[misc]
        units.append((latin[i - k : i], cyrillic[j - l : j]))
        i, j = i - k, j - l
    return units[::-1]


def format_alignment(units: list[tuple[str, str]]) -> str:
    """Render an alignment as ``r=р o=о mm=мм e=е l=ль``."""
    return " ".join(f"{x or '∅'}={y or '∅'}" for x, y in units)


def parse_model(text: str) -> TranslitModel:
    """Build a model from the TSV text written by :func:`rashomon.names.learn.dump_model`."""
    model = TranslitModel({}, {}, {})
    for tag, *rest in parse_rows(text):
        if tag == "unit":
            model.units.setdefault(rest[0], {})[rest[1]] = float(rest[2])
        elif tag == "lat2":
            model.latin_bigrams[rest[0]] = float(rest[1])
        elif tag == "cyr2":
            model.cyrillic_bigrams[rest[0]] = float(rest[1])
        elif tag == "threshold":
            model.threshold = float(rest[0])
        elif tag == "meta":
            model.meta[rest[0]] = rest[1] if len(rest) > 1 else ""
    return model


@lru_cache(maxsize=1)
def default_model() -> TranslitModel:
    """The shipped model, parsed on first use."""
    return parse_model(read_text("translit", MODEL_FILE))


@lru_cache(maxsize=65536)
def cross_script_llr(latin: str, cyrillic: str) -> tuple[float, str]:
    """Per-letter LLR of a Latin and a Cyrillic spelling being one name, with the alignment."""
    x, y = latin_for_model(latin), cyrillic_for_model(cyrillic)
    if not x or not y:
        return -math.inf, ""
    score, units = default_model().llr(x, y)
    return score, format_alignment(units)
