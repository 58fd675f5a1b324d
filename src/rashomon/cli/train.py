"""`rashomon train ...`: fit models on a user's own annotations."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import RashomonError
from .flags import choices

FoldScheme = choices("FoldScheme", "time", "random")  # TrainConfig.fold_scheme

train_app = typer.Typer(no_args_is_help=True, help="Train models on annotated corpora.")


@train_app.command("techniques")
def train_techniques(
    data: list[Path] = typer.Option(..., "--data", help="Corpus folder in PTC-2020 or SemEval-2023 layout (repeatable)."),
    out: Path = typer.Option(..., "--output", "-o", help="Directory for the new model (use it with --model)."),
    folds: int = typer.Option(3, min=2, help="Cross-validation folds, the newest-articles fold included (thresholds are tuned out of fold)."),
    min_examples: int = typer.Option(8, min=1, help="Techniques with fewer annotated spans are not modelled."),
    fold_scheme: FoldScheme = typer.Option(  # type: ignore[valid-type]
        "time",
        "--fold-scheme",
        help="time: the newest articles' fold is scored by a model of the older ones and trains no model "
        "that scores older folds (how the packaged thresholds were tuned); random: every fold by a model of all others.",
    ),
) -> None:
    """Retrain the techniques model: cross-validate, tune thresholds, fit, write model + MODEL_CARD.md."""
    from . import err_console, fail

    for path in data:
        if not path.is_dir():
            fail(RashomonError("E001", path=path))
    try:
        import scipy  # noqa: F401 - only training needs it
    except ImportError as exc:
        fail(RashomonError("E091", detail=exc))
    from ..training import TrainConfig, load_training, train

    try:
        if not load_training(data):
            fail(RashomonError("E092", path=", ".join(map(str, data))))
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        fail(RashomonError("E093", path=", ".join(map(str, data)), detail=str(exc).splitlines()[0]))
    cfg = TrainConfig(folds=folds, min_examples=min_examples, fold_scheme=fold_scheme.value)
    train(data, out, cfg, log=lambda msg: err_console.print(msg, highlight=False))
    typer.echo(f"model written to {out}; analyse with: rashomon analyze --model {out} PATH...")
