"""`rashomon compare`: where accounts agree and diverge across articles and sources."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import RashomonError
from .flags import AllowPrivate, AnalysisJobs, Config, FollowLinks, Scheduler, ShowProgress


class CompareFormat(str, Enum):
    json = "json"
    text = "text"
    html = "html"


def _cluster(scheduler: Optional[str], opts):  # noqa: ANN001, ANN202 - a context manager
    """A Dask client for `--scheduler`, or nothing (this machine's worker processes)."""
    if scheduler is None:
        from contextlib import nullcontext

        return nullcontext(None)
    from ..scaleout import connect

    return connect(scheduler, opts)


def compare(
    paths: list[str] = typer.Argument(..., help="Articles: files, directories, URLs, or - for stdin."),
    fmt: CompareFormat = typer.Option(CompareFormat.json, "--format", "-f", help="Output format."),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    jobs: int = AnalysisJobs,
    scheduler: Optional[str] = Scheduler,
    aliases: Optional[Path] = typer.Option(None, "--aliases", help="Alias file forcing or forbidding merges."),
    config: Optional[Path] = Config,
    min_confidence: Optional[float] = typer.Option(
        None, "--min-confidence", min=0.0, max=1.0,
        help="List conflicts at least this confident (0-1; default: [compare] min_confidence, 0.5). 0 lists all."),
    progress: bool = ShowProgress,
    allow_private: bool = AllowPrivate,
    follow_links: bool = FollowLinks,
) -> None:
    """Compare articles: stories, conflicts ranked by confidence, updates, agreements, unique claims."""
    from ..compare import compare_articles
    from . import analyse_inputs, err_console, fail, finish, options

    rules = None
    try:
        opts = options(config, allow_private=allow_private, follow_links=follow_links)
        if aliases is not None:
            from ..resolve import load_aliases

            rules = load_aliases(aliases)
        from ..compare.slim import slim_for_compare

        # Comparison needs every article at once: hold slim copies, not full analyses.
        display = fmt is CompareFormat.html
        with _cluster(scheduler, opts) as client:  # one Dask client for analysis and alignment
            articles, errors = analyse_inputs(paths, opts, jobs=jobs, progress=progress, scheduler=client,
                                              keep=lambda art: slim_for_compare(art, display=display))
            with err_console.status("comparing", spinner="dots"):
                comparison = compare_articles(articles, aliases=rules, min_confidence=min_confidence, options=opts,
                                              client=client)
        if errors:
            comparison.errors = [{"code": e.code, "message": str(e), "path": e.path or ""} for e in errors]
        if fmt is CompareFormat.json:
            rendered = json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2)
        elif fmt is CompareFormat.text:
            from ..render.compare_text import render_compare_text

            rendered = render_compare_text(comparison)
        else:
            from ..render.compare_html import render_compare_page

            rendered = render_compare_page(comparison, articles)
        rendered += "" if rendered.endswith("\n") else "\n"  # a file ends with a newline, as stdout does
        if out is None:
            sys.stdout.write(rendered)
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(rendered, encoding="utf-8")
    except RashomonError as err:
        fail(err)
    finish(articles, errors)
