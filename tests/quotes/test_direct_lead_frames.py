"""A quotation led in by a source marker or an as-clause of saying, or framed by a gerund of a
"by"-phrase ("According to the campaign, “…”", "“…,” according to the campaign", "As Byler put it,
“…”", "Husted continued by saying, “…”", "“…,” opined Cleveland's Plain Dealer"): the marker's
source, the clause's subject, the gerund's clause subject and the phrase after the verb speak
(session 54; sentences we wrote)."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

Q = "“The speech will be delivered at the institute in Concord on Monday evening.”"
QC = "“The speech will be delivered at the institute in Concord on Monday evening,”"
C = Q  # the content span is the quotation with its marks

# text, expected quotes as (speaker name contains / None, content, cue)
CASES = [
    (f"According to the campaign, {Q}", [("the campaign", C, "According to")]),
    (f"In the words of the governor, {Q}", [("the governor", C, "In the words of")]),
    (f"{QC} according to the campaign.", [("the campaign", QC, "according to")]),
    # Negatives: a verb of saying between the marker and the quotation keeps the quotation.
    (f"{QC} the campaign said, according to Reuters.", [("the campaign", QC, "said")]),
    (f"According to Reuters, the campaign said, {Q}", [("the campaign", C, "said")]),
    # As-clauses of saying whose verb alone is no cue.
    (f"As Byler put it, {Q}", [("Byler", C, "put")]),
    (f"As Byler pointed out in December, {Q}", [("Byler", C, "pointed")]),
    # The parse hangs the comma and the opening mark on the clause's verb.
    (f"As RealClearPolitics’ David Byler pointed out in December, {Q}", [("David Byler", C, "pointed")]),
    # Negatives: an as-clause of time, and "put it" not before a quotation.
    (f"As the crowd cheered, {Q}", [(None, C, None)]),
    ("As the senator put it on the table, the bill was dead.", []),
    # The gerund of a "by"-phrase speaks for its clause's subject.
    (f"Husted continued by saying, {Q}", [("Husted", C, "saying")]),
    # A verb before its subject after the marks: the whole phrase, a possessive in it, speaks.
    (f"{QC} opined Cleveland's Plain Dealer.", [("Plain Dealer", QC, "opined")]),
    (f"{QC} continued Carson.", [("Carson", QC, "continued")]),
    # A name the parse hung on a date before it, an apposition between it and the verb.
    (f"In a call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in Baghdad, said, {Q}",
     [("Steven H. Warren", C, "said")]),
    # The parse gives the verb a subject inside the marks as well as the speaker after them.
    ("He spoke about it.\n“Toil hopelessly or go to prison,” Frank writes. “That is life at the bottom.”",
     [("Frank", "“Toil hopelessly or go to prison,”", "writes"), ("Frank", "“That is life at the bottom.”", "writes")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_direct_lead_frames_table(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
