"""`rashomon names match` and `rashomon eval names` through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("Lukashenko", "Лукашэнка", True), ("Homel", "Homiel", True), ("Alyaksandr Lukashenka", "Alyaksandr Fyaduta", False),
     ("Zakharov", "Zakharova", False)],
)
def test_cli_names_match_two_names_json(a: str, b: str, same: bool) -> None:
    result = runner.invoke(app, ["names", "match", a, b, "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) == {"a", "b", "score", "same", "why"} and doc["same"] is same and doc["why"]


def test_cli_names_match_text() -> None:
    result = runner.invoke(app, ["names", "match", "Fyaduta", "Федута"])
    assert result.exit_code == 0 and result.stdout.startswith("same\tscore 1.00\t")


def test_cli_names_match_pairs_file_and_stdin(tmp_path: Path) -> None:
    text = "Lukashenko\tЛукашэнка\nZakharov\tZakharova\t0\n"
    path = tmp_path / "p.tsv"
    path.write_text(text, encoding="utf-8")
    for args, stdin in ((["--pairs", str(path)], None), (["--pairs", "-"], text)):
        result = runner.invoke(app, ["names", "match", *args, "--format", "json"], input=stdin)
        assert result.exit_code == 0, result.output
        doc = json.loads(result.stdout)
        assert [p["same"] for p in doc["pairs"]] == [True, False]
        assert set(doc["pairs"][0]) == {"a", "b", "score", "same", "why"} and doc["pairs"][1]["label"] is False
        assert doc["scores"]["false_merge_rate"] == 0.0


def test_cli_names_match_pairs_translit_format_joins_letters(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("rommel\tр о м м е л ь\t10\nsibley\tс и б л и\t8\n", encoding="utf-8")
    result = runner.invoke(app, ["names", "match", "--pairs", str(path), "--format", "json"])
    doc = json.loads(result.stdout)
    assert [p["b"] for p in doc["pairs"]] == ["роммель", "сибли"] and all(p["label"] for p in doc["pairs"])


@pytest.mark.parametrize(
    ("args", "text", "code"),
    [([], None, "E065"), (["A"], None, "E065"), (["A", "B", "--pairs", "x.tsv"], None, "E065"),
     (["--pairs", "missing.tsv"], None, "E001"), (["--pairs", "-"], "only-one-column\n", "E064"),
     (["--pairs", "-"], "a\tb\tmaybe\n", "E064")],
)
def test_cli_names_match_errors_are_one_line(args: list[str], text: str | None, code: str) -> None:
    result = runner.invoke(app, ["names", "match", *args], input=text)
    assert result.exit_code == 2
    assert code in result.output and "Traceback" not in result.output


def test_cli_names_eval_labelled_pairs(tmp_path: Path) -> None:
    path = tmp_path / "l.tsv"
    path.write_text("Lukashenko\tЛукашэнка\t1\nHomel\tГомель\tsame\nZakharov\tZakharova\t0\nIvanov\tPetrov\t0\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["eval", "names", "--pairs", str(path), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["format"] == "labelled" and doc["recall"] == 1.0 and doc["false_merge_rate"] == 0.0
    assert doc["tp"] == 2 and doc["tn"] == 2


def test_cli_names_eval_needs_labels(tmp_path: Path) -> None:
    path = tmp_path / "l.tsv"
    path.write_text("Lukashenko\tЛукашэнка\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "names", "--pairs", str(path)])
    assert result.exit_code == 2 and "E064" in result.output and "line 1" in result.output


def test_cli_names_eval_translit_builds_shuffled_negatives(tmp_path: Path) -> None:
    rows = [("rommel", "роммель"), ("sibley", "сибли"), ("kowalski", "ковальски"), ("lukashenko", "лукашенко"),
            ("putin", "путин"), ("goltz", "гольц")]
    path = tmp_path / "t.tsv"
    path.write_text("".join(f"{a}\t{' '.join(b)}\t1\n" for a, b in rows), encoding="utf-8")
    result = runner.invoke(app, ["eval", "names", "--pairs", str(path), "--json"])
    doc = json.loads(result.stdout)
    assert doc["format"] == "translit" and doc["tp"] + doc["fn"] == 6 and doc["fp"] + doc["tn"] == 6
    assert doc["recall"] >= 0.8 and doc["false_merge_rate"] == 0.0


@pytest.mark.slow
def test_cli_names_eval_heldout_corpus_meets_acceptance() -> None:
    corpus = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "translit_en_ru" / "train.tsv"
    if not corpus.is_file():
        pytest.skip(f"{corpus} is absent")
    result = runner.invoke(app, ["eval", "names", "--pairs", str(corpus), "--heldout", "--json"])
    doc = json.loads(result.stdout)
    assert doc["split"] == "heldout" and doc["tp"] + doc["fn"] > 5000
    assert doc["recall"] >= 0.95 and doc["false_merge_rate"] <= 0.005
