"""`benchmarks/compare_fresh.py`: which verdict covers a candidate, how the table counts, and the
packaged verdicts are offsets and labels only (no corpus text) with spans inside their documents."""

from __future__ import annotations

import json

import pytest

from tests.conftest import DATA, ROOT, benchmark_module, need


F = benchmark_module("compare_fresh")
VERDICT = {"collection": "polnear", "kind": "polarity", "a": {"doc": "x", "start": 10, "end": 20},
           "b": {"doc": "y", "start": 100, "end": 105}, "genuine": True}


def _cand(positions, collection="polnear", confidence=0.2, kind="polarity", rebuttal=False):
    return F.Candidate(collection, kind, confidence, rebuttal, "", positions, {"sim": 0.5})


@pytest.mark.parametrize(
    "positions,collection,expected",
    [
        ([("x", 12, 14), ("y", 99, 101)], "polnear", True),  # both sides overlap
        ([("y", 104, 110), ("x", 0, 11)], "polnear", True),  # either order
        ([("x", 20, 30), ("y", 99, 101)], "polnear", None),  # touching is not overlapping
        ([("x", 12, 14), ("z", 99, 101)], "polnear", None),  # another document
        ([("x", 12, 14), ("y", 99, 101)], "semeval-en", None),  # another collection
        ([("x", 12, 14)], "polnear", None),  # one position: nothing to cover
    ],
    ids=["overlap", "either-order", "touching", "other-doc", "other-collection", "one-side"],
)
def test_compare_fresh_verdict_covers(positions, collection, expected):
    assert F.verdict_of(_cand(positions, collection), [VERDICT]) is expected


def test_compare_fresh_report_counts_judged_genuine_and_shown():
    wrong = dict(VERDICT, b={"doc": "y", "start": 200, "end": 210}, genuine=False)
    cands = [_cand([("x", 12, 14), ("y", 100, 101)], confidence=0.6, rebuttal=True),
             _cand([("x", 12, 14), ("y", 205, 206)], confidence=0.2),
             _cand([("x", 300, 301), ("y", 1, 2)], confidence=0.7, kind="quantity")]
    table = F.report(cands, [VERDICT, wrong], threshold=0.5)
    assert table["all/all"] == {"candidates": 3, "judged": 2, "genuine": 1, "shown": 2, "shown_genuine": 1,
                                "shown_judged": 1}
    assert table["polnear/polarity:rebuttal"]["genuine"] == 1
    assert table["polnear/quantity"]["judged"] == 0


def test_compare_fresh_packaged_verdicts_are_offsets_and_labels():
    need(DATA / "polnear")
    need(DATA / "semeval2023")
    lines = (ROOT / "benchmarks" / "compare_fresh" / "verdicts.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines
    docs = {c: {d: t for _g, items in F._documents(DATA, c).items() for d, t, _m in items} for c in F.COLLECTIONS}
    for line in lines:
        rec = json.loads(line)
        assert set(rec) == {"collection", "kind", "a", "b", "genuine"}
        assert isinstance(rec["genuine"], bool)
        for side in (rec["a"], rec["b"]):
            assert set(side) == {"doc", "start", "end"}
            text = docs[rec["collection"]][side["doc"]]
            assert 0 <= side["start"] < side["end"] <= len(text) and text[side["start"]:side["end"]].strip()
