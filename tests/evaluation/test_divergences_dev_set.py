"""The divergence dev set: annotation files hold offsets and labels only, parse, validate
against the real texts, and split by a hash nobody chooses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon.evaluation.divergences import KINDS, check_annotations, read_annotations, split_of
from tests.conftest import DATA, ROOT

ANNOTATIONS = ROOT / "benchmarks" / "divergences"
_ALLOWED = {"unit", "docs", "annotated", "kind", "frame", "a", "b", "judged"}
_SIDE = {"doc", "start", "end", "source"}


def test_divergences_files_hold_offsets_and_labels_only():
    files = sorted(ANNOTATIONS.glob("*.jsonl"))
    assert files, "the dev set ships with the repository"
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            assert set(rec) <= _ALLOWED, (path.name, set(rec) - _ALLOWED)
            for side in ("a", "b"):
                if side in rec:
                    assert set(rec[side]) <= _SIDE
                    src = rec[side].get("source", "author")
                    assert src == "author" or set(src) == {"start", "end"}
            assert len(rec.get("frame", "")) <= 80  # the annotator's few words, not a sentence


def test_divergences_read_counts():
    units, found = read_annotations(ANNOTATIONS)
    assert len([u for u in units if u.startswith("basil/")]) >= 30
    assert len([u for u in units if u.startswith("tg/")]) == 22
    assert found and all(d.kind in KINDS and d.unit in units for d in found)


@pytest.mark.parametrize(
    "line,error",
    [
        ('{"unit": "tg/1", "kind": "mood", "a": {"doc": "tg/1/first", "start": 0, "end": 1}, '
         '"b": {"doc": "tg/1/second", "start": 0, "end": 1}}', "unknown kind"),
    ],
)
def test_divergences_read_rejects_bad_kind(tmp_path, line, error):
    (tmp_path / "x.jsonl").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=error):
        read_annotations(tmp_path)


def test_divergences_read_skips_reviewer_verdicts(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"unit": "tg/1", "docs": ["tg/1/first", "tg/1/second"], "annotated": true}\n')
    (tmp_path / "judged.jsonl").write_text(
        '{"unit": "tg/1", "kind": "polarity", "judged": true, "a": {"doc": "tg/1/first", "start": 0, "end": 3}, '
        '"b": {"doc": "tg/1/second", "start": 0, "end": 3}}\n')
    units, found = read_annotations(tmp_path)
    assert units == ["tg/1"] and found == []


def test_divergences_split_is_stable_and_mixed():
    units = [f"basil/2016/{k:04d}" for k in range(200)]
    splits = [split_of(u) for u in units]
    assert splits == [split_of(u) for u in units]
    assert 60 < splits.count("test") < 140


@pytest.mark.slow
@pytest.mark.skipif(not DATA.exists(), reason="../shared/data is absent (a fresh clone has no corpora)")
def test_divergences_annotations_match_the_texts():
    assert list(check_annotations(DATA, ANNOTATIONS)) == []
