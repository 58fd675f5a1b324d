"""`rashomon entities PATH...`: who is mentioned, clustered across articles, scripts and spellings."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import RashomonError
from .flags import Config, Inputs, Jobs, OutFormat, Scheduler, ShowProgress


class Script(str, Enum):
    latin = "latin"
    cyrillic = "cyrillic"


def entities(
    paths: list[str] = Inputs,
    why: bool = typer.Option(False, "--why", help="Show every merge with the rule or score that made it."),
    fmt: OutFormat = typer.Option(OutFormat.text, "--format", "-f", help="Output format."),
    aliases: Optional[Path] = typer.Option(None, "--aliases", help="Alias file (TSV or YAML) forcing or forbidding merges."),
    prefer_script: Optional[Script] = typer.Option(None, "--prefer-script", help="Display names in this script when one exists."),
    jobs: int = Jobs,
    scheduler: Optional[str] = Scheduler,
    config: Optional[Path] = Config,
    progress: bool = ShowProgress,
) -> None:
    """Cross-article entity table: one row per person, organisation or place, with every alias."""
    from .. import __version__
    from ..resolve import cluster_entities, load_aliases
    from ..resolve.render import clusters_doc, clusters_text
    from . import analyse_inputs, fail, finish, options

    articles, errors = [], []
    try:
        rules = load_aliases(aliases) if aliases else None  # validate before the slow analysis
        articles, errors = analyse_inputs(paths, options(config), jobs=jobs, progress=progress, scheduler=scheduler)
        clusters = cluster_entities(articles, aliases=rules, prefer_script=prefer_script.value if prefer_script else None)
    except RashomonError as err:
        fail(err)
    if fmt is OutFormat.json:
        from ..render import error_dicts

        doc = {"rashomon": __version__, **clusters_doc(clusters, articles, why), "errors": error_dicts(errors)}
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        typer.echo(clusters_text(clusters, articles, why))
    finish(articles, errors)
