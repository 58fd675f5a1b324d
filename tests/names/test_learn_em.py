"""The EM trainer recovers multi-letter units and round-trips through the TSV format."""

from __future__ import annotations

import math

from rashomon.names.crossscript import parse_model
from rashomon.names.learn import bigram_model, choose_threshold, dump_model, to_model, train_units

# Synthetic pairs built from a toy alphabet: sh<->ш, a<->а, k<->к, o<->о.
TOY = [("shaka", "шака"), ("kosha", "коша"), ("shok", "шок"), ("akosh", "акош"), ("kasha", "каша"),
       ("shako", "шако"), ("oksha", "окша"), ("shosha", "шоша")] * 3


def test_learn_em_aligns_digraph_with_letter() -> None:
    probs = train_units(TOY, iterations=4, workers=1)
    model = to_model(probs, [x for x, _ in TOY], [y for _, y in TOY])
    _, units = model.align("kasha", "каша")
    assert "".join(x for x, _ in units) == "kasha" and "".join(y for _, y in units) == "каша"
    assert all(("sh" in x) == ("ш" in y) for x, y in units)


def test_learn_em_model_separates_and_roundtrips() -> None:
    probs = train_units(TOY, iterations=4, workers=1)
    model = to_model(probs, [x for x, _ in TOY], [y for _, y in TOY])
    same, _ = model.llr("shaka", "шака")
    other, _ = model.llr("shaka", "окош")
    assert same > other
    model.threshold = choose_threshold([same], [other], 0.0)
    again = parse_model(dump_model(model))
    assert math.isclose(again.llr("shaka", "шака")[0], same, abs_tol=1e-3)
    assert again.threshold == round(model.threshold, 4)


def test_learn_em_bigram_model_is_normalised() -> None:
    table = bigram_model(["ab", "ba", "aa"])
    for context in "^ab":
        assert math.isclose(sum(math.exp(v) for k, v in table.items() if k[0] == context), 1.0, abs_tol=1e-9)
