"""`rashomon eval ...`: score extractors against annotated corpora with standard metrics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..errors import RashomonError
from .flags import AnalysisJobs, AsJson, EvalConfig, choices

eval_app = typer.Typer(no_args_is_help=True, help="Measure extractors against annotated corpora.")


QuoteFormat = choices("QuoteFormat", "brat")
Split = choices("Split", "all", "dev", "rest")


def _progress(total: int):  # noqa: ANN202 - rich Progress
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from . import err_console

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err_console, disable=total <= 1)


@eval_app.command("quotes")
def eval_quotes(
    data: Path = typer.Option(..., "--data", help="Directory with text/*.txt and attributions/*_<annotator>.ann."),
    fmt: QuoteFormat = typer.Option(QuoteFormat.brat, "--format", help="Annotation format."),
    annotator: Optional[str] = typer.Option(None, help="Use this annotator's files (default: first by name)."),
    split: Split = typer.Option(Split.all, help="all, or the stable dev/rest split by file name (1 in 5 is dev)."),
    limit: Optional[int] = typer.Option(None, min=1, help="Score at most this many documents."),
    as_json: bool = AsJson,
    config: Optional[Path] = EvalConfig,
) -> None:
    """Quote attribution: content (overlap, exact), content+source, cue, token F1."""
    from ..api import Analyzer
    from ..ingest.text import article_from_text
    from ..quotes.evaluate import count_documents, evaluate_quotes
    from . import fail, options

    if not (data / "text").is_dir() or not (data / "attributions").is_dir():
        fail(RashomonError("E001", path=f"{data}/text or {data}/attributions"))
    try:
        analyzer = Analyzer(options(config))
    except RashomonError as err:
        fail(err)

    def analyze(text: str, name: str):  # noqa: ANN202
        return analyzer.analyze(article_from_text(text, name, title_from_first_line=False)).quotes

    total = count_documents(data, annotator, split.value)
    if limit:
        total = min(total, limit)
    with _progress(total) as bar:
        task = bar.add_task("scoring", total=total)
        scores = evaluate_quotes(data, analyze, annotator=annotator, split=split.value, limit=limit,
                                 on_doc=lambda n: bar.update(task, completed=n))
    typer.echo(json.dumps(scores.as_dict(), indent=2) if as_json else scores.table())


TechniqueFormat = choices("TechniqueFormat", "ptc", "semeval23")


@eval_app.command("techniques")
def eval_techniques(
    fmt: TechniqueFormat = typer.Option(..., "--format", help="ptc (span labels) or semeval23 (paragraph labels)."),
    articles: Path = typer.Option(..., "--articles", help="Directory of article<ID>.txt files."),
    labels: Path = typer.Option(..., "--labels", help="PTC TC labels (file or directory) or SemEval-2023 labels file."),
    spans: Optional[Path] = typer.Option(None, "--spans", help="semeval23 only: span labels directory, to add span scores."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model directory from `rashomon train techniques`."),
    as_json: bool = AsJson,
) -> None:
    """Persuasion techniques: span P/R/F1 (SemEval-2020 Task 11) per technique, and paragraph micro-F1."""
    from dataclasses import asdict

    from ..techniques import TechniqueDetector
    from ..techniques.evaluate import evaluate_ptc, evaluate_semeval23
    from ..techniques.formats import read_articles
    from . import fail

    for path in (articles, labels, spans):
        if path is not None and not path.exists():
            fail(RashomonError("E001", path=path))
    try:
        detector = TechniqueDetector(model).load()
        total = len(read_articles(articles))
    except RashomonError as err:
        fail(err)
    except (OSError, ValueError) as exc:
        fail(RashomonError("E093", path=articles, detail=exc))
    with _progress(total) as bar:
        task = bar.add_task("scoring", total=total)

        def predict(text: str, article_id: str = "", language: str | None = None):  # noqa: ANN202
            out = detector.predict(text, article_id, language)
            bar.advance(task)
            return out

        try:
            if fmt is TechniqueFormat.ptc:
                report = evaluate_ptc(articles, labels, predict)
            else:
                report = evaluate_semeval23(articles, labels, predict, spans_dir=spans)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            fail(RashomonError("E093", path=labels, detail=str(exc).splitlines()[0]))
    typer.echo(json.dumps(asdict(report), indent=2) if as_json else report.table())


CompareEvalFormat = choices("CompareEvalFormat", "divergences")
CompareSplit = choices("CompareSplit", "tune", "test", "all")


@eval_app.command("compare")
def eval_compare(
    fmt: CompareEvalFormat = typer.Option(CompareEvalFormat.divergences, "--format", help="Annotation format."),
    data: Path = typer.Option(Path("../shared/data"), "--data", help="Folder holding basil/ and tgcontest_ru_dev/."),
    annotations: Path = typer.Option(Path("benchmarks/divergences"), "--annotations",
                                     help="Folder of divergence annotations (*.jsonl, offsets and labels)."),
    split: CompareSplit = typer.Option(CompareSplit.test, help="Units to score: the tune or test half, or all."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", min=0.0, max=1.0,
                                                   help="Score conflicts at or above this (default: config)."),
    calibrate: Optional[Path] = typer.Option(None, "--calibrate",
                                             help="Fit the confidence table on this split and write it here."),
    stories: bool = typer.Option(True, "--stories/--no-stories", help="Also score story clustering."),
    unit: Optional[list[str]] = typer.Option(None, "--unit", help="Only this annotated unit (repeatable)."),
    jobs: int = AnalysisJobs,
    as_json: bool = AsJson,
    config: Optional[Path] = EvalConfig,
) -> None:
    """Where accounts diverge: conflict precision/recall per language and kind; story pair P/R/F1."""
    from ..evaluation.compare_eval import calibration_samples, evaluate_compare
    from . import err_console, fail, options

    for path in (data / "basil", data / "tgcontest_ru_dev", annotations):
        if not path.exists():
            fail(RashomonError("E001", path=path))
    try:
        opts = options(config)
    except RashomonError as err:
        fail(err)
    threshold = opts.compare.min_confidence if min_confidence is None else min_confidence
    with err_console.status("evaluating", spinner="dots") as status:
        result = evaluate_compare(data, annotations, split=split.value, min_confidence=threshold, jobs=jobs,
                                  stories=stories, options=opts, only=unit or None,
                                  on_progress=lambda msg: status.update(msg))
    if calibrate is not None:
        from ..compare.confidence import fit

        table = fit(calibration_samples(result, annotations))
        table["fitted_on"] = f"divergence dev set, split {split.value}"
        calibrate.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")
        err_console.print(f"calibration written to {calibrate}")
    typer.echo(json.dumps(result.as_dict(), indent=2) if as_json else result.table())
