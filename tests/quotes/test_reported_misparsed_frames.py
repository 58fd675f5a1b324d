"""Reported speech the small English parse scatters (session 54; sentences we wrote): a clause
closed by "…, he said." whose words the parse hung on the verb as loose dependents, and a sentence
opening with a name whose description the parse misread, the verb left without a subject; a
that-clause hung on a noun after the verb as a relative clause."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name contains / None, content, cue)
CASES = [
    ('Those who do take on heavy debt struggle, even with a "good" job, he said.',
     [("he", 'Those who do take on heavy debt struggle, even with a "good" job', "said")]),
    # The frame hung on the clause as an adverbial, the clause's subject given to it too; and a
    # frame verb conjoined to the clause, with its addressee.
    ("The web has made it possible for people with like-minded, if bogus, ideas to organize into "
     "communities and reach others, she said.",
     [("she", "The web has made it possible for people with like-minded, if bogus, ideas to organize into "
       "communities and reach others", "said")]),
    ("This includes a special force to assist Kurdish Peshmerga, Defense Secretary Ash Carter told the committee.",
     [("Ash Carter", "This includes a special force to assist Kurdish Peshmerga", "told")]),
    # The inverted frame "…, said X", the verb before it read as a noun; a fronted "despite"-phrase.
    ('The rejection of the treaty signals "the beginning of the end" for the EU, said Geert Wilders, founder '
     "of the right-wing Dutch Party for Freedom.",
     [("Geert Wilders", 'The rejection of the treaty signals "the beginning of the end" for the EU', "said")]),
    ("Despite his defeats on Tuesday night, Sen. Bernie Sanders remains committed to seeing the primary through "
     "to the convention, his top aide, Tad Devine, told The Huffington Post.",
     [("Tad Devine", "Despite his defeats on Tuesday night, Sen. Bernie Sanders remains committed to seeing the "
       "primary through to the convention", "told")]),
    ("In Washington, said the senator.", []),
    # Controls and negatives: a well-parsed frame, a quotation before the frame (the direct rules'),
    # a "when"-clause, and a relative clause's verb after a marker.
    ("The tax will rise next year, the minister said on Tuesday.",
     [("the minister", "The tax will rise next year", "said")]),
    ("“The tax will rise next year,” the minister said.", [("the minister", "“The tax will rise next year,”", "said")]),
    ("When the minister arrived, he said.", []),
    ("Prices rose in May, but in Ohio prices fell, according to officials, who spoke on Monday.",
     [("officials", "Prices rose in May, but in Ohio prices fell", "according to")]),
    # The name opening the sentence speaks over a description the parse misread.
    ("Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said he and other rabbis "
     "were alarmed about the rhetoric on the campaign trail.",
     [("Jeffrey Salkin", "he and other rabbis were alarmed about the rhetoric on the campaign trail", "said")]),
    # A that-clause the parse hung on a noun after the verb as a relative clause.
    ("Corey Lewandowski, a rival whom the candidate fired as campaign manager a few weeks ago, said on CNN, where "
     "he is now a paid contributor, that Manafort should be held to account if he vetted the speech.",
     [("Corey Lewandowski", "that Manafort should be held to account if he vetted the speech", "said")]),
    # Negative: a true relative clause ("the report that he wrote") is no content.
    ("The mayor said nothing about the report that he wrote.", []),
    ("Stone says the increase in polarization and partisanship that Bloomberg decries also makes his "
     "election even less likely.", []),
    # Negative: a relative clause with its own subject keeps its own report.
    ("Anna Novak, who said she was tired, said the bridge will be repaired by May.",
     [("Anna Novak", "she was tired", "said"), ("Anna Novak", "the bridge will be repaired by May", "said")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_reported_misparsed_frames_table(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
