"""Paragraphs are non-blank lines, trimmed, with exact offsets."""

from __future__ import annotations

import pytest

from rashomon.segment import paragraph_spans


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Title\n\nBody one.\nBody two.", ["Title", "Body one.", "Body two."]),
        ("  indented  \r\n\r\nnext\r\n", ["indented", "next"]),
        ("\n\n\n", []),
        ("one line", ["one line"]),
        ("a\u00a0\nb", ["a", "b"]),
    ],
)
def test_segment_paragraphs_table(text, expected):
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == expected
