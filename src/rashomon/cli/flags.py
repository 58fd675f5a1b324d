"""Flags shared by every command that reads inputs (analyze, compare, ingest)."""

from __future__ import annotations

import typer

AllowPrivate = typer.Option(
    False, "--allow-private",
    help="Fetch URLs (and redirects) to private, loopback and link-local addresses (else E016).",
)
FollowLinks = typer.Option(
    False, "--follow-links",
    help="Read symbolic links inside input folders that lead outside them (else skipped, E017).",
)
