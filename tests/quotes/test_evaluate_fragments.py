"""Scoring attributions whose content is two fragments under one cue (“A,” he said. “B.”,
«A, — заявил он, — B»): one attribution for matching, and its content tokens are the fragments'
own, not the author's remark between them. Offsets into a sentence written for this test."""

from __future__ import annotations

import pytest

from rashomon.evaluation.brat import GoldAttribution, GoldDocument
from rashomon.model import Quote, Span
from rashomon.quotes.evaluate import score_document

TEXT = "«Мы готовы к переговорам, — заявил министр Павел Орлов, — но только на равных условиях»."
A = (0, TEXT.index(",") + 1)
CUE = (TEXT.index("заявил"), TEXT.index("заявил") + len("заявил"))
SRC = (TEXT.index("министр"), TEXT.index("Орлов") + len("Орлов"))
B = (TEXT.index("но только"), TEXT.index("»") + 1)
GOLD = GoldDocument("t", TEXT, "us", [GoldAttribution([A, B], [CUE], [SRC])])


def _quote(n: int, content: tuple[int, int]) -> Quote:
    return Quote(f"q{n}", "direct", Span(*content, TEXT[slice(*content)]), Span(*CUE, "заявил"),
                 Span(*SRC, TEXT[slice(*SRC)]), "Павел Орлов", None)


@pytest.mark.parametrize(
    "contents,token_precision",
    [
        ([A, B], 1.0),  # the two fragments: every predicted content token is gold
        ([(A[0], B[1])], 9 / 13),  # one span over the remark: its four words are not the minister's
        ([A], 1.0),  # one fragment alone: precise, half the recall
    ],
)
def test_evaluate_fragments_tokens_are_the_fragments(contents, token_precision):
    out = score_document(TEXT, [_quote(n, c) for n, c in enumerate(contents)], GOLD)
    assert out["content_overlap"].matched_pred == 1 and out["content_overlap"].n_pred == 1  # one attribution either way
    assert out["cue"].n_pred == 1
    assert out["content_tokens"].precision == pytest.approx(token_precision)
