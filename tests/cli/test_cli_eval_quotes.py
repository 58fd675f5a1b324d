"""`rashomon eval quotes` over an attribution set: corpus texts read at run time, offsets scored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app

TEXT = "Министр заявил, что поставки возобновятся в мае. Погода была тёплой."


def _corpora(tmp_path: Path) -> Path:
    tg = tmp_path / "data" / "tgcontest_ru_dev"
    tg.mkdir(parents=True)
    (tg / "pairs.jsonl").write_text(json.dumps({"lang": "ru", "first_text": TEXT, "second_text": TEXT},
                                               ensure_ascii=False) + "\n", encoding="utf-8")
    return tmp_path / "data"


def _set(tmp_path: Path) -> Path:
    folder = tmp_path / "set"
    folder.mkdir()
    span = lambda part: [TEXT.index(part), TEXT.index(part) + len(part)]  # noqa: E731
    records = [{"doc": "tg/1/first", "annotated": True},
               {"doc": "tg/1/first", "source": [span("Министр")], "cue": [span("заявил")],
                "content": [span("поставки возобновятся в мае")]}]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt, split", [("brat", "tune"), ("attribution-set", "dev"), ("attribution-set", "rest")])
def test_cli_eval_quotes_split_must_fit_format(tmp_path: Path, fmt: str, split: str) -> None:
    result = CliRunner().invoke(app, ["eval", "quotes", "--format", fmt, "--data", str(tmp_path), "--split", split])
    assert result.exit_code == 2 and "--split" in result.output


def test_cli_eval_quotes_attribution_set_missing_is_a_coded_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "quotes", "--format", "attribution-set", "--data", str(tmp_path)])
    assert result.exit_code != 0 and "E001" in result.output


@pytest.mark.parametrize(("components", "code"), [('["segment", "nope"]', "E021"), ('["langid"]', "E020")])
def test_cli_eval_quotes_unbuildable_pipeline_is_a_coded_error(tmp_path: Path, components: str, code: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(f"[pipeline]\ncomponents = {components}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "quotes", "--format", "attribution-set", "--data", str(_set(tmp_path)),
                                      "--corpora", str(_corpora(tmp_path)), "--config", str(config)])
    assert result.exit_code == 2 and code in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback


@pytest.mark.slow
def test_cli_eval_quotes_attribution_set_scores(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "quotes", "--format", "attribution-set", "--data", str(_set(tmp_path)),
                                      "--corpora", str(_corpora(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output[result.output.index("{"):])
    assert doc["documents"] == 1
    assert doc["content_overlap"]["n_gold"] == 1
    assert doc["content_overlap"]["f1"] == 1.0  # a plain «X заявил, что …» sentence is found
