"""`rashomon compare --min-confidence X`: range-checked, overrides the config, reaches the
engine; the JSON keeps `errors` for failed inputs; with the real engine, a conflict just under
the threshold is held back and counted in `hidden_conflicts`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from tests.compare.handbuilt import ACTIVISTS, POLICE, sample_comparison

LIGHT = '[pipeline]\ncomponents = ["segment", "langid"]\n[compare]\nmin_confidence = 0.65\n'


@pytest.fixture
def inputs(tmp_path):  # noqa: ANN201 - (config path, [article paths])
    cfg = tmp_path / "light.toml"
    cfg.write_text(LIGHT, encoding="utf-8")
    paths = []
    for name, text in (("police.txt", POLICE), ("activists.txt", ACTIVISTS)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    return cfg, paths


@pytest.fixture
def recorded(monkeypatch):  # noqa: ANN201 - list of the engine calls' keyword arguments
    from rashomon import compare as compare_module

    calls: list[dict] = []

    def engine(articles, **kw):  # noqa: ANN001, ANN003, ANN202
        calls.append(kw)
        threshold = kw["min_confidence"] if kw["min_confidence"] is not None else kw["options"].compare.min_confidence
        return sample_comparison(min_confidence=threshold)

    monkeypatch.setattr(compare_module, "compare_articles", engine)
    return calls


@pytest.mark.parametrize("value", ["-0.1", "1.5", "high"])
def test_cli_compare_min_confidence_out_of_range(value, inputs, recorded):
    cfg, paths = inputs
    result = CliRunner().invoke(app, ["compare", *paths, "--config", str(cfg), "--no-progress",
                                      "--min-confidence", value])
    assert result.exit_code == 2 and "--min-confidence" in result.output
    assert recorded == []


@pytest.mark.parametrize("flag,expected", [(None, 0.65), ("0", 0.0), ("0.8", 0.8), ("1", 1.0)])
def test_cli_compare_min_confidence_reaches_engine(flag, expected, inputs, recorded):
    cfg, paths = inputs
    extra = ["--min-confidence", flag] if flag is not None else []
    result = CliRunner().invoke(app, ["compare", *paths, "--config", str(cfg), "--no-progress", *extra])
    assert result.exit_code == 0, result.output
    (kw,) = recorded
    assert kw["options"].compare.min_confidence == 0.65  # the config file's value
    assert kw["min_confidence"] == (None if flag is None else expected)
    doc = json.loads(result.stdout)
    assert doc["min_confidence"] == expected and doc["hidden_conflicts"] == 2
    assert [c["confidence"] for c in doc["conflicts"]] == [0.61, 0.93, 0.77]  # JSON keeps the engine's list
    assert "errors" not in doc


def test_cli_compare_min_confidence_text_ranks_and_errors_stay(inputs, recorded, tmp_path):
    cfg, paths = inputs
    runner = CliRunner()
    text = runner.invoke(app, ["compare", *paths, "--config", str(cfg), "--no-progress", "--format", "text",
                               "--min-confidence", "0.5"])
    assert text.exit_code == 0
    assert text.stdout.index("0.93 x2") < text.stdout.index("0.77 x3") < text.stdout.index("0.61 x1")
    assert "2 more conflicts below confidence 0.5; --min-confidence 0 shows all" in text.stdout
    # One input fails: it is reported in the JSON, the others are still compared, exit 1.
    missing = str(tmp_path / "missing.txt")
    bad = runner.invoke(app, ["compare", *paths, missing, "--config", str(cfg), "--no-progress"])
    assert bad.exit_code == 1
    doc = json.loads(bad.stdout)
    assert [e["path"] for e in doc["errors"]] == [missing] and doc["errors"][0]["code"].startswith("E")
    assert len(doc["conflicts"]) == 3


@pytest.mark.slow
def test_cli_compare_min_confidence_real_engine(tmp_path):
    """The real pipeline and engine: raising the threshold just above a conflict hides it."""
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Police in Minsk said 30 people were detained at the rally on Sunday.\n", encoding="utf-8")
    b.write_text("Activists in Minsk said 200 people were detained at the rally on Sunday.\n", encoding="utf-8")
    runner = CliRunner()
    everything = runner.invoke(app, ["compare", str(a), str(b), "--no-progress", "--min-confidence", "0"])
    assert everything.exit_code == 0, everything.output
    doc = json.loads(everything.stdout)
    assert doc["hidden_conflicts"] == 0 and doc["conflicts"]
    confs = [c["confidence"] for c in doc["conflicts"]]
    assert confs == sorted(confs, reverse=True)
    top = max(confs)
    if top >= 1.0:
        pytest.skip("the top conflict is fully confident: no threshold can hide it")
    raised = runner.invoke(app, ["compare", str(a), str(b), "--no-progress", "--min-confidence", f"{top + 0.001:.3f}"])
    assert raised.exit_code == 0, raised.output
    doc2 = json.loads(raised.stdout)
    assert doc2["conflicts"] == [] and doc2["hidden_conflicts"] == len(confs)


@pytest.mark.parametrize("fmt", ["json", "text", "html"])
def test_cli_compare_output_file_ends_with_newline(fmt, inputs, recorded, tmp_path):
    # `-o FILE` writes what stdout would show, its final newline included.
    cfg, paths = inputs
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(app, ["compare", *paths, "--config", str(cfg), "--no-progress",
                                      "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = out.read_text(encoding="utf-8")
    assert written.endswith("\n") and not written.endswith("\n\n")
    shown = CliRunner().invoke(app, ["compare", *paths, "--config", str(cfg), "--no-progress", "--format", fmt])
    assert shown.stdout == written
