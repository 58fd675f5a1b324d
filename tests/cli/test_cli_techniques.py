"""`rashomon train techniques`, `rashomon eval techniques` and `analyze --model` on a corpus we write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app

runner = CliRunner()

# Sentences written for these tests; (phrase, label) pairs are annotated where they occur.
SENTENCES = [
    ("The corrupt regime of thugs crushed the peaceful march again.", [("corrupt regime of thugs", "Name_Calling,Labeling")]),
    ("Officials said the bridge would reopen on Monday.", []),
    ("This shameful, disgusting betrayal will never be forgotten.", [("shameful, disgusting betrayal", "Loaded_Language")]),
    ("Residents queued for water at the station.", []),
    ("These puppets of a rotten clique lie every single day.", [("puppets of a rotten clique", "Name_Calling,Labeling")]),
    ("A monstrous, barbaric crime shocked the whole nation.", [("monstrous, barbaric crime", "Loaded_Language")]),
    ("The council will publish its budget next week.", []),
]


def _corpus(root: Path, n_articles: int = 6) -> Path:
    """A PTC-2020 style folder: train-articles/article<ID>.txt and train-labels-TC/*.labels."""
    arts, labels = root / "train-articles", root / "train-labels-TC"
    arts.mkdir(parents=True)
    labels.mkdir()
    for k in range(n_articles):
        aid = f"90000{k}"
        order = SENTENCES[k % len(SENTENCES):] + SENTENCES[: k % len(SENTENCES)]
        text = "\n\n".join(s for s, _ in order) + "\n"
        rows = []
        for sentence, spans in order:
            base = text.index(sentence)
            for phrase, label in spans:
                start = base + sentence.index(phrase)
                rows.append(f"{aid}\t{label}\t{start}\t{start + len(phrase)}")
        (arts / f"article{aid}.txt").write_text(text, encoding="utf-8", newline="")
        (labels / f"article{aid}.task2-TC.labels").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_cli_techniques_eval_ptc_reports_span_scores(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "ptc")
    result = runner.invoke(app, ["eval", "techniques", "--format", "ptc", "--articles", str(root / "train-articles"),
                                 "--labels", str(root / "train-labels-TC"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n_articles"] == 6
    assert 0 < report["si"]["f1"] <= 1  # the shipped model finds some of these loaded phrases
    assert {"si", "labelled", "per_label"} <= set(report)
    # the same predictions per line, against line labels derived from the gold spans
    assert report["paragraphs"]["n_paragraphs"] == 6 * len(SENTENCES)
    assert 0 < report["paragraphs"]["micro"]["f1"] <= 1


def _semeval(root: Path) -> Path:
    """The same sentences in SemEval-2023 subtask-3 layout: articles, line labels, span labels."""
    ptc = _corpus(root / "ptc")
    arts, spans = root / "train-articles-subtask-3", root / "train-labels-subtask-3-spans"
    arts.mkdir()
    spans.mkdir()
    lines = []
    for f in sorted((ptc / "train-articles").iterdir()):
        aid = f.stem.removeprefix("article")
        text = f.read_text(encoding="utf-8")
        (arts / f.name).write_text(text, encoding="utf-8", newline="")
        rows = (ptc / "train-labels-TC" / f"article{aid}.task2-TC.labels").read_text(encoding="utf-8").split()
        span_rows = []
        for n, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                labels = {label.replace(",", "-") for phrase, label in dict(SENTENCES).get(line, [])}
                lines.append(f"{aid}\t{n}\t{','.join(sorted(labels))}")
        for k in range(0, len(rows), 4):
            _, label, start, end = rows[k : k + 4]
            span_rows.append(f"{aid}\t{label.replace(',', '-')}\t{start}\t{end}")
        (spans / f"article{aid}-labels-subtask-3.txt").write_text("\n".join(span_rows) + "\n", encoding="utf-8")
    (root / "train-labels-subtask-3.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_cli_techniques_eval_semeval23_paragraphs_and_spans(tmp_path: Path) -> None:
    root = _semeval(tmp_path / "se")
    result = runner.invoke(app, ["eval", "techniques", "--format", "semeval23", "--articles",
                                 str(root / "train-articles-subtask-3"), "--labels", str(root / "train-labels-subtask-3.txt"),
                                 "--spans", str(root / "train-labels-subtask-3-spans"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n_paragraphs"] == 6 * len(SENTENCES)
    assert 0 < report["micro"]["f1"] <= 1 and report["spans"]["n_articles"] == 6
    table = runner.invoke(app, ["eval", "techniques", "--format", "semeval23", "--articles",
                                str(root / "train-articles-subtask-3"), "--labels", str(root / "train-labels-subtask-3.txt")])
    assert table.exit_code == 0 and "| micro |" in table.stdout
    # the default, named with its figures
    assert table.stdout.rstrip().endswith("paragraph stage: label (with paragraph vectors)")


@pytest.mark.parametrize("mode", ["gate", "label", "off"])
def test_cli_techniques_eval_paragraph_stage_modes(tmp_path: Path, mode: str) -> None:
    root = _semeval(tmp_path / "se")
    args = ["eval", "techniques", "--format", "semeval23", "--articles", str(root / "train-articles-subtask-3"),
            "--labels", str(root / "train-labels-subtask-3.txt"), "--paragraph-stage", mode, "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["n_paragraphs"] == 6 * len(SENTENCES) and doc["paragraph_stage"] == mode


def test_cli_techniques_eval_paragraph_stage_rejects_unknown(tmp_path: Path) -> None:
    root = _semeval(tmp_path / "se")
    result = runner.invoke(app, ["eval", "techniques", "--format", "semeval23", "--articles",
                                 str(root / "train-articles-subtask-3"), "--labels",
                                 str(root / "train-labels-subtask-3.txt"), "--paragraph-stage", "sometimes"])
    assert result.exit_code != 0


def _train(root: Path, out: Path, folds: int) -> dict:
    """`rashomon train techniques` on a toy corpus; the written model.json."""
    pytest.importorskip("scipy")
    result = runner.invoke(app, ["train", "techniques", "--data", str(root), "-o", str(out), "--folds", str(folds),
                                 "--min-examples", "2"])
    assert result.exit_code == 0, result.output
    assert (out / "model.json").is_file() and (out / "MODEL_CARD.md").read_text(encoding="utf-8").strip()
    return json.loads((out / "model.json").read_text(encoding="utf-8"))


def test_cli_techniques_train_then_use_model(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "ptc")
    out = tmp_path / "model"
    meta = _train(root, out, 2)
    assert set(meta["labels"]) == {"Name_Calling-Labeling", "Loaded_Language"}  # PTC names mapped to 2023
    assert "paragraph_stage" not in meta  # PTC-2020 has no paragraph labels to fit it on
    assert "paragraph_stage_encoded" not in meta
    scored = runner.invoke(app, ["eval", "techniques", "--format", "ptc", "--model", str(out), "--articles",
                                 str(root / "train-articles"), "--labels", str(root / "train-labels-TC"), "--json"])
    assert scored.exit_code == 0, scored.output
    doc = tmp_path / "doc.txt"
    doc.write_text("Headline\n\nThe corrupt regime of thugs crushed the peaceful march again.\n", encoding="utf-8")
    analysed = runner.invoke(app, ["analyze", "--model", str(out), str(doc), "--format", "json"])
    assert analysed.exit_code == 0, analysed.output


def test_cli_techniques_train_semeval_stores_paragraph_stage(tmp_path: Path) -> None:
    root = _semeval(tmp_path / "se")
    out = tmp_path / "model"
    meta = _train(root, out, 3)
    stage = meta["paragraph_stage"]
    assert stage["labels"] == meta["labels"] and set(stage["thresholds"]) == {"en"}
    assert "## Paragraph stage" in (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    for mode in ("gate", "label"):
        scored = runner.invoke(app, ["eval", "techniques", "--format", "semeval23", "--model", str(out),
                                     "--articles", str(root / "train-articles-subtask-3"),
                                     "--labels", str(root / "train-labels-subtask-3.txt"), "--paragraph-stage", mode])
        assert scored.exit_code == 0, scored.output
    # The encoder variant is fitted and stored beside it, and `--paragraph-encoder` scores with it.
    encoded = meta["paragraph_stage_encoded"]
    assert encoded["features"][-1] == "emb" and len(encoded["encoder"]["weights"]) == len(meta["labels"])
    assert "paragraph_encoder" in (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    scored = runner.invoke(app, ["eval", "techniques", "--format", "semeval23", "--model", str(out),
                                 "--articles", str(root / "train-articles-subtask-3"),
                                 "--labels", str(root / "train-labels-subtask-3.txt"), "--paragraph-encoder", "--json"])
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.stdout)["paragraph_encoder"] is True


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["eval", "techniques", "--format", "ptc", "--articles", "/nonexistent/a", "--labels", "/nonexistent/b"], "E001"),
        (["train", "techniques", "--data", "/nonexistent/corpus", "-o", "/tmp/never"], "E001"),
    ],
)
def test_cli_techniques_missing_paths_are_coded_errors(args: list[str], code: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and code in result.output


def test_cli_techniques_bad_model_dir_is_e090(tmp_path: Path) -> None:
    (tmp_path / "model.json").write_text("{not json", encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("A short neutral sentence about the weather today.\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", "--model", str(tmp_path), str(doc)])
    assert result.exit_code == 2 and "E090" in result.output


def test_cli_techniques_empty_training_folder_is_e092(tmp_path: Path) -> None:
    pytest.importorskip("scipy")
    root = _corpus(tmp_path / "ptc")
    for f in (root / "train-labels-TC").iterdir():
        f.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["train", "techniques", "--data", str(root), "-o", str(tmp_path / "m")])
    assert result.exit_code == 2 and "E092" in result.output
