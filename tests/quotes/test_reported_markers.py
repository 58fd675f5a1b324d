"""Source markers inside brackets, 'as' that belongs to a conjunction, and focus words before a
source. Sentences are ours."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# text, expected quotes as (source text, exact content)
CASES = [
    # A bare qualifier bracket vouches for what stands before it, not cut mid-bracket; the "if" of
    # a condition is the author's frame, not what Warsaw vouches for.
    ("If he is also a Polish citizen (at least according to Warsaw), then extradition means a long sentence.",
     [("Warsaw", "he is also a Polish citizen")]),
    # A bracket holding its own clause is the content.
    ("Turnout was high in Brest (62 percent of voters came, according to the commission).",
     [("the commission", "62 percent of voters came")]),
    # No bracket: the clause before the marker, as before.
    ("Turnout was high in Brest, according to the commission.", [("the commission", "Turnout was high in Brest")]),
    # A focus word opening the subject qualifies the claim, not who speaks (lang/en/focus_particles.txt).
    ("Only the ministry said that the plant was closed.", [("the ministry", "that the plant was closed")]),
    ("Even the local experts said that the dam was safe.", [("the local experts", "that the dam was safe")]),
    # A conjunction the parser left on a misparsed subject ("privy" read as a verb) is no part of it.
    ("But multiple sources privy to negotiations say it is the leaders who have insisted on acting now.",
     [("multiple sources privy to negotiations", "it is the leaders who have insisted on acting now")]),
    # Negative: "only" inside the phrase, after its first word, stays.
    ("The only witness said that the car was red.", [("The only witness", "that the car was red")]),
    # A marker set off by commas after discourse words vouches for the clause after it; after a
    # verbless subject, for the whole sentence; after a clause with a verb, for that clause.
    ("But according to the police, the driver fled the scene.", [("the police", "the driver fled the scene")]),
    ("The driver, according to the police, fled the scene on Tuesday.",
     [("the police", "The driver, according to the police, fled the scene on Tuesday")]),
    ("The driver fled the scene on Tuesday, according to the police.",
     [("the police", "The driver fled the scene on Tuesday")]),
    # Inside the sentence's last conjunct, set off by commas after a verbless phrase: that conjunct.
    ("Prices rose in May, but in Ohio, according to officials, they fell sharply.",
     [("officials", "in Ohio, according to officials, they fell sharply")]),
    # Negative: a relative clause after the source closes the marker's clause.
    ("Prices rose in May, but in Ohio prices fell, according to officials, who spoke on Monday.",
     [("officials", "Prices rose in May, but in Ohio prices fell")]),
    # A headline label: a name with a preposition phrase after it.
    ("Former AG Mukasey at RNC: Clinton email scandal disqualifies her for presidency.\n\n"
     "Attorney General Michael Mukasey spoke to the delegates in Cleveland.",
     [("Former AG Mukasey at RNC", "Clinton email scandal disqualifies her for presidency")]),
    # "As long as" is a conjunction, not "as X said".
    ("As long as the voters do not know the result, the government will have time to settle in.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_reported_markers_table(analyzer, text, expected):
    art = analyzer.analyze_text(text)
    got = [(q.speaker.text if q.speaker else None, q.content.text) for q in art.quotes]
    assert got == expected
