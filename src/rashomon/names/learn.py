"""Train the Latin<->Cyrillic unit model of :mod:`rashomon.names.crossscript` (offline tool).

Many-to-many EM alignment (in the spirit of m2m-aligner): start from uniform unit
probabilities, run forward-backward over every allowed segmentation of each training pair,
re-estimate, prune rare units. Only the training split is used (see
:func:`rashomon.names.evaluate.split_of`); the dev split picks the threshold. Output is statistics only: unit
probabilities, letter-bigram probabilities and the chosen threshold.

Rebuild with::

    PYTHONPATH=src python -m rashomon.names.learn ../shared/data/translit_en_ru/train.tsv \
        src/rashomon/lang/translit/learned_en_ru.tsv
"""

from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from rashomon.names.crossscript import SHAPES, TranslitModel, cyrillic_for_model, latin_for_model

Pair = tuple[str, str]
Unit = tuple[str, str]
INITIAL_P = 0.01  # uniform start; only ratios matter in the first E-step
MIN_COUNT = 1.0  # units with less expected mass than this are pruned after each M-step
MAX_PAIR_LEN = 30  # longer pairs are skipped in training (slow and rarely clean)


def _expected_counts(pair: Pair, probs: dict[Unit, float] | None) -> tuple[Counter[Unit], float]:
    """Forward-backward over all segmentations of one pair; expected unit counts and log Z."""
    x, y = pair
    n, m = len(x), len(y)
    edges: list[tuple[int, int, int, int, Unit, float]] = []
    for i in range(n + 1):
        for j in range(m + 1):
            for k, l in SHAPES:
                if i + k <= n and j + l <= m:
                    unit = (x[i : i + k], y[j : j + l])
                    p = INITIAL_P if probs is None else probs.get(unit, 0.0)
                    if p > 0.0:
                        edges.append((i, j, i + k, j + l, unit, p))
    alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
    alpha[0][0] = 1.0
    for i, j, i2, j2, _, p in edges:  # edges are in (i, j) order, a topological order
        if alpha[i][j]:
            alpha[i2][j2] += alpha[i][j] * p
    z = alpha[n][m]
    counts: Counter[Unit] = Counter()
    if z <= 0.0:
        return counts, -math.inf
    beta = [[0.0] * (m + 1) for _ in range(n + 1)]
    beta[n][m] = 1.0
    for i, j, i2, j2, _, p in reversed(edges):
        beta[i][j] += p * beta[i2][j2]
    for i, j, i2, j2, unit, p in edges:
        if alpha[i][j] and beta[i2][j2]:
            counts[unit] += alpha[i][j] * p * beta[i2][j2] / z
    return counts, math.log(z)


def _e_step_chunk(args: tuple[Sequence[Pair], dict[Unit, float] | None]) -> Counter[Unit]:
    """Sum expected counts over a chunk of pairs (runs in a worker process)."""
    chunk, probs = args
    total: Counter[Unit] = Counter()
    for pair in chunk:
        counts, _ = _expected_counts(pair, probs)
        total.update(counts)
    return total


def _m_step(counts: Counter[Unit]) -> dict[Unit, float]:
    """Normalise expected counts into joint unit probabilities, pruning rare units."""
    kept = {u: c for u, c in counts.items() if c >= MIN_COUNT}
    total = sum(kept.values())
    return {u: c / total for u, c in kept.items()}


def train_units(pairs: Sequence[Pair], iterations: int = 5, workers: int = 2,
                init: dict[Unit, float] | None = None) -> dict[Unit, float]:
    """EM-train joint unit probabilities on normalised (latin, cyrillic) pairs."""
    probs = init
    chunks = [pairs[i : i + 2000] for i in range(0, len(pairs), 2000)]
    for iteration in range(iterations):
        counts: Counter[Unit] = Counter()
        jobs = [(c, probs) for c in chunks]
        if workers <= 1:
            parts: Iterable[Counter[Unit]] = map(_e_step_chunk, jobs)
            for part in parts:
                counts.update(part)
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                for part in pool.map(_e_step_chunk, jobs):
                    counts.update(part)
        probs = _m_step(counts)
        print(f"EM iteration {iteration + 1}: {len(probs)} units", file=sys.stderr)
    return probs or {}


def bigram_model(words: Iterable[str]) -> dict[str, float]:
    """Add-one smoothed letter-bigram log-probabilities with ^/$ word boundaries."""
    counts: Counter[str] = Counter()
    for word in words:
        padded = f"^{word}$"
        counts.update(padded[i : i + 2] for i in range(len(padded) - 1))
    letters = {ch for bigram in counts for ch in bigram}
    contexts, outcomes = letters - {"$"}, letters - {"^"}
    context_totals: Counter[str] = Counter()
    for bigram, c in counts.items():
        context_totals[bigram[0]] += c
    return {
        a + b: math.log((counts[a + b] + 1) / (context_totals[a] + len(outcomes)))
        for a in contexts for b in outcomes
    }


