"""`eval compare --oracle` on two real annotated Russian pairs (slow: analyses them)."""

from __future__ import annotations

import pytest

from rashomon.evaluation.compare_eval import evaluate_compare
from tests.conftest import DATA, ROOT

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not DATA.exists(), reason="../shared/data is absent (a fresh clone has no corpora)")]


def test_compare_eval_oracle_units():
    kw = dict(split="all", min_confidence=0.0, stories=False, only=["tg/19", "tg/25"])
    plain = evaluate_compare(DATA, ROOT / "benchmarks" / "divergences", **kw)
    result = evaluate_compare(DATA, ROOT / "benchmarks" / "divergences", oracle=True, **kw)
    assert "oracle" not in plain.as_dict() and "oracle" in result.as_dict()  # the report is unchanged without it
    rows = {name: langs["ru"] for name, langs in result.oracle.items()}
    assert set(rows) == {"today", "all-sources", "nearest-10", "nearest-20"}
    gold = plain.divergences.overall.n_gold
    assert gold >= 2 and all(r[1] == gold for r in rows.values())
    # A generator reaches at most what every pair of different sources reaches, with no more pairs;
    # the 20 nearest hold the 10 nearest.
    top = rows["all-sources"]
    assert all(r[0] <= top[0] <= gold and r[2] <= top[2] for r in rows.values())
    assert rows["nearest-10"][0] <= rows["nearest-20"][0] and rows["nearest-10"][2] <= rows["nearest-20"][2]
    # Today's generator reaches every divergence the shown conflicts match.
    assert rows["today"][0] >= plain.divergences.overall.matched_gold
    assert "oracle today" in result.table()
