"""Hyphenated words: their vector is the mean of their parts', not of pieces dominated by "-"."""

import numpy as np
import pytest

from rashomon.techniques.wordvec import PIECE_DIM, piece_table, project


@pytest.mark.parametrize(
    "word, parts",
    [
        ("one-on-one", ["one", "on", "one"]),
        ("pro-russian", ["pro", "russian"]),
        ("что-то", ["что", "то"]),
        ("anti--war", ["anti", "war"]),  # empty parts are skipped
    ],
)
def test_wordvec_parts_hyphenated_word_is_mean_of_parts(word, parts):
    table = piece_table()
    got = table([word], parts=True)[0]
    assert got.dtype == np.float32
    assert np.allclose(got, table(parts).mean(0), atol=1e-5)
    # Without parts the "-" pieces are averaged in, which is a different vector.
    assert not np.allclose(got, table([word])[0], atol=1e-3)


@pytest.mark.parametrize("words", [["regime", "junta"], ["-"], ["режим", "one-on-one", "x"], []])
def test_wordvec_parts_other_words_unchanged(words):
    table = piece_table()
    with_parts, plain = table(words, parts=True), table(words)
    assert with_parts.shape == plain.shape == (len(words), PIECE_DIM)
    for w, a, b in zip(words, with_parts, plain):
        assert np.allclose(a, b, atol=1e-5) is ("-" not in w or w.strip("-") == "")


@pytest.mark.parametrize("flag", [None, False, True])
def test_wordvec_parts_model_flag_decides_runtime_vectors(flag):
    from rashomon.techniques.model import TechniqueModel

    shipped = TechniqueModel.load()
    config = {k: v for k, v in shipped.meta["config"].items() if k != "vec_parts"}
    if flag is not None:
        config["vec_parts"] = flag
    # A model trained before the flag existed (None) keeps the whole-word piece mean.
    model = TechniqueModel(shipped.labels, shipped.vocab, shipped.weights, shipped.thresholds, {**shipped.meta, "config": config})
    mu, proj = shipped.weights["vec_mu"], shipped.weights["vec_proj"]
    got = model.word_vectors(["one-on-one", "regime"])
    assert np.allclose(got, project(["one-on-one", "regime"], mu, proj, parts=bool(flag)), atol=1e-4)
    assert not np.allclose(got[0], project(["one-on-one"], mu, proj, parts=not flag)[0], atol=1e-3)
