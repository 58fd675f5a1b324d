"""Training: fit the token and sentence models on PTC-2020 / SemEval-2023 style annotations.

`train(data_paths, out_dir)` reads every corpus folder, cross-validates by article id (the
same id in two corpora is one group, so a PTC article never leaks into its own SemEval copy),
tunes per-language, per-technique thresholds on the out-of-fold probabilities, fits the final
models on everything, and writes a model directory the component loads with `--model DIR`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Iterable

from ..techniques.component import rule_spans
from ..techniques.features import LANGS
from ..techniques.model import TechniqueModel
from .card import model_card
from .config import TrainConfig
from .crossval import cross_validate
from .data import load_training, modelled_labels, prepare
from .fit import fit


def train(
    data_paths: Iterable[str | Path],
    out_dir: str | Path,
    config: TrainConfig | None = None,
    log: Callable[[str], None] = print,
    extra: Callable[[str, str], list[tuple[str, int, int]]] | None = None,
) -> TechniqueModel:
    """Cross-validate, tune thresholds, fit on all data and save a model directory (+ MODEL_CARD.md).

    `extra` gives the rule layer's spans (default: the shipped lexicons) so thresholds are
    tuned for what the component emits with rules on.
    """
    cfg = config or TrainConfig()
    extra = rule_spans if extra is None else extra
    paths = [str(p) for p in data_paths]
    articles = load_training(paths)
    if not articles:
        raise ValueError(f"no annotated articles found in {paths}")
    labels = modelled_labels(articles, cfg.min_examples)
    t0 = time.perf_counter()
    cv = cross_validate(articles, labels, cfg, extra=extra, log=log)
    log(f"cross-validation done in {time.perf_counter() - t0:.0f}s")
    items = [prepare(g, labels) for g in articles]
    model = fit(items, labels, cfg)
    model.thresholds = cv.thresholds
    model.meta.update(
        training={
            "data": [Path(p).name for p in paths],
            "articles": len(articles),
            "articles_by_language": {l: sum(g.language == l for g in articles) for l in LANGS},
            "spans": sum(len(g.spans) for g in articles),
        },
        cross_validation=cv.summary(),
    )
    if cfg.floor_grid:
        model.meta["threshold_floors"] = cv.floors
    if cv.stage is not None:
        model.meta["paragraph_stage"] = cv.stage.to_json()
    if cv.stage_encoded is not None:
        model.meta["paragraph_stage_encoded"] = cv.stage_encoded.to_json()
    model.save(out_dir, prune=cfg.prune)
    out = Path(out_dir)
    size = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    (out / "MODEL_CARD.md").write_text(model_card(model.meta, cv.markdown(), size), encoding="utf-8")
    log(f"model written to {out_dir} ({size / 1e6:.1f} MB)")
    return model
