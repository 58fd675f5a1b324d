"""Spans are sacred: for every layer, text[start:end] is the span's text (hypothesis)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.serialize import analysis_dict

pytestmark = pytest.mark.slow

# Pieces that stress the layers: names in both scripts, every quote style, odd quote
# counts, possessives, brackets, CRLF and blank lines, emoji outside the BMP.
PIECES = [
    "Vladimir Putin", "Putin’s", "Alyaksandr Lukashenka", "[Yury] Zyankovich", "the FSB", "Kiev’s Maidan",
    "Дмитрия Пескова", "Лукашенко", "в Минске", "«Новичок»", "„Zitat“", "“quoted”", "\"", "«", "”",
    " said ", " заявил, что ", "according to", "по словам", ":", " — ", ", ", ". ", "\n", "\r\n", "\n\n",
    "  ", "\t", "200 militants", "22.04.2021", "🙂", "e\u0301", "Ishchenko", "Zakharova", "KGB:",
    # technique cues, so the techniques layer fires inside odd text too
    "so-called", "camarilla", "It is no coincidence that", "illegitimate ruler", "якобы", "хунта", "!!",
]


def _assert_exact(doc: dict, art) -> None:
    text = art.text
    for a in doc["articles"]:
        assert a["text"] == text
        for ent in a["entities"]:
            for m in ent["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"]
        for q in a["quotes"]:
            for part in ("content", "cue", "speaker"):
                sp = q[part]
                if sp is not None:
                    assert text[sp["start"] : sp["end"]] == sp["text"]
        for layer in ("claims", "techniques", "sentences", "paragraphs", "quantities", "dates"):
            for rec in a[layer]:
                assert text[rec["start"] : rec["end"]] == rec["text"], layer


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# codec=None: any code point, lone surrogates included (they must not crash any layer).
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(st.characters(codec=None), min_size=1, max_size=12)),
                min_size=1, max_size=30))
def test_model_spans_property_every_layer(analyzer, parts):
    text = "".join(parts)
    if not any(ch.isalpha() for ch in text):
        text = "A " + text
    art = analyzer.analyze_text(text)
    art.check_spans()
    for layer, start, end, piece in art.iter_spans():
        assert art.text[start:end] == piece, layer
    # And after a JSON round trip, as a consumer sees it.
    doc = json.loads(json.dumps(analysis_dict([art]), ensure_ascii=False))
    _assert_exact(doc, art)


def test_model_spans_property_seeds(seed_articles):
    for art in seed_articles.values():
        art.check_spans()
        doc = json.loads(json.dumps(analysis_dict([art]), ensure_ascii=False))
        _assert_exact(doc, art)
        assert art.sentences and art.paragraphs and art.entities


@pytest.mark.parametrize(
    "text",
    [
        "Дмитрия Пескова 0\U00017000",  # Tangut letter: pymorphy2's unicodedata.name() lookup raised (hypothesis found it)
        "Песков \U00017000\U00017001 сказал «\U0001b000»",
        "Путин 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 и \u0378",  # mathematical letters and an unassigned code point
    ],
)
def test_model_spans_property_found_examples(analyzer, text):
    art = analyzer.analyze_text(text)
    art.check_spans()
    _assert_exact(json.loads(json.dumps(analysis_dict([art]), ensure_ascii=False)), art)
