"""Who says a quotation beside a speech verb, on sentences we wrote: the one a passive control
verb hands the verb to, and never a quotation inside the speaker phrase itself."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name contains / None, content, cue)
CASES = [
    # "X will be persuaded to admit “…”": X admits (through a relative pronoun, its noun).
    ("These are the drivers who will be persuaded by the police to admit that they "
     "“smuggled the cigarettes from Minsk to Riga”.",
     [("the drivers", "“smuggled the cigarettes from Minsk to Riga”", "admit")]),
    ("The drivers were persuaded to admit that they “smuggled the cigarettes from Minsk to Riga”.",
     [("The drivers", "“smuggled the cigarettes from Minsk to Riga”", "admit")]),
    # A quotation in the subject's relative clause describes the speakers; it is not what they say.
    ("The drivers, who are delighted with the “very efficient police of Brest”, do not explain why "
     "the trucks were stopped.",
     [("The drivers", "why the trucks were stopped", "explain")]),
    # The one who continues to say it, or who said it while pushing a line, says the quotation.
    ("Governor Tom Hale went on to say, “The bridge will open in May and the tolls will stay low.”",
     [("Tom Hale", "“The bridge will open in May and the tolls will stay low.”", "say")]),
    # A clause the parser read as a determiner "that" and an object runs on to its verb.
    ("Governor Tom Hale continued to push the plan, tweeting that the new bridge would be a “great success.”",
     [("Tom Hale", "that the new bridge would be a “great success.”", "tweeting")]),
    # Negative: an expletive "it" says nothing.
    ("It seems unfair to simply tell the miners: “We are sorry, but it did not work out in the end.”",
     [(None, "“We are sorry, but it did not work out in the end.”", "tell")]),
    # Negative: a quotation after the verb is still theirs.
    ("The drivers, who were stopped near Brest, said “we smuggled nothing”.",
     [("The drivers", "“we smuggled nothing”", "said")]),
    # "Trump called Comey “…”": the parse made the only predicate a modifier of the name at the
    # root (session 56; before, the quotation went to Comey, the name after the cue). Negative:
    # a reduced relative beside a root verb of its own keeps its subject.
    ('Trump called Comey "a showboat."', [("Trump", '"a showboat."', "called")]),
    ('President Trump called Comey "a showboat."', [("Trump", '"a showboat."', "called")]),
    ('Obama called Putin "a thug."', [("Obama", '"a thug."', "called")]),
    # ", writing “…”" after a clause: the parse hung the participle inside the quotation it
    # introduces (as a subject there, or climbing to the quotation's own verb); the clause's
    # subject speaks.
    ("Band member Flea shared the news on social media last week, writing “Feels great to support someone "
     "I believe in.”", [("Flea", "“Feels great to support someone I believe in.”", "writing")]),
    ("Weaver didn’t seem particularly impressed with the comments Tuesday, telling reporters, “A lot of people "
     "said the government failed.”",
     [("Weaver", "“A lot of people said the government failed.”", "telling"),
      ("A lot of people", "the government failed", "said")]),
    # A name after the closing mark, an aside with a participle between commas, then the verb.
    ("“There have been more successful conventions than this one,” Texas delegate Bill Eastland, wearing a cowboy "
     "hat and “Ted Cruz” campaign pins, said matter-of-factly.",
     [("Bill Eastland", "“There have been more successful conventions than this one,”", "said")]),
    ('The group called Amnesty said "the trial was unfair."',
     [("The group", '"the trial was unfair."', "said")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_direct_speakers_table(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
