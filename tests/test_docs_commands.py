"""Docs and code in step: every `rashomon ...` line in README.md and docs/ names a real command and real flags."""

from __future__ import annotations

import re
import shlex

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from tests.conftest import ROOT

runner = CliRunner()
GROUPS = {"eval", "names", "train"}  # commands that take a subcommand


def _documented() -> list[tuple[str, str]]:
    out = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for line in doc.read_text(encoding="utf-8").splitlines():
            if line.startswith("rashomon "):
                out.append((doc.name, line.split("  #")[0].strip()))
    return out


def _command(line: str) -> tuple[list[str], list[str]]:
    """(command path, --flags) of a documented command line."""
    words = shlex.split(line.replace("[", " ").replace("]", " "), comments=False)[1:]
    path = words[:2] if words and words[0] in GROUPS else words[:1]
    flags = [w.split("=")[0] for w in words if re.fullmatch(r"--[a-z][a-z-]*(=.*)?", w)]
    return path, flags


DOCUMENTED = _documented()


def test_docs_commands_found():
    assert len(DOCUMENTED) >= 20  # the README shows every command group


@pytest.mark.parametrize(("doc", "line"), DOCUMENTED, ids=[f"{d}:{l[:50]}" for d, l in DOCUMENTED])
def test_docs_commands_exist_with_their_flags(doc: str, line: str):
    path, flags = _command(line)
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, f"{doc}: `{line}` is not a command"
    for flag in flags:
        assert flag in result.output, f"{doc}: `{line}` uses {flag}, which `{' '.join(path)}` does not take"


@pytest.mark.parametrize("line", ["rashomon analyse x", "rashomon eval quote --data d", "rashomon analyze --no-such-flag x"])
def test_docs_commands_checker_rejects_wrong_lines(line: str):
    path, flags = _command(line)
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code != 0 or any(flag not in result.output for flag in flags)
