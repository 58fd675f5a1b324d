"""Two English report frames read off PolNeAR's `--split rest` (session 55; sentences we wrote):
a cue clause set off by commas inside what it reports ("This campaign, he says, is different"),
whose content is the two pieces around it, and a document issued "saying" something, whose
speaker is whoever issued it ("the campaign issued a statement saying …"); "She's said that …"
read by the parse as a passive; a participle closing a report ("X said that Y …, noting that …")
given to the reported clause's subject; a cue noun's source after "from" or "by" ("claims by
Ukraine that …"); a quotation after a participle whose subject the parse doubled ("Speaking in
Salem, New Hampshire, Trump went after Bush, calling him “…”") or hung on a document."""

from __future__ import annotations

import pytest

from tests.quotes.expect import assert_quotes

pytestmark = pytest.mark.slow

# text, expected quotes as (speaker name contains / None, content, cue)
PARENTHETICAL = [
    ("This campaign, he says, is different.",
     [("he", "This campaign", "says"), ("he", "is different", "says")]),
    ("The golf industry, Anna Novak said, is doing much better than it was last year.",
     [("Anna Novak", "The golf industry", "said"), ("Anna Novak", "is doing much better than it was last year", "said")]),
    ("The deal, the minister said, would collapse within a year.",
     [("the minister", "The deal", "said"), ("the minister", "would collapse within a year", "said")]),
    # Controls: the frame closing the sentence, or opening it, leaves one piece.
    ("The talks will fail, he said.", [("he", "The talks will fail", "said")]),
    ("He said the talks will fail.", [("He", "the talks will fail", "said")]),
    # Negative: commas around a clause that reports nothing.
    ("The bridge, which opened in May, is closed.", []),
]

ISSUED = [
    ("Minutes later, the Trump campaign issued a statement saying that Trump meant voters.",
     [("the Trump campaign", "that Trump meant voters", "saying")]),
    ("The ministry released a report claiming that the sanctions had failed.",
     [("The ministry", "that the sanctions had failed", "claiming")]),
    ("His office put out a statement saying the senator would vote against the bill.",
     [("His office", "the senator would vote against the bill", "saying")]),
    ("After the attacks, Trump released a new radio ad calling it dangerous that Obama has no strategy.",
     [("Trump", "that Obama has no strategy", "calling")]),
    ("Later that day, Trump fired back a response saying he would not support the agenda.",
     [("Trump", "he would not support the agenda", "saying")]),
    ("Forbes shot back in an article stating that New York was the billionaire capital of the world.",
     [("Forbes", "that New York was the billionaire capital of the world", "stating")]),
    # Negatives: reading a document is not issuing it, and a poll shows its own finding.
    ("She read a report saying the plant was unsafe.",
     [("a report", "the plant was unsafe", "saying")]),
    ("A new poll showing Trump ahead in Ohio was released on Monday.",
     [("A new poll", "Trump ahead in Ohio", "showing")]),
    # A message sent to people (session 56; lang/en/contact_verbs.txt): the sender's participle.
    # Negative: people arrested are no addressees.
    ("The Vermont senator emailed supporters saying the race was not over.",
     [("The Vermont senator", "the race was not over", "saying")]),
    ("Sanders wrote to donors saying the race was not over.",
     [("Sanders", "the race was not over", "saying")]),
    ("Police arrested protesters saying they had blocked the road.",
     [("protesters", "they had blocked the road", "saying")]),
    # An occasion held speaks through its holder (lang/en/occasion_nouns.txt); a video watched
    # shows for itself.
    ("Tuesday, the senator opened a Rochester rally blasting the governor for promoting fracking.",
     [("the senator", "the governor for promoting fracking", "blasting")]),
    ("He held a news conference saying the plant was safe.", [("He", "the plant was safe", "saying")]),
    ("She watched a video showing police beating a man.", [("a video", "police beating a man", "showing")]),
]


@pytest.mark.parametrize("text,expected", PARENTHETICAL, ids=[c[0][:40] for c in PARENTHETICAL])
def test_reported_parenthetical_frames_split(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)


