"""What frames a reported clause is not part of it, on sentences we wrote: the "if" of a clause a
bracketed "according to X" vouches for, a closing "as shown by X" (whose by-agent is the
source), the clause an "as X considers …" of time hangs on, and an adverb before the open
question nobody claims to know."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name contains / None, content, cue)
CASES = [
    # A bare qualifier bracket vouches for the clause before it, not for its "if".
    ("If the driver is also a Polish citizen (at least according to Warsaw), then his trial will move to Gdansk.",
     [("Warsaw", "the driver is also a Polish citizen", "according to")]),
    # Negative: a main clause before the bracket keeps its first word.
    ("The driver is a Polish citizen (according to Warsaw), and his trial will move to Gdansk.",
     [("Warsaw", "The driver is a Polish citizen", "according to")]),
    ("The turnout was low, according to the election commission.",
     [("the election commission", "The turnout was low", "according to")]),
    # "as shown by X": X shows it, and the content stops before the cue clause.
    ("The mayor also hired the crowd of cheering supporters, as shown by the last video from the square.",
     [("the last video from the square", "The mayor also hired the crowd of cheering supporters", "shown")]),
    ("The mayor hired the crowd, as the video showed.", [("the video", "The mayor hired the crowd", "showed")]),
    # Negative: a fronted as-clause keeps the clause after it whole.
    ("As shown by the video, the mayor hired the crowd of supporters.",
     [("the video", "the mayor hired the crowd of supporters", "shown")]),
    # "as" + a belief with its own object is a clause of time: the object is what is held.
    ("The rally is set for Monday as union leaders consider new demands on the mayor.",
     [("union leaders", "new demands on the mayor", "consider")]),
    # Negative: a speech verb's object is the hearer; "as X told Y" reports the clause before it.
    ("The plant will close in May, as the mayor told the local radio station.",
     [("the mayor", "The plant will close in May", "told")]),
    ("The plant will close in May, as the mayor said.", [("the mayor", "The plant will close in May", "said")]),
    # A that-clause after a time phrase, which the parser takes for an adverbial, is what was said.
    ("Mayor Tom Harlow tweeted last month that he had picked a new police chief.",
     [("Tom Harlow", "that he had picked a new police chief", "tweeted")]),
    ("The mayor notified the council on Tuesday that the bridge will close.",
     [("The mayor", "that the bridge will close", "notified")]),
    ("A statement from the mayor's office indicated the invitation was accepted.",
     [("A statement from the mayor's office", "the invitation was accepted", "indicated")]),
    # Negative: "so … that" says how, not what.
    ("The crowd shouted so loudly that the windows shook.", []),
    # A short paragraph closing on "X reports:" introduces the next paragraph, a block quotation
    # whose marks were lost ...
    ("The probe widened on Friday.\n\nFox News reports:\n\nAt least four classified emails had their markings changed.",
     [("Fox News", "At least four classified emails had their markings changed.", "reports")]),
    # ... not when its verb has an object of its own, nor above a numbered list or a page widget.
    ("The rally was small.\n\nCNN also noted the sparse attendance:\n\nEven the loyal reporters pointed at the empty seats.", []),
    ("The day ahead.\n\nHere is what the paper reports:\n\n1. The mayor will resign on Monday morning.", []),
    ("The probe widened.\n\nFox News reports:\n\ntake our poll - story continues below", []),
    # Not knowing an open question holds no view, an adverb before the question word or not.
    ("I don't know exactly how many of them came to the square (500 or 2,000 people).", []),
    ("I do not know precisely why the mayor left.", []),
    ("I don't know whether the mayor left.", []),
    # Negative: knowing it, or saying it, is still a view held.
    # A name the parser hung on an adverbial phrase, with its apposition, before a subjectless "said".
    ("Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke with the governor.",
     [("Harry Reid", "that he spoke with the governor", "said")]),
    # An inverted "said" closing the sentence, parsed as a conjunct of the clauses it reports.
    ("The big steel plant is hanging on, but it is under intense pressure from imports, said the company's chief executive.",
     [("the company's chief executive", "The big steel plant is hanging on, but it is under intense pressure from imports", "said")]),
    # Negative: a conjunct "said" with its own object is no closing frame.
    ("The mayor arrived late and the council said goodbye to him.", []),
    # A reported clause whose gerund subject the parser made the verb's complement.
    ("Democratic economists, like their Republican counterparts, say taxing consumption encourages savings.",
     [("Democratic economists", "taxing consumption encourages savings", "say")]),
    # A share of people the parser hung on the verb as a number is who says it.
    ("About 4 in 10 say they want the next president to have more liberal policies.",
     [("About 4 in 10", "they want the next president to have more liberal policies", "say")]),
    # Negative: "said to be" is no content clause.
    ("The minister is said to be ill.", []),
    # "called on X to V" is a demand; "called on Monday" is not.
    ("Governor Tom Hale called on the senators to resign over the scandal.",
     [("Tom Hale", "the senators to resign over the scandal", "called")]),
    ("Governor Tom Hale called on Monday and spoke with the mayor.", []),
    # "asked X if …": the question, not whom he asked.
    ("Mr. Rubin asked the students if they were always so serious.",
     [("Rubin", "if they were always so serious", "asked")]),
    # A second report the parser hung on the first one's clause is its speaker's, not the first's.
    ("Officials said this week that the troops will leave Syria, and Governor Tom Hale later wrote that the war was over.",
     [("Officials", "that the troops will leave Syria", "said"), ("Tom Hale", "that the war was over", "wrote")]),
    # Negative: a second "that" clause is still the first speaker's.
    ("Officials said that the troops will leave and that Governor Tom Hale had approved it.",
     [("Officials", "that the troops will leave and that Governor Tom Hale had approved it", "said")]),
    ("I know exactly how many of them came to the square.",
     [("the author", "exactly how many of them came to the square", "know")]),
    ("The ministers say exactly how many people came to the square.",
     [("The ministers", "exactly how many people came to the square", "say")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_reported_frames_table(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
