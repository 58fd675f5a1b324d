"""`rashomon names match` and `rashomon eval names`: compare names and measure the matcher."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import RashomonError
from .flags import AsJson, OutFormat

names_app = typer.Typer(no_args_is_help=True, help="Compare names across scripts and romanisations.")


class Split(str, Enum):
    all = "all"
    heldout = "heldout"
    dev = "dev"
    train = "train"


def _read_pairs(path: str):  # noqa: ANN202 - (rows, translit)
    """Pair rows from a file or stdin ('-'), as coded errors on failure."""
    from ..names.evaluate import PairsFormatError, parse_pair_rows

    if path == "-":
        text = sys.stdin.read()
    else:
        p = Path(path)
        if not p.is_file():
            raise RashomonError("E001", path=path)
        try:
            text = p.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise RashomonError("E004", tried="utf-8", path=path) from None
    try:
        return parse_pair_rows(text)
    except PairsFormatError as err:
        raise RashomonError("E064", path=path, line=err.line, detail=err.detail) from None


def _match_dict(m, label: Optional[bool] = None) -> dict[str, object]:  # noqa: ANN001
    out: dict[str, object] = {"a": m.a, "b": m.b, "score": round(m.score, 4), "same": m.same, "why": m.why}
    if label is not None:
        out["label"] = label
    return out


def _compare(a: str, b: str):  # noqa: ANN202 - Match
    """Full person names compare as persons (a shared first name is not enough); words as names."""
    from ..names import match_names, same_person

    return same_person(a, b) if len(a.split()) > 1 and len(b.split()) > 1 else match_names(a, b)


@names_app.command("match")
def match(
    a: Optional[str] = typer.Argument(None, help="First name (any script)."),
    b: Optional[str] = typer.Argument(None, help="Second name."),
    pairs: Optional[str] = typer.Option(None, "--pairs", help="TSV of 'a<TAB>b[<TAB>label]' lines; - for stdin."),
    fmt: OutFormat = typer.Option(OutFormat.text, "--format", "-f", help="Output format."),
) -> None:
    """Say whether two spellings are the same name, with a score and the rule that decided."""
    from . import fail

    if (pairs is None) == (a is None or b is None) or (pairs is not None and a is not None):
        fail(RashomonError("E065"))
    if pairs is None:
        m = _compare(a, b)  # type: ignore[arg-type]
        if fmt is OutFormat.json:
            typer.echo(json.dumps(_match_dict(m), ensure_ascii=False, indent=2))
        else:
            typer.echo(f"{'same' if m.same else 'different'}\tscore {m.score:.2f}\t{m.why}")
        return
    from ..names.evaluate import LabelledPair, score_pairs

    try:
        rows, _ = _read_pairs(pairs)
    except RashomonError as err:
        fail(err)
    results = [(_compare(r.a, r.b), r.label) for r in rows]
    if fmt is OutFormat.json:
        doc: dict[str, object] = {"pairs": [_match_dict(m, label) for m, label in results]}
        labelled = [LabelledPair(r.a, r.b, r.label) for r in rows if r.label is not None]
        if labelled:
            doc["scores"] = _scores_dict(score_pairs(labelled, _compare))
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        for m, label in results:
            mark = "" if label is None else ("\tok" if label == m.same else "\tWRONG")
            typer.echo(f"{m.a}\t{m.b}\t{'same' if m.same else 'different'}\t{m.score:.2f}{mark}\t{m.why}")


def _scores_dict(s) -> dict[str, object]:  # noqa: ANN001 - names.evaluate.Scores
    return {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
            "false_merge_rate": round(s.false_merge_rate, 6), "tp": s.tp, "fp": s.fp, "fn": s.fn, "tn": s.tn,
            "pairs_per_second": round(s.pairs_per_second)}


def eval_names(
    pairs: str = typer.Option(..., "--pairs", help="Labelled 'a<TAB>b<TAB>label' pairs, or a translit corpus "
                              "file 'latin<TAB>c y r<TAB>count' (negatives are then shuffled pairs); - for stdin."),
    heldout: bool = typer.Option(False, "--heldout", help="Only the held-out split the learned model never saw."),
    split: Split = typer.Option(Split.all, "--split", help="Restrict to one split of names.evaluate.split_of."),
    seed: int = typer.Option(0, "--seed", help="Seed for the shuffled negatives."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score at most this many rows."),
    as_json: bool = AsJson,
) -> None:
    """Name matching: precision/recall/F1 and false-merge rate (Latin↔Cyrillic recall on corpus files)."""
    from ..names.evaluate import benchmark_rows
    from . import fail

    try:
        rows, translit = _read_pairs(pairs)
        if not translit:
            missing = next((r for r in rows if r.label is None), None)
            if missing:
                raise RashomonError("E064", path=pairs, line=missing.line, detail="eval needs a label in the third column")
    except RashomonError as err:
        fail(err)
    chosen = "heldout" if heldout else None if split is Split.all else split.value
    scores = benchmark_rows(rows, translit, split=chosen, seed=seed, limit=limit, matcher=_compare)
    doc = {"format": "translit" if translit else "labelled", "split": chosen or "all", **_scores_dict(scores)}
    if as_json:
        typer.echo(json.dumps(doc, indent=2))
        return
    kind = "Latin↔Cyrillic corpus pairs + shuffled negatives" if translit else "labelled pairs"
    typer.echo(f"names: {kind}, split {doc['split']}\n{scores.summary()}")
