"""`--scheduler local:2` (a real Dask LocalCluster) gives the same output as `--jobs 1`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from tests.conftest import FIXTURES, SEEDS

pytestmark = pytest.mark.slow


def _inputs() -> list[str]:
    paths = [str(FIXTURES / "en_summit.txt"), str(FIXTURES / "ru_summit.txt"), str(FIXTURES / "en_harbour.html")]
    return paths + ([str(SEEDS)] if SEEDS.exists() else [])


def _run(*args: str) -> dict:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout[result.stdout.index("{"):])
    doc.pop("version", None)
    return doc


def test_cli_scheduler_analyze_equals_jobs_1() -> None:
    local = _run("analyze", *_inputs(), "--jobs", "1", "--no-progress")
    dask = _run("analyze", *_inputs(), "--scheduler", "local:2", "--no-progress")
    assert dask == local


def test_cli_scheduler_compare_equals_jobs_1() -> None:
    local = _run("compare", *_inputs(), "--jobs", "1", "--no-progress", "--min-confidence", "0")
    dask = _run("compare", *_inputs(), "--scheduler", "local:2", "--no-progress", "--min-confidence", "0")
    assert dask == local


def test_cli_scheduler_ingest_is_idempotent(tmp_path: Path) -> None:
    db = str(tmp_path / "corpus.sqlite")
    first = CliRunner().invoke(app, ["ingest", *_inputs(), "--db", db, "--scheduler", "local:2", "--no-progress"])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(app, ["ingest", *_inputs(), "--db", db, "--scheduler", "local:2", "--no-progress"])
    assert again.exit_code == 0, again.output
    assert "added 0" in again.output


@pytest.mark.parametrize("spec", ["local:0", "bogus"])
def test_cli_scheduler_invalid_is_e150(spec: str) -> None:
    result = CliRunner().invoke(app, ["analyze", str(FIXTURES / "en_summit.txt"), "--scheduler", spec])
    assert result.exit_code == 2 and "E150" in result.output