@pytest.mark.parametrize("text,expected", ISSUED, ids=[c[0][:40] for c in ISSUED])
def test_reported_parenthetical_frames_issuer(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)


OTHERS = [
    # "'s" is "has": the parse read "She is said that …".
    ("She's said that the plan will fail.", [("She", "that the plan will fail", "said")]),
    ("It's said that the plan will fail.", [(None, "that the plan will fail", "said")]),
    ("He's said to be ill.", []),
    # The participle closing a report is the reporter's.
    ("Anna Novak, the mayor's spokeswoman, said that the mayor was not breaking her promise on taxes by "
     "accepting the grant, noting that most of the money raised would go to schools.",
     [("Anna Novak", "that the mayor was not breaking her promise on taxes by accepting the grant", "said"),
      ("Anna Novak", "that most of the money raised", "noting")]),
    ("Prosecutors said the officer shot the boy, claiming that he had a knife.",
     [("Prosecutors", "the officer shot the boy", "said"), ("Prosecutors", "that he had a knife", "claiming")]),
    ("Trump argued that a database would keep people from coming into the country illegally, saying it is "
     "all about management.",
     [("Trump", "that a database would keep people from coming into the country illegally", "argued"),
      ("Trump", "it is all about management", "saying")]),
    ("Bennett denied the notion that a campaign shakeup is coming, explaining that he was unaware of the interview.",
     [("Bennett", "the notion that a campaign shakeup is coming", "denied"),
      ("Bennett", "that he was unaware of the interview", "explaining")]),
    # The that-clause the parse hung on a noun of the participle's prepositional phrase.
    ('Cruz said last week that Trump represents "New York values," stating during the debate that they are '
     "social liberals.",
     [("Cruz", 'that Trump represents "New York values,"', "said"), ("Cruz", "that they are social liberals", "stating")]),
    # A verb in another tense joined to the reported clause is the reporter's next act.
    ("Mr. Putin forecast that the slumping economy would soon rebound and praised efforts by John Kerry to end the war.",
     [("Putin", "that the slumping economy would soon rebound", "forecast"),
      ("Putin", "efforts by John Kerry to end the war", "praised")]),
    ("He said prices would rise and wages dropped.", [("He", "prices would rise and wages dropped", "said")]),
    # A second verb of saying joined to the reported clause is the reporter's second report
    # (session 56); negative: a verb that is not one of saying stays in the report.
    ("The director of the centre, Ina Kirsch, told the AP her group never worked with Manafort and said the group "
     "hired the lobbyist.",
     [("Ina Kirsch", "her group never worked with Manafort", "told"),
      ("Ina Kirsch", "the group hired the lobbyist", "said")]),
    ("The minister said prices rose and fell again.", [("The minister", "prices rose and fell again", "said")]),
    # A second report with no clause of its own keeps the reporter but stays in the first
    # report's content, its quoted words with it (not scare quotes of nobody's).
    ("The minister said prices rose and warned of more cuts.",
     [("The minister", "prices rose and warned of more cuts", "said"), ("The minister", "more cuts", "warned")]),
    ("Then they will declare that they have won and declare themselves “heirs of the path” of the leader.",
     [("they", "that they have won and declare themselves “heirs of the path” of the leader", "declare")]),
    # The object of the verb above an infinitive does what it says (object control).
    ("The KGB persuaded Lukashenko to declare that he was ready.", [("Lukashenko", "that he was ready", "declare")]),
    ("The timing of the debate led Republicans to say that Democrats were trying to protect her.",
     [("Republicans", "that Democrats were trying to protect her", "say")]),
    ("He promised voters to cut taxes.", [("He", "to cut taxes", "promised")]),
    ("Sanders used this question to demand that wealthy Americans pay their fair share.",
     [("Sanders", "that wealthy Americans pay their fair share", "demand")]),
    # Negatives: with no report around it, the participle is its clause's subject's.
    ("Police arrested the man, saying he had a gun.", [("Police", "he had a gun", "saying")]),
    ("The officer shot the boy, claiming that he had a knife.",
     [("The officer", "that he had a knife", "claiming")]),
]


