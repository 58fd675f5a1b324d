"""How it persuades: span-level persuasion techniques (SemEval-2023 taxonomy + Scare_Quotes).

Public API (importing this package loads no model and no scikit-learn):
- `TechniqueDetector` — the `techniques` pipeline component (requires quoted, sentences,
  tokens, language; assigns techniques); `.predict(text, id, language)` runs it on a bare text.
- training lives apart, in `rashomon.training` (`train(data_paths, out_dir)`); this package
  never imports it.
- `evaluate_ptc(...)`, `evaluate_semeval23(...)` — official-formula scorers; `evaluate(...)`
  wires them to a model directory.
"""

from __future__ import annotations

from pathlib import Path

from .component import TechniqueDetector
from .evaluate import ParagraphReport, SpanReport, evaluate_ptc, evaluate_semeval23
from .model import ModelFormatError, TechniqueModel
from .taxonomy import LABELS, PTC2020_TO_SEMEVAL2023

__all__ = [
    "LABELS",
    "PTC2020_TO_SEMEVAL2023",
    "ModelFormatError",
    "ParagraphReport",
    "SpanReport",
    "TechniqueDetector",
    "TechniqueModel",
    "evaluate",
    "evaluate_ptc",
    "evaluate_semeval23",
]


def evaluate(
    fmt: str, articles: str | Path, labels: str | Path, model_dir: str | Path | None = None,
    paragraph_stage: str = "label",
) -> SpanReport | ParagraphReport:
    """Score the detector (shipped model or `model_dir`) on a corpus: fmt is 'ptc' or 'semeval23'."""
    predict = TechniqueDetector(model_dir, paragraph_stage=paragraph_stage).predict  # type: ignore[arg-type]
    if fmt == "ptc":
        return evaluate_ptc(articles, labels, predict)
    if fmt == "semeval23":
        return evaluate_semeval23(articles, labels, predict)
    raise ValueError(f"unknown format {fmt!r}; choose ptc or semeval23")
