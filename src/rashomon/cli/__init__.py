"""Command-line interface: a thin layer over the library (typer + rich)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from ..errors import RashomonError
from .flags import AllowPrivate, Config, FollowLinks, Inputs, Jobs, Scheduler, ShowProgress

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    help="rashomon: who says what, and where accounts diverge, across news articles.",
)
err_console = Console(stderr=True)


class Format(str, Enum):
    json = "json"
    text = "text"
    html = "html"


@app.callback()
def _root() -> None:
    """rashomon: who says what, and where accounts diverge, across news articles."""


@app.command()
def version() -> None:
    """Print the rashomon version."""
    from .. import __version__

    typer.echo(__version__)


def fail(err: RashomonError, code: int = 2) -> None:
    """Print a user error as one line and exit (no traceback)."""
    err_console.print(f"[red]error[/red] {err}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def options(config: Optional[Path], max_bytes: Optional[int] = None, model: Optional[Path] = None,  # noqa: ANN201
            *, allow_private: bool = False, follow_links: bool = False):
    """Options from the packaged defaults, a --config file and flag overrides."""
    from ..settings import load_options

    over: dict = {"ingest": {"max_bytes": max_bytes}} if max_bytes else {}
    # A flag only ever turns these on; without it the config file decides.
    for key, on in (("allow_private", allow_private), ("follow_links", follow_links)):
        if on:
            over.setdefault("ingest", {})[key] = True
    if model is not None:
        over["techniques"] = {"model": str(model)}
    return load_options(config, **over)


@app.command()
def analyze(
    paths: list[str] = Inputs,
    fmt: Format = typer.Option(Format.json, "--format", "-f", help="Output format."),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (json/text) or directory (html)."),
    jobs: int = Jobs,
    scheduler: Optional[str] = Scheduler,
    config: Optional[Path] = Config,
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", min=1, help="Refuse larger inputs (E005)."),
    model: Optional[Path] = typer.Option(None, "--model", help="Techniques model from `rashomon train techniques`."),
    progress: bool = ShowProgress,
    allow_private: bool = AllowPrivate,
    follow_links: bool = FollowLinks,
) -> None:
    """Analyse articles: entities, quotes, claims, techniques, with character spans."""
    from ..render import open_writer

    written, errors = 0, []
    try:
        opts = options(config, max_bytes, model, allow_private=allow_private, follow_links=follow_links)
        writer = open_writer(fmt.value, out)
        # Each article is written as it finishes and then dropped: memory stays flat.
        for item in analysed_items(paths, opts, jobs=jobs, progress=progress, scheduler=scheduler):
            if isinstance(item, RashomonError):
                errors.append(item)
            else:
                writer.add(item)
                written += 1
        writer.close(errors)
    except RashomonError as err:
        fail(err)
    finish(written, errors)


def analysed_items(paths: list[str], opts, *, jobs: int = 1, progress: bool = True, scheduler=None):  # noqa: ANN001, ANN201
    """Analysed articles and error items in input order, with a progress bar; errors printed as they come."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..api import Analyzer
    from ..batch import count

    if isinstance(scheduler, str):
        from ..scaleout import parse_scheduler

        parse_scheduler(scheduler)  # E150 before any progress is shown
    total = count(paths)
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        disable=not (progress and total > 1),
    ) as bar:
        task = bar.add_task("analysing", total=total)
        for item in Analyzer(opts).pipe(paths, jobs=jobs, scheduler=scheduler):
            bar.advance(task)
            if isinstance(item, RashomonError):
                err_console.print(f"[red]error[/red] {item}", highlight=False, soft_wrap=True)
            yield item


def analyse_inputs(paths: list[str], opts, *, jobs: int = 1, progress: bool = True, keep=None,  # noqa: ANN001, ANN201
                   scheduler=None):
    """Every analysed article (passed through `keep`, e.g. a slim copy) and every error, as two lists."""
    articles, errors = [], []
    for item in analysed_items(paths, opts, jobs=jobs, progress=progress, scheduler=scheduler):
        if isinstance(item, RashomonError):
            errors.append(item)
        else:
            articles.append(keep(item) if keep else item)
    return articles, errors


def finish(articles: list | int, errors: list) -> None:
    """Exit 1 with a summary line when any input failed (the others were still processed)."""
    if errors:
        n = articles if isinstance(articles, int) else len(articles)
        err_console.print(f"{len(errors)} input(s) failed, {n} article(s) analysed", highlight=False)
        raise typer.Exit(1)


def _register() -> None:
    """Attach the command groups; each lives in its own module and imports lazily."""
    from .compare import compare
    from .entities import entities
    from .evaluate import eval_app
    from .names import eval_names, names_app
    from .train import train_app

    app.add_typer(eval_app, name="eval")
    eval_app.command("names")(eval_names)
    app.add_typer(names_app, name="names")
    app.add_typer(train_app, name="train")
    app.command("entities")(entities)
    app.command("compare")(compare)
    from .store import register as register_store

    register_store(app)
    from .watch import watch

    app.command("watch")(watch)


_register()


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:  # e.g. `rashomon analyze ... | head`
        sys.stderr.close()


if __name__ == "__main__":
    main()
