"""`rashomon entities`: cross-article table, --why explanations, aliases, bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAIR = [str(FIXTURES / "en_summit.txt"), str(FIXTURES / "ru_summit.txt")]


def test_cli_entities_bad_alias_file_fails_before_analysis(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("same\tMinsk\n", encoding="utf-8")
    result = runner.invoke(app, ["entities", *PAIR, "--aliases", str(path)])
    assert result.exit_code == 2 and "E061" in result.output and "line 1" in result.output


def test_cli_entities_rejects_unknown_script() -> None:
    result = runner.invoke(app, ["entities", *PAIR, "--prefer-script", "greek"])
    assert result.exit_code == 2


@pytest.mark.slow
def test_cli_entities_json_why_cross_script() -> None:
    result = runner.invoke(app, ["entities", *PAIR, "--format", "json", "--why", "--no-progress"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) >= {"rashomon", "articles", "entities", "errors"}
    anna = next(e for e in doc["entities"] if "Anna Kowalczyk" in e["aliases"])
    assert "Анна Ковальчик" in anna["aliases"] and len(anna["articles"]) == 2
    for ent in doc["entities"]:
        assert len(ent["merges"]) == len(ent["members"]) - 1


@pytest.mark.slow
def test_cli_entities_text_prefer_cyrillic_and_aliases(tmp_path: Path) -> None:
    aliases = tmp_path / "a.yaml"
    aliases.write_text("different:\n  - [Brest, Брест]\n", encoding="utf-8")
    result = runner.invoke(app, ["entities", *PAIR, "--prefer-script", "cyrillic", "--aliases", str(aliases), "--why"])
    assert result.exit_code == 0, result.output
    assert "Анна Ковальчик" in result.stdout and "+ same-person" in result.stdout
    brest = [line for line in result.stdout.splitlines() if "Брест" in line and line.startswith("E")]
    assert len(brest) == 1 and "Brest" not in brest[0]


@pytest.mark.slow
def test_cli_entities_bad_input_reported_rest_processed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["entities", *PAIR, str(empty), "--format", "json", "--no-progress"])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert len(doc["articles"]) == 2 and doc["errors"][0]["code"] == "E002"
