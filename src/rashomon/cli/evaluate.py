"""`rashomon eval ...`: score extractors against annotated corpora with standard metrics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..errors import RashomonError
from .flags import AnalysisJobs, AsJson, EvalConfig, choices

eval_app = typer.Typer(no_args_is_help=True, help="Measure extractors against annotated corpora.")


QuoteFormat = choices("QuoteFormat", "brat", "attribution-set")
Split = choices("Split", "all", "dev", "rest", "tune", "test")
_SPLITS = {"brat": ("all", "dev", "rest"), "attribution-set": ("all", "tune", "test")}


def _progress(total: int):  # noqa: ANN202 - rich Progress
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from . import err_console

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err_console, disable=total <= 1)


@eval_app.command("quotes")
def eval_quotes(
    data: Path = typer.Option(..., "--data", help="brat: directory with text/*.txt and attributions/*_<annotator>.ann; "
                              "attribution-set: directory of *.jsonl (docs/annotation/attribution_ru.md)."),
    fmt: QuoteFormat = typer.Option(QuoteFormat.brat, "--format", help="Annotation format."),
    corpora: Path = typer.Option(Path("../shared/data"), "--corpora",
                                 help="attribution-set only: the corpus folder its document ids point into."),
    annotator: Optional[str] = typer.Option(None, help="brat: use this annotator's files (default: first by name)."),
    split: Split = typer.Option(Split.all, help="brat: all, dev or rest (1 in 5 files is dev); "
                                "attribution-set: all, tune or test (half the articles each)."),
    limit: Optional[int] = typer.Option(None, min=1, help="Score at most this many documents."),
    as_json: bool = AsJson,
    config: Optional[Path] = EvalConfig,
) -> None:
    """Quote attribution: content (overlap, exact), content+source, cue, token F1."""
    from ..api import Analyzer
    from ..ingest.text import article_from_text
    from . import fail, options

    if split.value not in _SPLITS[fmt.value]:
        raise typer.BadParameter(f"--format {fmt.value} takes --split {', '.join(_SPLITS[fmt.value])}",
                                 param_hint="--split")
    if fmt.value == "brat":
        from ..quotes.evaluate import count_documents, read_brat_dir, split_of

        if not (data / "text").is_dir() or not (data / "attributions").is_dir():
            fail(RashomonError("E001", path=f"{data}/text or {data}/attributions"))
        total = count_documents(data, annotator, split.value)
        docs = (d for d in read_brat_dir(data, annotator) if split.value == "all" or split_of(d.name) == split.value)
    else:
        from ..evaluation.attribution_set import read_attribution_set, read_records
        from ..evaluation.attribution_set import split_of as set_split

        if not data.is_dir() or not any(data.glob("*.jsonl")):
            fail(RashomonError("E001", path=f"{data}/*.jsonl"))
        if not corpora.is_dir():
            fail(RashomonError("E001", path=str(corpora)))
        total = sum(1 for d in read_records(data)[0] if split.value == "all" or set_split(d) == split.value)
        docs = read_attribution_set(corpora, data, split.value)
    try:
        analyzer = Analyzer(options(config))
        analyzer.load()  # the pipeline is built on first use: a broken one fails here, coded
    except RashomonError as err:
        fail(err)

    def analyze(text: str, name: str):  # noqa: ANN202
        return analyzer.analyze(article_from_text(text, name, title_from_first_line=False)).quotes

    from ..quotes.evaluate import score_documents

    if limit:
        total = min(total, limit)
    with _progress(total) as bar:
        task = bar.add_task("scoring", total=total)
        scores = score_documents(docs, analyze, limit=limit, on_doc=lambda n: bar.update(task, completed=n))
    typer.echo(json.dumps(scores.as_dict(), indent=2) if as_json else scores.table())


TechniqueFormat = choices("TechniqueFormat", "ptc", "semeval23")
StageChoice = choices("StageChoice", "gate", "label", "off")


@eval_app.command("techniques")
def eval_techniques(
    fmt: TechniqueFormat = typer.Option(..., "--format", help="ptc (span labels) or semeval23 (paragraph labels)."),
    articles: Path = typer.Option(..., "--articles", help="Directory of article<ID>.txt files."),
    labels: Path = typer.Option(..., "--labels", help="PTC TC labels (file or directory) or SemEval-2023 labels file."),
    spans: Optional[Path] = typer.Option(None, "--spans", help="semeval23 only: span labels directory, to add span scores."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model directory from `rashomon train techniques`."),
    paragraph_stage: StageChoice = typer.Option(
        StageChoice.label, "--paragraph-stage",
        help="label (as `analyze` by default: paragraphs re-decided), gate (spans dropped only) or off."),
    paragraph_encoder: bool = typer.Option(
        True, "--paragraph-encoder/--no-paragraph-encoder",
        help="The stage with the paragraph-vector clue (techniques.paragraph_encoder; on by default)."),
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
        detector = TechniqueDetector(model, paragraph_stage=paragraph_stage.value,
                                     paragraph_encoder=paragraph_encoder).load()
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
    # Which stage setting made these figures: they differ by setting (docs/quality_history.md).
    if as_json:
        typer.echo(json.dumps({**asdict(report), "paragraph_stage": paragraph_stage.value,
                               "paragraph_encoder": paragraph_encoder}, indent=2))
    else:
        encoder = "" if paragraph_stage.value == "off" else \
            " (with paragraph vectors)" if paragraph_encoder else " (without paragraph vectors)"
        typer.echo(report.table() + f"\nparagraph stage: {paragraph_stage.value}{encoder}")


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
    extra_samples: Optional[list[Path]] = typer.Option(
        None, "--extra-samples",
        help="With --calibrate: also fit on these judged candidates (JSON lines of kind, features, genuine; "
             "benchmarks/compare_fresh.py --samples writes them). Repeatable."),
    stories: bool = typer.Option(True, "--stories/--no-stories", help="Also score story clustering."),
    unit: Optional[list[str]] = typer.Option(None, "--unit", help="Only this annotated unit (repeatable)."),
    oracle: bool = typer.Option(False, "--oracle",
                                help="Also report how many annotated divergences each candidate generator can reach."),
    jobs: int = AnalysisJobs,
    as_json: bool = AsJson,
    config: Optional[Path] = EvalConfig,
) -> None:
    """Where accounts diverge: conflict precision/recall per language and kind; story pair P/R/F1."""
    from ..evaluation.compare_eval import calibration_samples, evaluate_compare, read_samples
    from . import err_console, fail, options

    for path in (data / "basil", data / "tgcontest_ru_dev", annotations, *(extra_samples or [])):
        if not path.exists():
            fail(RashomonError("E001", path=path))
    try:
        opts = options(config)
        # Judged samples are read before the evaluation runs: a bad file fails at once.
        extra = [(path, read_samples(path)) for path in extra_samples or []]
    except RashomonError as err:
        fail(err)
    threshold = opts.compare.min_confidence if min_confidence is None else min_confidence
    with err_console.status("evaluating", spinner="dots") as status:
        result = evaluate_compare(data, annotations, split=split.value, min_confidence=threshold, jobs=jobs,
                                  stories=stories, options=opts, only=unit or None,
                                  on_progress=lambda msg: status.update(msg), oracle=oracle)
    if calibrate is not None:
        from ..compare.confidence import fit

        samples = calibration_samples(result, annotations)
        fitted_on = f"divergence dev set, split {split.value}"
        for path, judged in extra:
            samples += judged
            fitted_on += f" + {len(judged)} judged candidates from {path.name}"
        table = fit(samples)
        table["fitted_on"] = fitted_on
        calibrate.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")
        err_console.print(f"calibration written to {calibrate}")
    typer.echo(json.dumps(result.as_dict(), indent=2) if as_json else result.table())