def to_model(probs: dict[Unit, float], latin_words: list[str], cyrillic_words: list[str]) -> TranslitModel:
    """Assemble a TranslitModel from unit probabilities and the two word lists' bigrams."""
    units: dict[str, dict[str, float]] = defaultdict(dict)
    for (xs, ys), p in probs.items():
        units[xs][ys] = math.log(p)
    return TranslitModel(dict(units), bigram_model(latin_words), bigram_model(cyrillic_words))


def choose_threshold(scores_pos: list[float], scores_neg: list[float], max_fmr: float) -> float:
    """Lowest threshold whose false-merge rate on negatives stays at or below max_fmr."""
    ranked = sorted(scores_neg, reverse=True)
    allowed = int(max_fmr * len(ranked))
    # Sit just above the (allowed+1)-th best negative so at most `allowed` pass.
    return ranked[allowed] + 1e-9 if allowed < len(ranked) else min(scores_pos)


def dump_model(model: TranslitModel) -> str:
    """Serialise a model as the tagged TSV read by crossscript.parse_model."""
    lines = ["# Learned Latin<->Cyrillic name-spelling model (see rashomon/names/crossscript.py).",
             "# Statistics only: unit log-probabilities and letter-bigram log-probabilities.",
             "# Rows: meta key value | threshold t | unit latin cyrillic logp | lat2/cyr2 bigram logp"]
    lines += [f"meta\t{k}\t{v}" for k, v in sorted(model.meta.items())]
    lines.append(f"threshold\t{model.threshold:.4f}")
    for xs in sorted(model.units):
        for ys, logp in sorted(model.units[xs].items()):
            lines.append(f"unit\t{xs}\t{ys}\t{logp:.4f}")
    lines += [f"lat2\t{b}\t{v:.3f}" for b, v in sorted(model.latin_bigrams.items())]
    lines += [f"cyr2\t{b}\t{v:.3f}" for b, v in sorted(model.cyrillic_bigrams.items())]
    return "\n".join(lines) + "\n"


def normalise_pairs(pairs: Iterable[Pair]) -> list[Pair]:
    """Model-normalise raw (latin, cyrillic) pairs, dropping empty and over-long ones."""
    out = []
    for latin, cyrillic in pairs:
        x, y = latin_for_model(latin), cyrillic_for_model(cyrillic)
        if x and y and len(x) <= MAX_PAIR_LEN and len(y) <= MAX_PAIR_LEN:
            out.append((x, y))
    return out


def drop_noisy(model: TranslitModel, pairs: Sequence[Pair], min_llr: float) -> list[Pair]:
    """Keep the pairs the model explains at least min_llr per letter (drops mislabelled pairs)."""
    return [(x, y) for x, y in pairs if model.llr(x, y)[0] >= min_llr]


def build(train_path: Path, out_path: Path, iterations: int = 6, refit: int = 3,
          max_fmr: float = 0.0005, noise_llr: float = 0.0) -> TranslitModel:
    """Train on the training split, pick the threshold on the dev split, write the model TSV."""
    from rashomon.names.evaluate import load_translit_pairs, shuffled_negatives, split_of

    entries = load_translit_pairs(train_path)
    raw = [(p.latin, p.cyrillic) for p in entries if split_of(p.latin) == "train"]
    dev = [(p.latin, p.cyrillic) for p in entries if split_of(p.latin) == "dev"]
    pairs = normalise_pairs(raw)
    latin_words, cyrillic_words = [x for x, _ in pairs], [y for _, y in pairs]
    probs = train_units(pairs, iterations)
    # Mislabelled corpus pairs (a first name against a surname ...) teach junk units: refit
    # on the pairs the first model can explain.
    clean = drop_noisy(to_model(probs, latin_words, cyrillic_words), pairs, noise_llr)
    print(f"refit on {len(clean)} of {len(pairs)} pairs", file=sys.stderr)
    model = to_model(train_units(clean, refit, init=probs), latin_words, cyrillic_words)
    pos = [model.llr(x, y)[0] for x, y in normalise_pairs(dev)]
    neg = [model.llr(x, y)[0] for x, y in normalise_pairs(shuffled_negatives(dev, seed=1))]
    model.threshold = choose_threshold(pos, neg, max_fmr)
    model.meta = {"source": f"{train_path.name} of translit_en_ru (CC0 1.0)",
                  "training_pairs": str(len(pairs)), "refit_pairs": str(len(clean)),
                  "em_iterations": f"{iterations}+{refit}", "threshold_target_fmr": str(max_fmr),
                  "split": "crc32(latin) % 10: 0 held-out (never used), 1 dev (threshold), else train"}
    out_path.write_text(dump_model(model), encoding="utf-8")
    return model


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]), *(int(a) for a in sys.argv[3:5]))
