"""`rashomon eval compare --format divergences` on two real annotated units (slow: analyses them)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from tests.conftest import DATA, ROOT

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not DATA.exists(), reason="../shared/data is absent (a fresh clone has no corpora)")]


def test_cli_eval_compare_scores_units():
    result = CliRunner().invoke(app, [
        "eval", "compare", "--data", str(DATA), "--annotations", str(ROOT / "benchmarks" / "divergences"),
        "--split", "all", "--unit", "tg/19", "--unit", "tg/25", "--no-stories", "--min-confidence", "0", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output[result.output.index("{"):])
    assert doc["units"] == 2 and doc["split"] == "all"
    overall = doc["conflicts"]["overall"]
    assert overall["gold"] >= 2  # both pairs hold annotated divergences
    assert set(doc["conflicts"]["by_language"]) <= {"ru"}


def test_cli_eval_compare_missing_data_is_a_coded_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", "compare", "--data", str(tmp_path)])
    assert result.exit_code != 0 and "E001" in result.output
