"""Token runs become spans: a core above the threshold grows over neighbours above extend x threshold."""

from __future__ import annotations

import re

import numpy as np
import pytest

from rashomon.techniques.decode import NEVER, decode, label_spans, run_extend
from rashomon.techniques.features import Ids
from rashomon.techniques.model import Scores, TechniqueModel


def scores(text: str, probs: list[float], lang: str = "en") -> Scores:
    """Scores for one label over the whitespace tokens of `text`; '|' ends a sentence."""
    toks = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\s|]+", text)]
    assert len(toks) == len(probs)
    bounds = [0] + [m.end() for m in re.finditer(r"\|", text)] + [len(text)]
    sentences = [(a, b) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip(" |")]
    sent_of = np.asarray([next(k for k, (a, b) in enumerate(sentences) if a <= s < b) for s, _, _ in toks])
    none = np.zeros(len(toks), dtype=np.int64)
    return Scores(
        starts=np.asarray([s for s, _, _ in toks]),
        ends=np.asarray([e for _, e, _ in toks]),
        words=[w for _, _, w in toks],
        ids=Ids(none, none, none, none),
        sent_of=sent_of,
        sentences=sentences,
        token_prob=np.asarray(probs, dtype=np.float32)[:, None],
        sent_prob=np.zeros((len(sentences), 1), dtype=np.float32),
        lang=lang,
    )


TEXT = "they said the corrupt criminal regime lied again"


@pytest.mark.parametrize(
    "probs, extend, expected",
    [
        # core "criminal" (0.8) grows over "corrupt" and "regime" (>= 0.5 x 0.6 = 0.3)
        ([0, 0, 0.1, 0.4, 0.8, 0.35, 0, 0], 0.5, ["corrupt criminal regime"]),
        # the same probabilities without growth: the core alone
        ([0, 0, 0.1, 0.4, 0.8, 0.35, 0, 0], 1.0, ["criminal"]),
        # neighbours below extend x threshold stay out
        ([0, 0, 0.1, 0.25, 0.8, 0.2, 0, 0], 0.5, ["criminal"]),
        # a weak stretch with no token at the threshold is no span at all
        ([0, 0, 0.4, 0.5, 0.55, 0.5, 0, 0], 0.5, []),
        # two cores joined by a neighbour above extend x threshold become one run
        ([0, 0, 0, 0.7, 0.45, 0.7, 0, 0], 0.5, ["corrupt criminal regime"]),
        # growth over function words only: "the" joins because it scores, "said" does not
        ([0, 0.1, 0.4, 0.9, 0, 0, 0, 0], 0.5, ["the corrupt"]),
        # nothing above anything
        ([0] * 8, 0.5, []),
    ],
)
def test_decode_runs_grow_over_neighbours(probs, extend, expected):
    sc = scores(TEXT, probs)
    got = [TEXT[s.start : s.end] for s in label_spans(sc, 0, "Loaded_Language", 0.6, NEVER, extend)]
    assert got == expected


@pytest.mark.parametrize(
    "text, probs, lang, expected",
    [
        # a grown preposition at the end goes: "hide mountains of" -> "hide mountains"
        ("they hide mountains of gold", [0, 0.4, 0.9, 0.4, 0], "en", ["hide mountains"]),
        # grown punctuation goes at either end
        ("what a game , said he", [0, 0, 0.9, 0.4, 0, 0], "en", ["game"]),
        ("he said : traitors", [0, 0, 0.4, 0.9], "en", ["traitors"]),
        # grown quote marks stay when they pair up inside the span, go when they do not
        ("the “ Euro-putschists ” again", [0, 0.4, 0.9, 0.4, 0], "en", ["“ Euro-putschists ”"]),
        ("so-called « евроинтеграторы » тут", [0, 0.4, 0.9, 0.4, 0], "ru", ["« евроинтеграторы »"]),
        ("he said traitors ” again", [0, 0.2, 0.9, 0.4, 0], "en", ["traitors"]),
        # a grown leading article stays, as annotators mark it
        ("they said the corrupt", [0, 0.1, 0.4, 0.9], "en", ["the corrupt"]),
        # a core token is never trimmed, even a function word or punctuation
        ("they hide mountains of gold", [0, 0.4, 0.9, 0.7, 0], "en", ["hide mountains of"]),
        # Russian function words from lang/ru
        ("это позорный режим и его", [0, 0.9, 0.5, 0.4, 0.4], "ru", ["позорный режим"]),
        # a function-word core grown over a weak noun is still no span (the evidence is the core)
        ("встреча пройдет в Вене", [0, 0.05, 0.9, 0.4], "ru", []),
        ("they met in Vienna", [0, 0.05, 0.9, 0.4], "en", []),
        # a grown content word at the end stays
        ("это позорный режим лжецов", [0, 0.9, 0.5, 0.4], "ru", ["позорный режим лжецов"]),
    ],
)
def test_decode_runs_grown_edges_trimmed(text, probs, lang, expected):
    sc = scores(text, probs, lang)
    got = [text[s.start : s.end] for s in label_spans(sc, 0, "Loaded_Language", 0.6, NEVER, 0.5)]
    assert got == expected


