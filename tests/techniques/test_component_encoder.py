"""The paragraph stage with the paragraph-vector feature (`techniques.paragraph_encoder`, on by
default; the shipped model reads mean word vectors, not the sentence encoder)."""

from __future__ import annotations

import json
import shutil

import pytest

from rashomon.errors import RashomonError
from rashomon.techniques.component import TechniqueDetector
from rashomon.techniques.model import default_model_dir

from .conftest import SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture()
def model_without_encoder(tmp_path):
    """A copy of the shipped model whose model.json has no encoder stage (an older model)."""
    out = tmp_path / "model"
    shutil.copytree(default_model_dir(), out)
    meta = json.loads((out / "model.json").read_text(encoding="utf-8"))
    meta.pop("paragraph_stage_encoded")
    (out / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    return out


@pytest.mark.parametrize("stage", ["label", "gate"])
def test_component_encoder_missing_stage_keeps_the_plain_stage(model_without_encoder, stage):
    det = TechniqueDetector(model_without_encoder, paragraph_stage=stage, paragraph_encoder=True).load()
    assert det._stage() is det.model.paragraph_stage is not None


def test_component_encoder_off_stage_is_none(model_without_encoder):
    assert TechniqueDetector(model_without_encoder, paragraph_stage="off").load()._stage() is None


@pytest.fixture()
def model_with_unknown_vectors(tmp_path):
    """A copy of the shipped model whose encoder stage reads vectors no version knows (a newer model)."""
    out = tmp_path / "model"
    shutil.copytree(default_model_dir(), out)
    meta = json.loads((out / "model.json").read_text(encoding="utf-8"))
    meta["paragraph_stage_encoded"]["meta"]["vectors"] = "contextual"
    (out / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    return out


@pytest.mark.parametrize("encoder, fails", [(True, True), (False, False)])
def test_component_encoder_unknown_vectors_is_a_clear_error(model_with_unknown_vectors, encoder, fails):
    det = TechniqueDetector(model_with_unknown_vectors, paragraph_encoder=encoder)
    if not fails:
        assert det.load()._stage() is det.model.paragraph_stage
        return
    with pytest.raises(RashomonError) as err:
        det.load()
    assert err.value.code == "E094" and "'contextual'" in str(err.value) and "paragraph_encoder = false" in str(err.value)


def test_component_encoder_shipped_stage_has_the_feature():
    stage = TechniqueDetector().model.encoded_stage
    assert stage is not None and stage.features[-1] == "emb" and stage.encoder is not None
    assert stage.encoder.active.sum() >= 15  # most techniques have enough paragraphs to model
    assert stage.meta.get("vectors") == "words"  # no sentence-encoder pass at run time


def test_component_encoder_word_vectors_are_unit_means():
    from rashomon.techniques.paragraphs import paragraph_word_vectors

    text = "Shameful lies, again.\n\n«Позорная ложь» снова.\n"
    lines = [(0, 21), (23, 45), (46, 46)]
    v = paragraph_word_vectors(text, lines)
    assert v.shape == (3, 512)
    assert abs(float((v[0] ** 2).sum()) - 1) < 1e-5 and abs(float((v[1] ** 2).sum()) - 1) < 1e-5
    assert not v[2].any()  # a line without words reads as nothing


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_component_encoder_on_seeds_spans_are_exact(prefix):
    path = next(SEEDS.glob(prefix + "_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {prefix} not present beside the repository ({SEEDS})")
    text = path.read_text(encoding="utf-8")
    det = TechniqueDetector(paragraph_encoder=True).load()
    found = det.predict(text)
    assert found
    for t in found:
        assert text[t.start:t.end] == t.text and t.end > t.start


@pytest.mark.parametrize("text, expected", [("", True), ("[techniques]\nparagraph_encoder = false\n", False),
                                            ("[techniques]\nparagraph_encoder = true\n", True)])
def test_component_encoder_setting_reaches_the_component(tmp_path, text, expected):
    from rashomon.components import _techniques
    from rashomon.settings import load_options

    config = tmp_path / "c.toml"
    config.write_text(text, encoding="utf-8")
    det = _techniques(load_options(config))
    assert det.paragraph_encoder is expected
    assert (det._stage() is det.model.encoded_stage) is expected


def test_component_encoder_word_cache_stays_bounded(monkeypatch):
    from rashomon.techniques import paragraphs, wordvec

    monkeypatch.setattr(wordvec, "WORD_CACHE", {})
    monkeypatch.setattr(wordvec, "WORD_CACHE_MAX", 8)
    first = paragraphs.paragraph_word_vectors("one two three four five six", [(0, 27)])
    paragraphs.paragraph_word_vectors("seven eight nine ten eleven", [(0, 27)])
    assert len(wordvec.WORD_CACHE) <= 8  # cleared when full, not grown
    again = paragraphs.paragraph_word_vectors("one two three four five six", [(0, 27)])
    assert (first == again).all()  # a cached word gives the same vector
    # A text sharing cached words that overflows the cache: the clearing keeps what it needs.
    shared = paragraphs.paragraph_word_vectors("one two alpha beta gamma delta epsilon", [(0, 39)])
    assert shared.shape == (1, 512) and shared.any()


def test_component_encoder_word_cache_cleared_meanwhile(monkeypatch):
    """Another thread clearing the shared cache while an article's words are computed loses nothing."""
    from rashomon.techniques import paragraphs, wordvec

    monkeypatch.setattr(wordvec, "WORD_CACHE", {})
    paragraphs.paragraph_word_vectors("one two", [(0, 7)])  # "one", "two" cached
    table = wordvec.piece_table()

    def clearing(words, parts=False):
        wordvec.WORD_CACHE.clear()  # what a second thread filling a full cache does
        return table(words, parts)

    monkeypatch.setattr(wordvec, "piece_table", lambda: clearing)
    out = paragraphs.paragraph_word_vectors("one two three", [(0, 13)])
    assert out.shape == (1, 512) and out.any()


def test_component_encoder_reads_words_the_token_model_looked_up(monkeypatch):
    """The paragraph stage reuses the raw vectors of words the token model has just looked up, and
    gets the same vectors as when it computes them itself."""
    from rashomon.techniques import paragraphs, wordvec

    text = "власти заявили что переговоры продолжатся"
    lines = [(0, len(text))]
    monkeypatch.setattr(wordvec, "WORD_CACHE", {})
    alone = paragraphs.paragraph_word_vectors(text, lines)
    model = TechniqueDetector(None).load().model
    monkeypatch.setattr(wordvec, "WORD_CACHE", {})
    model.vector_cache.clear()
    model.word_vectors(text.split())  # the token model's words here: the same lower-case words

    def no_tokenizer():
        raise AssertionError("the paragraph stage looked up a word the token model had")

    monkeypatch.setattr(wordvec, "piece_table", no_tokenizer)
    shared = paragraphs.paragraph_word_vectors(text, lines)
    assert (shared == alone).all()
    model.vector_cache.clear()
