"""The cached attribute-ruler matcher returns exactly spaCy's own matches, and refuses patterns it does not know."""

from __future__ import annotations

import pytest

from rashomon.backends.ruler import RulerMatch, speed_up_attribute_ruler
from tests.conftest import DATA, FIXTURES, need

TRICKY = [
    "",
    " ",
    "  \n\t ",
    "There's gonna be a lot. Let's go, ain't it? I gotta say: you and it.",
    "But it is. Do you have it? We did. That which he did, he did.",
    "I  said   it\u00a0twice .",
]


@pytest.fixture(scope="module")
def nlp():
    from rashomon.backends.spacy_en import load_spacy
    from rashomon.settings import load_options

    return load_spacy(load_options().models.en)


def _parsed(nlp, texts):
    """Docs as the ruler sees them: tagged and parsed, nothing after."""
    after = nlp.pipe_names[nlp.pipe_names.index("attribute_ruler"):]
    with nlp.select_pipes(disable=after):
        return list(nlp.pipe(texts))


@pytest.mark.slow
def test_ruler_match_same_as_spacy(nlp):
    texts = list(TRICKY) + (FIXTURES / "en_summit.txt").read_text(encoding="utf-8").splitlines()
    files = sorted(need(DATA / "ptc2020" / "train-articles").glob("article*.txt"))[:25]
    files += sorted(need(DATA / "semeval2023" / "ru" / "train-articles-subtask-3").glob("article*.txt"))[:3]
    texts += [line for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    ruler = nlp.get_pipe("attribute_ruler")
    fast = RulerMatch(ruler)
    docs = _parsed(nlp, texts)
    assert sum(len(d) for d in docs) > 10_000
    for _ in range(2):  # cold cache, then warm
        assert [fast(d) for d in docs] == [type(ruler).match(ruler, d) for d in docs]  # spaCy's own


@pytest.mark.slow
def test_ruler_match_backend_attributes_unchanged(nlp):
    import spacy

    text = (FIXTURES / "en_summit.txt").read_text(encoding="utf-8")
    stock = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    assert speed_up_attribute_ruler(nlp) and "match" not in vars(stock.get_pipe("attribute_ruler"))
    got, want = nlp(text), stock(text)
    assert [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in got] == \
        [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in want]


@pytest.mark.parametrize("spec,ok", [
    ({"TAG": "NN"}, True),
    ({"lower": {"IN": ["a", "b"]}, "DEP": {"NOT_IN": [""]}}, True),
    ({"LOWER": {"REGEX": "^n'?t$"}}, True),
    ({"IS_SPACE": True}, True),
    ({"ORTH": "x"}, False),  # an attribute outside the four the cache is keyed on
    ({"TAG": "NN", "OP": "?"}, False),
    ({"LOWER": {"FUZZY": "abc"}}, False),
    ({"LENGTH": {">=": 3}}, False),
])
def test_ruler_match_refuses_unknown_patterns(spec, ok):
    from spacy.lang.en import English

    blank = English()
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[spec]], {"POS": "NOUN"})
    if ok:
        RulerMatch(ruler)
    else:
        with pytest.raises(ValueError):
            RulerMatch(ruler)
    assert speed_up_attribute_ruler(blank) is ok
