"""Training, kept apart from the runtime pipeline: fit, cross-validate and tune the techniques model.

The runtime `rashomon.techniques` package never imports this one; training reads the runtime's
features, lexicons and model format so a trained directory loads with `--model DIR`.

Public API:
- `train(data_paths, out_dir, config)` — cross-validate, tune thresholds, fit, write model + card.
- `TrainConfig` — the knobs of a run (the defaults produced the shipped model).
- `load_training(data_paths)` — the annotated articles a run would train on.
"""

from __future__ import annotations

from .config import TrainConfig
from .data import load_training
from .train import train

__all__ = ["TrainConfig", "load_training", "train"]
