"""Options and choices shared by several commands, defined once (same flag, same help everywhere)."""

from __future__ import annotations

from enum import Enum

import typer

AllowPrivate = typer.Option(
    False, "--allow-private",
    help="Fetch URLs (and redirects) to private, loopback and link-local addresses (else E016).",
)
FollowLinks = typer.Option(
    False, "--follow-links",
    help="Read symbolic links inside input folders that lead outside them (else skipped, E017).",
)
Inputs = typer.Argument(..., help="Files, directories, http(s) URLs, or - for stdin.")
Jobs = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes (models load once per process).")
AnalysisJobs = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for the analysis.")
Scheduler = typer.Option(
    None, "--scheduler",
    help="Analyse on a Dask cluster: tcp://HOST:8786, or local:N to start N local workers (replaces --jobs).",
)
Config = typer.Option(None, "--config", help="TOML file overriding packaged defaults.")
EvalConfig = typer.Option(None, "--config", help="TOML config overriding defaults.")
ShowProgress = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr.")
AsJson = typer.Option(False, "--json", help="Print JSON instead of a table.")


def choices(name: str, *values: str) -> type[Enum]:
    """A str Enum whose members are named and valued `values`: the choices of one option."""
    return Enum(name, [(v, v) for v in values], type=str)


OutFormat = choices("OutFormat", "json", "text")
