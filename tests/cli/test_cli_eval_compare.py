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


def test_cli_eval_compare_calibrate_with_extra_samples(tmp_path):
    # Judged candidates pooled into the refit: counted, and named in `fitted_on`.
    samples = tmp_path / "judged.jsonl"
    samples.write_text('{"kind": "quantity", "features": {"sim": 0.9}, "genuine": false}\n' * 3, encoding="utf-8")
    out = tmp_path / "table.json"
    result = CliRunner().invoke(app, [
        "eval", "compare", "--data", str(DATA), "--annotations", str(ROOT / "benchmarks" / "divergences"),
        "--split", "all", "--unit", "tg/25", "--no-stories", "--min-confidence", "0",
        "--calibrate", str(out), "--extra-samples", str(samples)])
    assert result.exit_code == 0, result.output
    table = json.loads(out.read_text(encoding="utf-8"))
    assert table["fitted_on"].endswith("+ 3 judged candidates from judged.jsonl")
    assert table["samples"]["quantity"] >= 3


@pytest.mark.parametrize("line", ['{"kind": "date"}', "not json", '{"kind": "date", "features": {"sim": "x"}, "genuine": 1}'],
                         ids=["no-features", "not-json", "not-a-number"])
def test_cli_eval_compare_bad_extra_samples_fail_first(tmp_path, line):
    # A bad file is reported before any article is analysed.
    samples = tmp_path / "bad.jsonl"
    samples.write_text(line + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "compare", "--data", str(DATA), "--calibrate", str(tmp_path / "t.json"),
                                      "--extra-samples", str(samples)])
    assert result.exit_code != 0 and "E007" in result.output and "line 1" in result.output
    assert not (tmp_path / "t.json").exists()