@pytest.mark.parametrize("text,expected", OTHERS, ids=[c[0][:40] for c in OTHERS])
def test_reported_parenthetical_frames_others(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)


SENDERS = [
    ("The ministry rejected claims by Ukraine that its troops had crossed the border.",
     [("The ministry", "claims by Ukraine that its troops had crossed the border", "rejected"),
      ("Ukraine", "that its troops had crossed the border", "claims")]),
    # Negatives: a place or a thing after "from" is no sender; no content, no report.
    ("He ignored calls from the floor to resign.", []),
    ("There were complaints from residents.", []),
]


@pytest.mark.parametrize("text,expected", SENDERS, ids=[c[0][:40] for c in SENDERS])
def test_reported_parenthetical_frames_senders(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)


DIRECT = [
    ("Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”",
     [("Trump", "“a total stiff.”", "calling")]),
    ("Anna Novak, who chairs the council, issued a statement Tuesday saying, “I do not feel that the vote was fair.”",
     [("Anna Novak", "“I do not feel that the vote was fair.”", "saying")]),
    ("Even a top strategist said Clinton will have to choose whose side she is on, saying, “At some point, she is "
     "going to have to pick.”",
     [("a top strategist", "Clinton will have to choose whose side she is on", "said"),
      ("a top strategist", "“At some point, she is going to have to pick.”", "saying")]),
    # The parse made "Of" the subject and hung "Carson," on the speaker's name.
    ("Of Carson, Levine, who has given money to Marco Rubio, said, “He is flat-out scary.”",
     [("Levine", "“He is flat-out scary.”", "said")]),
    # The clause's verb read as a modifier of the name; the subject hung on an aside.
    ("O'Malley, who signed sweeping gun laws as governor, interjected to say: \"They have both been "
     "inconsistent when it comes to guns.\"",
     [("O'Malley", "\"They have both been inconsistent when it comes to guns.\"", "say")]),
    ("Clinton, exasperated, famously responded: \"What difference does it make?\"",
     [("Clinton", "\"What difference does it make?\"", "responded")]),
    # Negative: a sign speaks for nobody named; its phrase stops before its cue.
    ("A sign saying “No war” hung on the fence.", [("A sign", "“No war” hung on the fence", "saying")]),
]


@pytest.mark.parametrize("text,expected", DIRECT, ids=[c[0][:40] for c in DIRECT])
def test_reported_parenthetical_frames_direct(analyzer, text, expected):
    art = analyzer.analyze_text(text)
    assert_quotes(art, expected)
    for q in art.quotes:  # a speaker never holds its own cue, nor starts with a preposition
        assert q.speaker is None or q.cue is None or not q.speaker.start < q.cue.start < q.speaker.end
        assert q.speaker is None or not q.speaker.text.startswith("Of ")


RUSSIAN = [
    # Object control in Russian: the object of the verb above the infinitive speaks (not a
    # subject-control verb's infinitive).
    ("КГБ убедил Лукашенко публично заявить, что он готов к переговорам.",
     [("Лукашенко", "он готов к переговорам", "заявить")]),
    ("Это заставило депутатов заявить, что закон нарушен.", [("депутаты", "закон нарушен", "заявить")]),
    ("Министр решил заявить, что закон нарушен.", [("Министр", "закон нарушен", "заявить")]),
    # A past verb joined to the reported clause whose subject it cannot agree with is the reporter's.
    ("Министр заявил, что экономика скоро восстановится, и похвалил усилия правительства.",
     [("Министр", "экономика скоро восстановится", "заявил"), ("Министр", "усилия правительства", "похвалил")]),
    ("Она сказала, что министр уволен и покинул страну.", [("Она", "министр уволен и покинул страну", "сказала")]),
]


@pytest.mark.parametrize("text,expected", RUSSIAN, ids=[c[0][:40] for c in RUSSIAN])
def test_reported_parenthetical_frames_russian_object_control(analyzer, text, expected):
    assert_quotes(analyzer.analyze_text(text), expected)
