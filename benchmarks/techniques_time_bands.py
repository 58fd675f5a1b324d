"""A second honest estimate of SemEval-2023 paragraph micro-F1: an older band of ids held out.

`rashomon train techniques` scores the newest 20% of each language's SemEval-2023 ids with a
model of the older 80% (its `newest` rows). One band rests on few articles (29 Russian), so this
repeats that design one band earlier: the newest `--skip` share is left out entirely (nothing
is trained or tuned on it), and of what remains the newest `--band` share of the original ids is
held out and scored by a model of the still older articles, with the same cross-validation,
nested thresholds and paragraph stages as training. Its figures come from a model fitted on
less data, so they are a little pessimistic.

Next to the figures it prints how densely each side is labelled (SemEval-2023 paragraph labels
per listed paragraph, per language): the Russian annotation density moves about twofold between
bands of ids, and a band labelled more sparsely than the articles that trained its model is
over-predicted (and the reverse), which is most of the spread between bands.

    python benchmarks/techniques_time_bands.py [--skip 0.2] [--band 0.2] [--json FILE]
        [--data ../shared/data/ptc2020 --data ../shared/data/semeval2023/en --data ...]

About 15 minutes on 2 cores; prints the `newest` rows of the held band per language.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_DATA = ("../shared/data/ptc2020", "../shared/data/semeval2023/en", "../shared/data/semeval2023/ru")


def held_band(articles: list, skip: float, band: float) -> tuple[list, float]:
    """The articles left once the newest `skip` share is dropped, and the time share that holds
    the next `band` of the original ids out of what is left."""
    from rashomon.training.data import article_groups, newest

    if not 0 <= skip < 1 or not 0 < band < 1 - skip:
        raise ValueError(f"need 0 <= skip < 1 and 0 < band < 1 - skip (skip {skip}, band {band})")
    groups = article_groups(articles)
    dropped = newest(articles, skip, groups) if skip > 0 else [False] * len(articles)
    kept = [g for g, d in zip(articles, dropped) if not d]
    return kept, band / (1 - skip)


def label_density(articles: list, held: list[bool]) -> dict[str, dict[str, dict[str, float]]]:
    """Per language, for the held band and for the rest: SemEval-2023 articles, their listed
    paragraphs, and paragraph labels per paragraph (and the share of paragraphs with any label)."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for g, h in zip(articles, held):
        if g.corpus != "semeval2023" or not g.lines:
            continue
        row = out.setdefault(g.language, {}).setdefault("held" if h else "trained", {"articles": 0, "paragraphs": 0,
                                                                                      "labels": 0, "labelled": 0})
        row["articles"] += 1
        row["paragraphs"] += len(g.lines)
        row["labels"] += sum(len(v) for v in g.lines.values())
        row["labelled"] += sum(1 for v in g.lines.values() if v)
    for sides in out.values():
        for row in sides.values():
            n = row["paragraphs"] or 1
            row["labels_per_paragraph"] = round(row.pop("labels") / n, 3)
            row["labelled_share"] = round(row.pop("labelled") / n, 3)
    return out


def main(argv: list[str] | None = None) -> int:
    """Cross-validate with an older band held out and print its paragraph figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, action="append", help="corpus folder (repeatable; default: the three corpora)")
    ap.add_argument("--skip", type=float, default=0.2, help="newest share of ids left out entirely (default 0.2)")
    ap.add_argument("--band", type=float, default=0.2, help="share of the original ids held out after it (default 0.2)")
    ap.add_argument("--json", type=Path, help="write the summary here")
    args = ap.parse_args(argv)
    paths = [str(p) for p in (args.data or [Path(p) for p in DEFAULT_DATA])]
    missing = [p for p in paths if not Path(p).is_dir()]
    if missing:
        print(f"corpus folder(s) absent: {', '.join(missing)}", file=sys.stderr)
        return 2
    from rashomon.techniques.component import rule_spans
    from rashomon.training import TrainConfig, load_training
    from rashomon.training.crossval import cross_validate
    from rashomon.training.data import article_groups, modelled_labels, newest

    articles = load_training(paths)
    try:
        kept, share = held_band(articles, args.skip, args.band)
    except ValueError as exc:
        ap.error(str(exc))
    cfg = TrainConfig(time_share=share)
    labels = modelled_labels(kept, cfg.min_examples)
    print(f"{len(articles)} articles, {len(articles) - len(kept)} newest left out, "
          f"time share {share:.3f} of the rest held out", flush=True)
    cv = cross_validate(kept, labels, cfg, extra=rule_spans, log=lambda m: print(m, flush=True))
    summary = {k: v for k, v in cv.summary().items() if "newest" in k}
    for key, value in sorted(summary.items()):
        print(f"{key:60} {value}")
    density = label_density(kept, newest(kept, share, article_groups(kept)))
    for lang, sides in sorted(density.items()):
        for side, row in sorted(sides.items()):
            print(f"{lang} {side:8} {row['articles']:4} articles {row['paragraphs']:5} paragraphs "
                  f"{row['labels_per_paragraph']:.3f} labels per paragraph, {row['labelled_share']:.3f} labelled")
    if args.json:
        args.json.write_text(json.dumps({"skip": args.skip, "band": args.band, **summary, "density": density}, indent=2),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
