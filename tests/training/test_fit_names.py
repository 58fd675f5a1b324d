"""Names (words written capitalised mid-sentence) get an extra L2: they describe the story, not the technique."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.techniques.formats import GoldArticle, GoldSpan
from rashomon.training import TrainConfig
from rashomon.training.data import prepare
from rashomon.training.fit import _column_l2, build_vocab, fit, in_script, name_shares

LABELS = ["Flag_Waving"]


def _items(texts: list[str]):
    return [prepare(GoldArticle(str(i), t, "en", [], None, "ptc2020"), LABELS) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("word", "share"),
    [
        ("america", 1.0),  # always capitalised inside sentences
        ("kgb", 1.0),  # all capitals count even at a sentence start
        ("regime", 0.0),
        ("west", 0.5),  # "the West" once, "west of" once
        ("great", 0.0),  # capitalised only where a sentence starts: no evidence either way
        ("i", 0.0),  # one letter: not taken as a name
    ],
)
def test_fit_names_share_of_capitalised_mid_sentence_uses(word, share):
    texts = [
        "We love America and the regime. Great news from America.",
        "KGB agents left. The KGB regime is in the West, west of Minsk. I said regime.",
        "Great regime.",
    ]
    items = _items(texts)
    vocab = build_vocab(items, min_count=1)
    shares = name_shares(items, vocab)
    assert shares["words"][vocab.index["words"][word]] == pytest.approx(share)
    assert shares["words"][-1] == 0.0  # unknown row


def test_fit_names_prefixes_suffixes_and_bigrams_follow_their_words():
    items = _items(["We love America. The americas? We love America now."])
    vocab = build_vocab(items, min_count=1)
    shares = name_shares(items, vocab)
    assert shares["prefixes"][vocab.index["prefixes"]["ameri"]] == pytest.approx(2 / 3)
    assert shares["bigrams"][vocab.index["bigrams"]["love america"]] == pytest.approx(1.0)
    assert shares["bigrams"][vocab.index["bigrams"]["we love"]] == pytest.approx(0.0)


@pytest.mark.parametrize(("extra", "expected"), [(0.0, 1e-6), (1e-3, None)])
def test_fit_names_column_l2_adds_share_times_extra(extra, expected):
    items = _items(["We love America and the regime."])
    vocab = build_vocab(items, min_count=1)
    shares = name_shares(items, vocab)
    out = _column_l2(shares, vocab, 1e-6, extra, False, 100)
    if expected is not None:
        assert out == expected
    else:
        row = vocab.index["words"]["america"]
        assert out[row] == pytest.approx(1e-6 + 1e-3) and out[vocab.index["words"]["regime"]] == pytest.approx(1e-6)
        assert (out[-10:] == np.float32(1e-6)).all()  # language and misc columns keep the base penalty


def _weight(name_l2: float, word: str) -> float:
    """Token-model weight of `word` at offset 0 after a short fit where it marks every span."""
    arts = []
    for i in range(6):
        text = f"They praise America again. Officials met on day {i}. Rivals praise Ohio again."
        spans = [GoldSpan("Flag_Waving", 11, 18), GoldSpan("Flag_Waving", 71, 75)]
        arts.append(GoldArticle(str(i), text, "en", spans, None, "ptc2020"))
    cfg = TrainConfig(min_count=1, min_docs=1, iters_token=60, iters_sentence=5, vec_dims=0, name_l2=name_l2, name_script="")
    model = fit([prepare(g, LABELS) for g in arts], LABELS, cfg)
    return float(model.weights["tok_words"][model.vocab.index["words"][word], 2, 0])


def test_fit_names_penalty_shrinks_name_weights_only():
    assert _weight(1e-1, "america") < 0.5 * _weight(0.0, "america")
    assert _weight(1e-1, "praise") == pytest.approx(_weight(0.0, "praise"), rel=0.5)


@pytest.mark.parametrize(
    ("script", "word", "kept"),
    [
        ("", "america", True),
        ("", "майдана", True),
        ("cyrillic", "майдана", True),
        ("cyrillic", "america", False),  # a Latin name keeps only the base penalty
        ("latin", "america", True),
        ("latin", "майдана", False),
    ],
)
def test_fit_names_script_restricts_penalty(script, word, kept):
    items = _items(["We love America. Они пришли на Майдана площадь. We love America now, Майдана тоже."])
    vocab = build_vocab(items, min_count=1)
    shares = in_script(name_shares(items, vocab), vocab, script)
    share = shares["words"][vocab.index["words"][word]]
    assert (share > 0) == kept
    assert shares["words"][vocab.index["words"]["love"]] == 0.0 and shares["words"][-1] == 0.0


@pytest.mark.parametrize("script", ["greek", "Cyrillic", "all"])
def test_fit_names_script_rejects_unknown(script):
    with pytest.raises(ValueError, match="name_script"):
        TrainConfig(name_script=script)


def test_fit_names_script_cyrillic_leaves_latin_name_weights():
    def weight(name_l2: float, script: str) -> float:
        arts = []
        for i in range(6):
            text = f"They praise America again. Officials met on day {i}. Rivals praise Ohio again."
            arts.append(GoldArticle(str(i), text, "en", [GoldSpan("Flag_Waving", 11, 18)], None, "ptc2020"))
        cfg = TrainConfig(min_count=1, iters_token=60, iters_sentence=5, vec_dims=0, name_l2=name_l2, name_script=script)
        model = fit([prepare(g, LABELS) for g in arts], LABELS, cfg)
        return float(model.weights["tok_words"][model.vocab.index["words"]["america"], 2, 0])

    assert weight(1e-1, "cyrillic") == pytest.approx(weight(0.0, ""))
    assert weight(1e-1, "") < 0.5 * weight(1e-1, "cyrillic")
