"""Beliefs, intentions and evaluations (PolNeAR's wider notion of attribution), on sentences we
wrote: what each rule attributes, and what must stay no attribution."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name contains / None, content, cue)
CASES = [
    # Intentions: the subject's own infinitive; a raised subject of "is expected" has no source.
    ("Clinton wants to expand the program.", [("Clinton", "to expand the program", "wants")]),
    ("The senator is hoping to win the nomination.", [("The senator", "to win the nomination", "hoping")]),
    # The tagger lemmatises "hopes" and "hoped" as "hop" (lang/en/cue_lemma_fixes.tsv).
    ("Governor Tom Hale hopes that the new bridge will bring tourists.",
     [("Tom Hale", "that the new bridge will bring tourists", "hopes")]),
    ("Governor Tom Hale hoped to win the nomination.", [("Tom Hale", "to win the nomination", "hoped")]),
    # Short words in marks inside an evaluation's content are that report's, not an unnamed quote.
    ("In another post, Governor Tom Hale referred to the city council as a “gang.”",
     [("Tom Hale", "the city council as a “gang.”", "referred")]),
    ("Trump is expected to win the primary.", [(None, "Trump is expected to win the primary", "expected")]),
    # Evaluations with an object and its complement; "see" only with "as".
    ("Many voters see Clinton as the stronger candidate.",
     [("Many voters", "Clinton as the stronger candidate", "see")]),
    ("Rubio accused Trump of lying about his record.", [("Rubio", "Trump of lying about his record", "accused")]),
    ("The company announced a new plan on Monday.", [("The company", "a new plan", "announced")]),
    ("Warren called for a special prosecutor.", [("Warren", "a special prosecutor", "called")]),
    ("Sanders pointed to his record on trade.", [("Sanders", "his record on trade", "pointed")]),
    # Cue nouns: a possessor, or the subject of a light verb.
    ("Obama made the case that Clinton is qualified.", [("Obama", "that Clinton is qualified", "made the case")]),
    ("Officials rejected Trump's claim that the election was rigged.",
     [("Officials", "Trump's claim that the election was rigged", "rejected"),
      ("Trump", "that the election was rigged", "claim")]),
    # A cue set off by commas inside the clause it reports: the two pieces around it.
    ("Anna Kowalczyk arrived late. The border, she says, is closed.",
     [("Anna Kowalczyk", "The border", "says"), ("Anna Kowalczyk", "is closed", "says")]),
    # “A,” she said. “B.”: the second quotation continues the first, same cue and speaker.
    ("“We will win,” Anna Kowalczyk said in Warsaw. “Nobody can stop us now.”",
     [("Anna Kowalczyk", "“We will win,”", "said"), ("Anna Kowalczyk", "“Nobody can stop us now.”", "said")]),
    # The one asked is not the asker.
    ("Asked about the ruling, Clinton declined to comment.",
     [(None, "the ruling", "Asked"), ("Clinton", "to comment", "declined")]),
    # A title line keeps its final period.
    ("Graham: Trump's rhetoric is destroying the party.\n\nThe senator spoke on Monday.",
     [("Graham", "Trump's rhetoric is destroying the party", ":")]),
    # A pro-form answers for a whole view (PolNeAR): "said so", "said yes", "say the same of X".
    ("Then 75 percent of Democrats said yes.", [("75 percent of Democrats", "yes", "said")]),
    ("Half of voters like Clinton, compared with 64 percent who say the same of Sanders.",
     [("64 percent", "the same of Sanders", "say")]),
    ("He said so.", [("He", "so", "said")]),
    # Negatives: "so far" is no pro-form; a subject taken from another clause is not the holder.
    ("He has said so far that nothing changed.", []),
    ("Six in 10 say he is decisive, after half said so in the earlier poll.",
     [("Six in 10", "he is decisive", "say")]),
    # Telling someone to act: the infinitive after the addressee (lang/en/directive_verbs.txt).
    ("Trump told Christie to go home.", [("Trump", "to go home", "told")]),
    ("She told him about the plan.", []),
    # Negative: a participle on a noun does not make the noun the speaker.
    ("He was heard on a microphone telling Christie to go home.", []),
    # A poll is a source in a headline label (PolNeAR), a section label is not.
    ("Poll: Sanders leads Clinton nationally\n\nThe Quinnipiac Poll released Monday surveyed voters.",
     [("Poll", "Sanders leads Clinton nationally", ":")]),
    ("Related: Sanders leads Clinton nationally\n\nThe Related Poll released Monday surveyed voters.", []),
    # A clause before the cue the parser hung on it is not its content when a ";" parts them or
    # the cue has a that-clause of its own after it.
    ("Aides asserted the plan would work; critics maintained that it would fail.",
     [("Aides", "the plan would work", "asserted"), ("critics", "that it would fail", "maintained")]),
    # An adjective of belief after "be" with a that-clause; "recognize that", "instructed X that".
    ("Republicans are convinced that Trump will lose.",
     [("Republicans", "that Trump will lose", "convinced")]),
    ("She was adamant that the plan would work.", [("She", "that the plan would work", "adamant")]),
    ("Sanders recognizes that the system is rigged.", [("Sanders", "that the system is rigged", "recognizes")]),
    ("The judge instructed the agency that the family must stay.",
     [("The judge", "that the family must stay", "instructed")]),
    # Negatives: no that-clause, no view reported.
    ("He was sure of himself.", []),
    ("The US recognized Kosovo in 2008.", []),
    # "In X's mind/view, …", "In the view of X, …": X's view.
    ("In Harlow's mind, the wall is already built.", [("Harlow", "the wall is already built", "In Harlow's mind")]),
    ("In the view of many economists, the plan will fail.",
     [("many economists", "the plan will fail", "In the view of")]),
    # Negative: "In the end" names nobody.
    ("In the end, the plan failed.", []),
    # A title broken over two lines goes on into the second.
    ("Аналитик Иван Сомов: решения суда фактически\nпротиворечили закону\n\nДепутаты планируют принять закон в среду.",
     [("Иван Сомов", "решения суда фактически\nпротиворечили закону", ":")]),
    ("Lawyer: The dealer noticed nothing odd\n\nThe trial goes on.",
     [("Lawyer", "The dealer noticed nothing odd", ":")]),
    # Negative: a title line's label the article never names again, a place, or a link is no source.
    ("Shocking Update: The race is finally over\n\nVoters went home.", []),
    ("Syria: The war enters its tenth year\n\nVoters went home.", []),
    ("Facebook: https://www.facebook.com/someone/\n\nVoters went home.", []),
    # Negative cases: someone else's act wished for, a question, plain seeing, nobody holding a
    # view, a list the parser read as a clause, a pronoun for content, things that "favour".
    ("They want him to take the blame.", []),
    ("What do Putin and Lukashenka want to hide from each other?", []),
    ("We saw a man in the street.", []),
    ("No one wants to allocate such resources.", []),
    # A fronted cue noun is no light-verb cue (its cue span ran backwards: E040 on a real article).
    ("Whatever criticism they have leveled against the mayor in the past, the vote stands.", []),
    ("The work of the CIA and the FBI, plans to capture the family, and a cellar in Homel.", []),
    ("The situation does not favour the putsch.", []),
    # Not knowing an open question holds no view; an ellipsis after "as" says nothing itself.
    ("The farmers do not know whether to laugh or cry.", []),
    ("Voters who do not understand why the dam was built stayed at home.", []),
    ("Things went approximately as he said they were.", []),
    # ... but a negated belief over a that-clause is one, and so is knowing an answer.
    ("The farmers do not believe that the dam is safe.", [("The farmers", "that the dam is safe", "believe")]),
    # A relative pronoun's noun is the holder ("people who say …").
    ("Farmers who say that the dam is unsafe protested on Monday.", [("Farmers", "that the dam is unsafe", "say")]),
    ("Nobody cared about this.", []),
    ("All of this should be enough, accusing Russia of this.", []),
    ("It’s possible to count on the US, but a weakened Washington prefers to take, not give.", []),  # a noun parse
    ("I.e., the KGB reveals its cards.", [("KGB", "its cards", "reveals")]),  # never "I.e" as the source
    # "call for X to V": the object with its infinitive, however the parser hangs "for".
    ("Critics called for the senator to resign.", [("Critics", "the senator to resign", "called")]),
    ("Warren called for the Trump administration to ensure that families are reunited.",
     [("Warren", "the Trump administration to ensure that families are reunited", "called")]),
    ("Sanders called for an end to the war.", [("Sanders", "an end to the war", "called")]),
    # A quotation that is the whole next paragraph continues the remark that ends the one before
    # (PolNeAR's reading) ...
    ("“We will win,” Anna Kowalczyk said.\n\n“Nobody can stop us now.”",
     [("Anna Kowalczyk", "“We will win,”", "said"), ("Anna Kowalczyk", "“Nobody can stop us now.”", "said")]),
    # ... but not one the paragraph goes on after.
    ("“We will win,” Anna Kowalczyk said.\n\n“Nobody can stop us now.” The crowd then went home quietly.",
     [("Anna Kowalczyk", "“We will win,”", "said"), (None, "“Nobody can stop us now.”", None)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_reported_beliefs_table(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
