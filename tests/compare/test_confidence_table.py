"""Calibrated confidence: fitted per kind and similarity bin from judged candidates,
smoothed, non-decreasing in similarity; unseen kinds get 0.5 (no evidence either way)."""

from __future__ import annotations

import json

import pytest

from rashomon.compare import confidence
from rashomon.compare.confidence import bin_of, calibrate, fit


@pytest.mark.parametrize("sim,b", [(0.1, 0), (0.55, 1), (0.7, 2), (0.8, 3), (0.99, 4), (1.0, 4)])
def test_confidence_bins(sim, b):
    assert bin_of(sim) == b


def test_confidence_fit_smooths_and_is_monotone():
    samples = [("quantity", {"sim": 0.9}, True)] * 3 + [("quantity", {"sim": 0.5}, False)] * 4
    table = fit(samples, prior=0.2, weight=2.0)
    rows = table["groups"]["quantity"]
    assert rows[0] == pytest.approx(0.4 / 6, abs=1e-3)  # 0 of 4, pulled toward the prior
    assert rows[4] == pytest.approx(3.4 / 5, abs=1e-3)
    assert rows == sorted(rows)
    assert table["samples"] == {"quantity": 7}


def test_confidence_calibrate_reads_the_table(monkeypatch):
    monkeypatch.setattr(confidence, "table", lambda: {"groups": {"polarity": [0.1, 0.2, 0.3, 0.4, 0.5]}})
    assert calibrate("polarity", {"sim": 0.8}) == 0.4
    assert calibrate("actor", {"sim": 0.8}) == 0.5  # never seen in tuning
    assert calibrate("modality", {"sim": 0.9}) == 0.2  # never seen now, wrong every time before


@pytest.mark.parametrize("kind,shown", [("actor", True), ("origin", True), ("modality", False), ("place", False)])
def test_confidence_unseen_kind_at_default_threshold(monkeypatch, kind, shown):
    monkeypatch.setattr(confidence, "table", lambda: {"groups": {}})
    assert (calibrate(kind, {"sim": 0.9}) >= 0.5) is shown


def test_confidence_packaged_table_is_valid():
    table = confidence.table()
    assert table["fitted_on"].endswith("split tune")
    for rows in table["groups"].values():
        assert len(rows) == len(confidence.BINS) - 1 and rows == sorted(rows)
        assert all(0 <= v <= 1 for v in rows)
    json.dumps(table)


def test_confidence_fit_pools_rebuttals_over_bins():
    # A rebuttal's similarity to the claim it denies says nothing of how right it is: one value.
    samples = [("polarity", {"sim": 0.3, "rebuttal": 1.0}, True), ("polarity", {"sim": 1.0, "rebuttal": 1.0}, True),
               ("polarity", {"sim": 0.9, "rebuttal": 1.0}, False), ("polarity", {"sim": 0.9}, False)]
    table = fit(samples, prior=0.2, weight=2.0)
    rows = table["groups"]["polarity:rebuttal"]
    # ... held near the prior until it has POOLED_WEIGHT samples: 2 of 3 is not yet evidence
    assert rows == [pytest.approx((2 + 0.2 * confidence.POOLED_WEIGHT) / (3 + confidence.POOLED_WEIGHT), abs=1e-3)] * len(rows)
    assert rows[0] < 0.5
    assert table["groups"]["polarity"][0] == pytest.approx(0.4 / 2, abs=1e-3)  # other polarity: binned, apart
    assert table["samples"] == {"polarity:rebuttal": 3, "polarity": 1}


def test_confidence_extra_samples_read_and_rejected(tmp_path):
    from rashomon.errors import RashomonError
    from rashomon.evaluation.compare_eval import read_samples

    good = tmp_path / "good.jsonl"
    good.write_text('{"kind": "polarity", "features": {"sim": 0.6, "rebuttal": 1}, "genuine": true}\n\n'
                    '{"kind": "date", "features": {"sim": 0.3}, "genuine": false}\n', encoding="utf-8")
    assert read_samples(good) == [("polarity", {"sim": 0.6, "rebuttal": 1.0}, True), ("date", {"sim": 0.3}, False)]
    for bad in ('{"kind": "date", "genuine": false}', '{"kind": "date", "features": [1], "genuine": true}', "not json"):
        path = tmp_path / "bad.jsonl"
        path.write_text('{"kind": "date", "features": {}, "genuine": true}\n' + bad + "\n", encoding="utf-8")
        with pytest.raises(RashomonError) as err:
            read_samples(path)
        assert err.value.code == "E007" and "line 2" in str(err.value)



def test_confidence_benchmark_samples_are_readable():
    # benchmarks/compare_fresh/samples.jsonl (judged fresh candidates) is what --extra-samples reads
    from pathlib import Path

    from rashomon.evaluation.compare_eval import read_samples

    samples = read_samples(Path(__file__).resolve().parents[2] / "benchmarks" / "compare_fresh" / "samples.jsonl")
    assert samples and {kind for kind, _f, _ok in samples} <= {"polarity", "quantity", "date", "modality", "place",
                                                               "other", "actor", "origin"}
    table = fit(samples)
    assert all(rows == sorted(rows) for rows in table["groups"].values())