def test_decode_runs_do_not_cross_sentences():
    text = "what a disgrace | shameful lies here"
    sc = scores(text, [0, 0.1, 0.9, 0.5, 0.9, 0])
    got = [text[s.start : s.end] for s in label_spans(sc, 0, "Loaded_Language", 0.6, NEVER, 0.5)]
    assert got == ["disgrace", "shameful lies"]


def test_decode_runs_growth_keeps_the_core_score_and_token():
    sc = scores(TEXT, [0, 0, 0, 0.4, 0.8, 0.35, 0, 0])
    (span,) = label_spans(sc, 0, "Loaded_Language", 0.6, NEVER, 0.5)
    assert span.score == pytest.approx(0.8) and sc.words[span.token] == "criminal"


def test_decode_runs_function_words_alone_are_never_a_span():
    text = "and then for them"
    sc = scores(text, [0.3, 0.3, 0.9, 0.9])
    assert label_spans(sc, 0, "Loaded_Language", 0.6, NEVER, 0.5) == []


@pytest.mark.parametrize("meta, expected", [({}, 1.0), ({"run_extend": 0.5}, 0.5), ({"run_extend": 1}, 1.0)])
def test_decode_runs_extend_comes_from_the_model(meta, expected):
    """A model trained before run growth existed decodes as it was tuned (no growth)."""
    model = TechniqueModel(["Loaded_Language"], vocab=None, weights={}, thresholds={}, meta=meta)  # type: ignore[arg-type]
    assert run_extend(model) == expected
    sc = scores(TEXT, [0, 0, 0.1, 0.4, 0.8, 0.35, 0, 0])
    th = {"token": {"en": {"Loaded_Language": 0.6}}, "sentence": {"en": {}}}
    want = "corrupt criminal regime" if expected == 0.5 else "criminal"
    assert [TEXT[s.start : s.end] for s in decode(model, sc, th)] == [want]


def test_decode_runs_shipped_model_grows_runs(detector):
    """The shipped thresholds were tuned with growth on; the model must say so."""
    assert run_extend(detector.model) == 0.5


@pytest.mark.parametrize(
    "text, probs, label, expected",
    [
        # phrase-like label: the strongest content word, not the stronger "a", grown over neighbours
        ("this is a disgrace indeed", [0.05, 0.1, 0.3, 0.2, 0.05], "Loaded_Language", ["is a disgrace"]),
        # grown punctuation trimmed in the fallback too
        ("what a game , said he", [0, 0, 0.5, 0.4, 0, 0], "Loaded_Language", ["game"]),
        # a sentence of function words and punctuation yields no phrase at all
        ("it is a , then", [0.2, 0.3, 0.9, 0.5, 0.1], "Loaded_Language", []),
        # argument-like label: the whole sentence
        ("it is a , then", [0.2, 0.3, 0.9, 0.5, 0.1], "Doubt", ["it is a , then"]),
    ],
)
def test_decode_runs_sentence_fallback_picks_a_content_word(text, probs, label, expected):
    sc = scores(text, probs)
    sc.sent_prob[:] = 0.9
    got = [text[s.start : s.end] for s in label_spans(sc, 0, label, NEVER, 0.5, 0.5)]
    assert got == expected
