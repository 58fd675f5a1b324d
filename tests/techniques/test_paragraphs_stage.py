"""The paragraph stage: line evidence, the logistic decision, and spans kept, dropped or added."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.techniques.decode import ModelSpan, explain_paragraph
from rashomon.techniques.features import Ids
from rashomon.techniques.model import Scores
from rashomon.techniques.paragraphs import FEATURES, ParagraphStage, _in_lines, _Intervals, line_features, listed_lines, regate

LABELS = ["Loaded_Language", "Doubt"]
TEXT = "Title here\n\nthe corrupt regime lied.\nofficials met today."


def _scores(text: str, tok: dict[str, list[float]], lang: str = "en") -> Scores:
    """Scores over whitespace tokens; a sentence per line; tok maps a word to its label probabilities."""
    toks = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]
    sentences = listed_lines(text)
    sent_of = np.asarray([next(k for k, (a, b) in enumerate(sentences) if a <= s < b) for s, _, _ in toks])
    prob = np.asarray([tok.get(w, [0.01] * len(LABELS)) for _, _, w in toks], dtype=np.float32)
    sent_prob = np.asarray([prob[sent_of == k].max(0) for k in range(len(sentences))], dtype=np.float32)
    none = np.zeros(len(toks), dtype=np.int64)
    return Scores(np.asarray([s for s, _, _ in toks]), np.asarray([e for _, e, _ in toks]), [w for _, _, w in toks],
                  Ids(none, none, none, none), sent_of, sentences, prob, sent_prob, lang)


def _stage(weight_on: str, bias: float, active: tuple[bool, bool] = (True, True), lang_th: float = 0.5) -> ParagraphStage:
    """A stage whose logit is `bias` + the (unscaled) feature `weight_on`."""
    L, F = len(LABELS), len(FEATURES)
    w = np.zeros((L, F))
    w[:, FEATURES.index(weight_on)] = 1.0
    return ParagraphStage(list(LABELS), np.zeros((L, F)), np.ones((L, F)), w, np.full(L, bias),
                          np.asarray(active), {"en": lang_th, "ru": lang_th}, {})


def test_paragraphs_listed_lines_skip_blank():
    assert [TEXT[s:e] for s, e in listed_lines(TEXT)] == ["Title here", "the corrupt regime lied.", "officials met today."]


def test_paragraphs_line_features_values():
    sc = _scores(TEXT, {"corrupt": [0.9, 0.2]})
    lines = listed_lines(TEXT)
    loaded = (TEXT.index("corrupt"), TEXT.index("corrupt") + 7)
    X = line_features(TEXT, lines, sc.starts, sc.ends, sc.sentences, sc.token_prob, sc.sent_prob, "en", LABELS,
                      [("Loaded_Language", *loaded), ("Doubt", 0, 5)], [("Loaded_Language", *loaded)])
    assert X.shape == (3, 2, len(FEATURES))
    f = {name: X[..., k] for k, name in enumerate(FEATURES)}
    assert f["found"][:, 0].tolist() == [0, 1, 0] and f["rule"][:, 0].tolist() == [0, 1, 0]
    assert f["found"][:, 1].tolist() == [1, 0, 0]
    assert f["tok_max"][1, 0] > 2 > f["tok_max"][2, 0]  # logit of 0.9 against 0.01
    assert np.allclose(f["art_found"][:, 0], 1 / 3)
    assert f["others"][1].tolist() == [0, 1] and f["others"][0].tolist() == [1, 0]
    assert f["ru"].sum() == 0 and np.allclose(f["log_len"][:, 0], np.log1p([2, 4, 3]))


def test_paragraphs_line_features_no_lines():
    sc = _scores(TEXT, {})
    X = line_features(TEXT, [], sc.starts, sc.ends, sc.sentences, sc.token_prob, sc.sent_prob, "en", LABELS, [], [])
    assert X.shape == (0, 2, len(FEATURES))


@pytest.mark.parametrize(
    "active, found, expected",
    [
        ((True, True), [0, 0], [True, True]),  # bias 5: every label accepted
        ((False, True), [0, 0], [False, True]),  # an inactive label keeps what the spans said ...
        ((False, True), [1, 0], [True, True]),  # ... found there
    ],
)
def test_paragraphs_decide_inactive_labels_keep_spans(active, found, expected):
    stage = _stage("ru", 5.0, active)
    X = np.zeros((1, 2, len(FEATURES)))
    X[0, :, FEATURES.index("found")] = found
    assert stage.decide(X, "en")[0].tolist() == expected


def test_paragraphs_stage_json_round_trip():
    stage = _stage("tok_max", -1.0, (True, False))
    back = ParagraphStage.from_json(stage.to_json())
    X = np.random.default_rng(0).normal(size=(4, 2, len(FEATURES)))
    assert np.allclose(back.probabilities(X), stage.probabilities(X))
    assert back.active.tolist() == [True, False] and back.thresholds == stage.thresholds


@pytest.mark.parametrize("broken", [{"features": ["tok_max"]}, {"mean": [[0.0]]}])
def test_paragraphs_stage_json_rejects_mismatch(broken):
    d = dict(_stage("tok_max", 0.0).to_json(), **broken)
    with pytest.raises(ValueError):
        ParagraphStage.from_json(d)


def test_paragraphs_regate_drops_rejected_and_adds_accepted():
    # Loaded_Language: accepted where its token logit is high (line 2), so the model span in line 3
    # goes and line 2 gets one; Doubt is rejected, and no span is added for it.
    sc = _scores(TEXT, {"corrupt": [0.95, 0.01], "officials": [0.2, 0.01]})
    lines = listed_lines(TEXT)
    stage = _stage("tok_max", -2.0)
    off = TEXT.index("officials")
    model_spans = [ModelSpan("Loaded_Language", off, off + 9, 0.2, "token", 0)]
    rules = [("Doubt", 0, 5)]
    keep_model, added = regate(stage, TEXT, sc, lines, model_spans, rules, label_lines=True)
    assert keep_model == [False]  # the rule span is evidence and stays in the component
    # The stage says the paragraph uses it, not where: the line's likeliest sentence is the span.
    assert [(a[0], TEXT[a[1] : a[2]]) for a in added] == [("Loaded_Language", "the corrupt regime lied.")]
    assert "strongest word 'corrupt' (0.95)" in explain_paragraph(sc, LABELS, added[0])
    # "gate" (the default) only drops.
    assert regate(stage, TEXT, sc, lines, model_spans, rules) == ([False], [])


def test_paragraphs_explanation_names_a_content_word():
    # "the" scores higher than "regime", but a function word is never the evidence shown.
    sc = _scores(TEXT, {"the": [0.6, 0.01], "regime": [0.3, 0.01]})
    line = listed_lines(TEXT)[1]
    why = explain_paragraph(sc, LABELS, ("Loaded_Language", line[0], line[1], 0.41))
    assert why == "paragraph stage: 0.41 that this paragraph uses it, likeliest sentence shown; strongest word 'regime' (0.30)"


def _sentence_scores(text: str, sentences: list[tuple[int, int]], tok: dict[str, list[float]],
                     sent: list[list[float]]) -> Scores:
    """Scores with the given sentences and sentence probabilities (several sentences to a line)."""
    sc = _scores(text, tok)
    sent_of = np.asarray([next((k for k, (a, b) in enumerate(sentences) if a <= s < b), -1) for s in sc.starts])
    return Scores(sc.starts, sc.ends, sc.words, sc.ids, sent_of, sentences, sc.token_prob,
                  np.asarray(sent, dtype=np.float32), "en")


@pytest.mark.parametrize(
    "tok, sent, expected",
    [
        ({"corrupt": [0.9, 0.01]}, [[0.1, 0.0], [0.2, 0.0], [0.1, 0.0]], "The corrupt regime lied."),  # its strongest word
        ({}, [[0.1, 0.0], [0.1, 0.0], [0.7, 0.0]], "Nobody believes them."),  # its sentence probability
        ({}, [[0.0, 0.0]] * 3, "They met."),  # a tie: the first, trailing space trimmed
    ],
)
def test_paragraphs_regate_adds_the_likeliest_sentence(tok, sent, expected):
    text = "Title\n\nThey met. The corrupt regime lied. Nobody believes them.\n"
    body = text.index("They")
    cuts = [body, text.index("The "), text.index("Nobody"), text.index("them.") + 5]
    sentences = [(cuts[0], cuts[1]), (cuts[1], cuts[2]), (cuts[2], cuts[3])]
    sc = _sentence_scores(text, sentences, tok, sent)
    # Every line accepted for Loaded_Language (bias 5), none for Doubt; the title has no sentence.
    stage = ParagraphStage(list(LABELS), np.zeros((2, len(FEATURES))), np.ones((2, len(FEATURES))),
                           np.zeros((2, len(FEATURES))), np.asarray([5.0, -5.0]), np.asarray([True, True]),
                           {"en": 0.5}, {})
    _, added = regate(stage, text, sc, listed_lines(text), [], [], label_lines=True)
    shown = [text[a[1] : a[2]] for a in added if a[0] == "Loaded_Language"]
    # The title line holds no sentence, so the whole line stands; the body shows one sentence.
    assert shown == ["Title", expected]
    assert all(a[0] == "Loaded_Language" for a in added)


@pytest.mark.parametrize(
    "floor, expected",
    [
        (None, ["Title here", "the corrupt regime lied.", "officials met today."]),  # no floor: every accepted line
        ({"en": 0.1}, ["the corrupt regime lied.", "officials met today."]),  # the title's best is 0.01
        ({"en": 0.5}, ["the corrupt regime lied."]),
        ({"ru": 0.5}, ["Title here", "the corrupt regime lied.", "officials met today."]),  # another language's
        ({"en": 0.99}, []),
    ],
)
def test_paragraphs_regate_evidence_floor(floor, expected):
    # Bias 5 accepts every line for Loaded_Language; the floor asks each line for evidence of its own.
    sc = _scores(TEXT, {"corrupt": [0.9, 0.01], "officials": [0.2, 0.01]})
    stage = ParagraphStage(list(LABELS), np.zeros((2, len(FEATURES))), np.ones((2, len(FEATURES))),
                           np.zeros((2, len(FEATURES))), np.asarray([5.0, -5.0]), np.asarray([True, True]),
                           {"en": 0.5, "ru": 0.5}, {}, None, floor)
    _, added = regate(stage, TEXT, sc, listed_lines(TEXT), [], [], label_lines=True)
    assert [TEXT[a[1] : a[2]] for a in added] == expected
    assert ParagraphStage.from_json(stage.to_json()).floor("en") == stage.floor("en")


def test_paragraphs_regate_rule_span_counts_as_shown():
    # An accepted line whose label a lexicon span already shows gets no second span.
    sc = _scores(TEXT, {"corrupt": [0.95, 0.01]})
    s = TEXT.index("corrupt")
    keep_model, added = regate(_stage("tok_max", -2.0), TEXT, sc, listed_lines(TEXT), [], [("Loaded_Language", s, s + 7)],
                               label_lines=True)
    assert keep_model == [] and added == []


def test_paragraphs_regate_keeps_unknown_labels_and_found_spans():
    sc = _scores(TEXT, {"corrupt": [0.95, 0.01]})
    lines = listed_lines(TEXT)
    s = TEXT.index("corrupt")
    spans = [ModelSpan("Loaded_Language", s, s + 7, 0.95, "token", 0), ModelSpan("Slogans", 0, 5, 0.9, "token", 0)]
    keep_model, added = regate(_stage("tok_max", -2.0), TEXT, sc, lines, spans, [], label_lines=True)
    assert keep_model == [True, True] and added == []


_interval = st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=200, deadline=None)
@given(st.lists(_interval, max_size=12), st.lists(_interval.filter(lambda t: t[1] > t[0]), min_size=1, max_size=5))
def test_paragraphs_intervals_match_a_scan(spans, queries):
    # Unsorted, overlapping and empty intervals; an empty one holds its start, as a blank line does.
    index = _Intervals(spans)
    for s, e in queries:
        scan = sorted(k for k, (a, b) in enumerate(spans) if a < e and max(b, a + 1) > s)
        assert sorted(index.overlapping(s, e).tolist()) == scan


_gaps = st.lists(st.tuples(st.integers(0, 4), st.integers(1, 9)), min_size=1, max_size=10)


@settings(max_examples=200, deadline=None)
@given(_gaps, st.lists(st.tuples(st.sampled_from(LABELS + ["Slogans"]), _interval), max_size=12))
def test_paragraphs_in_lines_disjoint_matches_a_scan(gaps, spans):
    # Lines in order without overlap (what listed_lines gives) take the vectorised path.
    lines, at = [], 0
    for gap, length in gaps:
        lines.append((at + gap, at + gap + length))
        at += gap + length
    assert _Intervals(lines).disjoint
    col = {l: j for j, l in enumerate(LABELS)}
    spans = [(label, s, e) for label, (s, e) in spans]
    scan = np.zeros((len(lines), len(LABELS)), dtype=bool)
    for label, s, e in spans:
        for k, (a, b) in enumerate(lines):
            if label in col and a < max(e, s + 1) and b > s:
                scan[k, col[label]] = True
    assert np.array_equal(_in_lines(lines, spans, col), scan)


def test_paragraphs_intervals_overlapping_are_not_disjoint():
    assert not _Intervals([(0, 5), (3, 8)]).disjoint and not _Intervals([(5, 8), (0, 3)]).disjoint
    assert _Intervals([(0, 3), (3, 8)]).disjoint and _Intervals([]).disjoint


def test_paragraphs_listed_lines_of_sentences():
    # One language's sentences select their own paragraphs of a mixed article.
    lines = listed_lines(TEXT)
    assert listed_lines(TEXT, [lines[2]]) == [lines[2]]
    assert listed_lines(TEXT, []) == []


def test_paragraphs_regate_fast_path_matches_the_general_one():
    # Lines out of order take the per-span path; the decisions must be the same.
    sc = _scores(TEXT, {"corrupt": [0.95, 0.01], "officials": [0.2, 0.01]})
    lines = listed_lines(TEXT)
    off, s = TEXT.index("officials"), TEXT.index("corrupt")
    spans = [ModelSpan("Loaded_Language", off, off + 9, 0.2, "token", 0), ModelSpan("Loaded_Language", s, s + 7, 0.9, "token", 0),
             ModelSpan("Doubt", 0, len(TEXT), 0.5, "sentence", 0), ModelSpan("Slogans", 0, 5, 0.9, "token", 0)]
    stage = _stage("tok_max", -2.0)
    fast, _ = regate(stage, TEXT, sc, lines, spans, [], label_lines=True)
    general, _ = regate(stage, TEXT, sc, lines[::-1], spans, [], label_lines=True)
    assert fast == general == [False, True, False, True]


def _encoded(stage: ParagraphStage, weight: float) -> ParagraphStage:
    """`stage` with an encoder feature: Loaded_Language's logit is 5 × the vector's first dimension."""
    from rashomon.techniques.paragraphs import ParagraphEncoder

    L, D = len(LABELS), 513
    w = np.zeros((L, D))
    w[0, 0] = 5.0
    enc = ParagraphEncoder(np.zeros(D), np.ones(D), w, np.zeros(L), np.asarray([True, False]))
    F = len(FEATURES) + 1
    weights = np.zeros((L, F))
    weights[:, :-1] = stage.weights
    weights[:, -1] = weight
    return ParagraphStage(stage.labels, np.zeros((L, F)), np.ones((L, F)), weights, stage.bias, stage.active,
                          stage.thresholds, {}, encoder=enc)


def test_paragraphs_regate_with_encoder_feature(monkeypatch):
    # The encoder says line 3 (and only it) reads as loaded: the stage then marks it, and leaves
    # line 2, whose token evidence alone does not pass. Without the encoder nothing is marked.
    import rashomon.techniques.paragraphs as P

    def vectors(text, lines):
        V = np.zeros((len(lines), 512), dtype=np.float32)
        V[[k for k, (s, e) in enumerate(lines) if text[s:e].startswith("officials")], 0] = 1.0
        return V

    monkeypatch.setattr(P, "paragraph_vectors", vectors)
    sc = _scores(TEXT, {"corrupt": [0.3, 0.01], "officials": [0.2, 0.01]})
    lines = listed_lines(TEXT)
    plain = _stage("tok_max", -1.0)
    assert regate(plain, TEXT, sc, lines, [], [], label_lines=True)[1] == []
    stage = _encoded(plain, 1.0)
    assert stage.features[-1] == "emb"
    added = regate(stage, TEXT, sc, lines, [], [], label_lines=True)[1]
    assert [(a[0], TEXT[a[1] : a[2]]) for a in added] == [("Loaded_Language", "officials met today.")]
    back = ParagraphStage.from_json(stage.to_json())
    assert regate(back, TEXT, sc, lines, [], [], label_lines=True)[1] == added


@pytest.mark.parametrize("broken", [{"features": list(FEATURES)}, {"encoder": {"mean": [0.0], "scale": [1.0],
                                    "weights": [[0.0]], "bias": [0.0], "active": [True]}}])
def test_paragraphs_encoded_stage_json_rejects_mismatch(broken):
    d = dict(_encoded(_stage("tok_max", 0.0), 1.0).to_json(), **broken)
    with pytest.raises(ValueError):
        ParagraphStage.from_json(d)
