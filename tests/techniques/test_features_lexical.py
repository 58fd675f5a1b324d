"""Lexical features of the statistical layer: tokens, prefixes, suffixes, vocabulary ids."""

import pytest

from rashomon.techniques.features import Vocab, prefix, suffix, to_ids, tokenize
from rashomon.techniques.model import TechniqueModel


@pytest.mark.parametrize(
    "text",
    ["The so-called “experts” lied 3 times.", "Так называемые «эксперты» лгали 12 раз!", "", "   ", "a—b",
     "İSTANBUL’S Ёлки", "ΟΔΟΣ ΣΑΣ, Σ"],  # lowering changes a length; a final sigma depends on its context
)
def test_features_lexical_tokens_keep_offsets(text):
    fold = str.maketrans("123456789’ё", "000000000'е")
    toks = tokenize(text)
    assert len(toks.starts) == len(toks.ends) == len(toks.words)
    for s, e, w in zip(toks.starts.tolist(), toks.ends.tolist(), toks.words):
        assert text[s:e].lower().translate(fold) == w


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("outrageous", "treacherous", True),  # adjective ending shared by two unrelated words
        ("чудовищный", "преступный", True),
        ("outrageous", "outrage", False),
        ("regime", "regimes", False),
    ],
)
def test_features_lexical_suffix_groups_word_endings(a, b, same):
    assert (suffix(a) == suffix(b)) is same


def test_features_lexical_suffix_of_unseen_word_is_known():
    # "treacherous" never occurs in the training words, but its ending does: the model still
    # gets a part-of-speech-like cue for it.
    vocab = Vocab.build([["outrageous", "monstrous", "the", "the"]] * 2, min_count=2)
    ids = to_ids(["treacherous", "the"], vocab)
    assert ids.words[0] == vocab.size("words")  # unknown word
    assert ids.suffixes[0] == vocab.index["suffixes"][suffix("outrageous")]
    assert ids.prefixes[0] == vocab.size("prefixes")  # no known prefix either


def test_features_lexical_suffix_never_equals_a_word():
    # Suffixes live in their own vocabulary, but a marker keeps them apart from a 3-letter word
    # in explanations and vocabulary files.
    assert suffix("the") != "the" and suffix("the").endswith("the")
    assert prefix("outrageous") == "outra"


def test_features_lexical_suffix_feature_is_named_for_explanations():
    model = TechniqueModel.load()
    kinds = model.vocab.lists["suffixes"]
    assert kinds, "the shipped model has suffix features"
    assert model.feature_name("tok_suffixes", 0, 0).startswith("…")


def _misc(text: str) -> set[tuple[str, str]]:
    from rashomon.techniques.features import misc_names, misc_pairs

    toks, names = tokenize(text), misc_names([])
    t, f = misc_pairs(text, toks, [], names)
    assert len(set(zip(t.tolist(), f.tolist()))) == len(t)  # each pair once
    return {(f"{toks.words[i]}#{i}", names[j]) for i, j in zip(t.tolist(), f.tolist())}


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("The regime lied. The regime lied again.", [("regime#5", "rep_later"), ("lied#6", "rep_later")],
         [("regime#1", "rep_later"), ("lied#2", "rep_later")]),
        ("Thin air, then thin air.", [("thin#0", "rep_pair"), ("air#1", "rep_pair"), ("air#5", "rep_pair")],
         [("then#3", "rep_pair")]),
        ("Good , good , good .", [], [("good#0", "rep_pair"), (",#1", "rep_pair")]),  # pairs with punctuation do not count
        ("One two three four.", [], [("four#3", "rep_later"), ("one#0", "rep_pair")]),
    ],
)
def test_features_lexical_repetition_cues(text, present, absent):
    got = _misc(text)
    assert all(p in got for p in present)
    assert not any(a in got for a in absent)
