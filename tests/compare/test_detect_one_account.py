"""Conflicts that are one account, not two, end to end on sentences written for these tests (real
models): two copies of one text, figures and dates said of two holders, cells of one breakdown,
two grammatical subjects of one negated predicate, a day of speaking, a speaker
saying "I" against a statement about others, a denial that is only the report of a dispute, an
attributive or addressed cue, and a claimant named inside the rebutter's own apposition. Each has a
positive twin that still conflicts."""

from __future__ import annotations

import pytest

from rashomon.compare import compare_articles

pytestmark = pytest.mark.slow

def _conflicts(analyzer, *texts, published=None):
    arts = [analyzer.analyze_text(t, source=f"o{k}", **({"published": published[k]} if published else {}))
            for k, t in enumerate(texts)]
    return arts, compare_articles(arts, min_confidence=0.0).conflicts


def _check_spans(arts, conflicts):
    text_of = {a.id: a.text for a in arts}
    for c in conflicts:
        for p in c.positions:
            assert text_of[p.article][p.start : p.end] == p.text


def _found(analyzer, texts, *kinds, rebuttals=False, published=None):
    """The conflicts of these kinds (or the rebuttals) among the texts, every span checked first."""
    arts, conflicts = _conflicts(analyzer, *texts, published=published)
    _check_spans(arts, conflicts)
    return [c for c in conflicts if (c.features.get("rebuttal") if rebuttals else c.kind in kinds)]


def test_detect_one_account_copies_of_one_column(analyzer):
    # The same column printed on two days (one copy with a line added): "today" resolves to two
    # dates, and a sentence of one copy against another sentence of the other copy is the author
    # against themself.
    col = ("\u201cFacts may be losing their value in today's world,\u201d said Mary Jones, a professor at the "
           "University of Springfield who studies rumours. Senator Tom Hill isn't the first politician with a loose "
           "grasp of the facts, of course. But he may be the first politician to exploit the distrust of local "
           "newspapers in Springfield.")
    arts, conflicts = _conflicts(analyzer, col, col + " The column first ran in the Springfield Herald.",
                                 published=["2016-03-04", "2016-03-05"])
    _check_spans(arts, conflicts)
    assert conflicts == []


def test_detect_one_account_copies_keep_a_quoted_source(analyzer):
    # Both articles print the denial; the other's own claim still meets it.
    denial = "\u201cMexico will not pay for the border wall,\u201d former president Vicente Fox told reporters in Mexico City."
    claim = "Donald Trump insisted that Mexico will pay for the border wall."
    arts, conflicts = _conflicts(analyzer, denial + " " + claim, denial + " He spoke on Monday.")
    _check_spans(arts, conflicts)
    cross = [c for c in conflicts if c.kind == "polarity" and len({p.article for p in c.positions}) == 2]
    assert cross


@pytest.mark.parametrize(
    "texts,expected",
    [
        # two holders of one measure, one article
        (("Senator Ted Cruz (who has 231 delegates) must win most of the remaining contests, Kasich said. "
          "Donald Trump, with 329 delegates, needs fewer of the remaining contests, the campaign said.",), False),
        # one holder, two accounts
        (("Senator Ted Cruz has won 231 delegates so far, his campaign said on Monday.",
          "Senator Ted Cruz has won 329 delegates so far, the party said on Monday."), True),
        # a figure wanted against a figure that is: two measures
        (("Senator Anna Brooks wants a minimum wage of $12 an hour in Ohio, she told voters in Columbus.",
          "The minimum wage in Ohio is $7.25 an hour, the state labor department said."), False),
        # two figures wanted: one measure
        (("Senator Anna Brooks wants a minimum wage of $12 an hour in Ohio, she told voters in Columbus.",
          "Senator Anna Brooks wants a minimum wage of $15 an hour in Ohio, her campaign said."), True),
        # figures of two groups of one poll: two rows
        (("Senator Anna Brooks leads the race with 66 percent among voters under 45, the Ohio poll found.",
          "Senator Anna Brooks leads the race with 41 percent among voters over 65, the Ohio poll found."), False),
        # the same group in two accounts
        (("Senator Anna Brooks leads the race with 66 percent among voters under 45, the Ohio poll found.",
          "Senator Anna Brooks leads the race with 58 percent among voters under 45, the Ohio paper said."), True),
        # a part of the total ("in particular", «в частности») against the total: one account
        (("The World Bank will give Ukraine $150 million for poor families, the ministry said on Monday.",
          "The World Bank will give Ukraine, in particular, $50 million for poor families, the bank said on Monday."),
         False),
        (("Всемирный банк выделит Украине 150 млн долларов на поддержку семей, сообщило министерство.",
          "Украина получит от Всемирного банка, в частности, 50 млн долларов на поддержку семей, отмечается в сообщении банка."),
         False),
    ],
    ids=["two-holders", "one-holder", "wanted-vs-is", "wanted-vs-wanted", "two-groups", "one-group", "part-en",
         "part-ru"],
)
def test_detect_one_account_holders(analyzer, texts, expected):
    assert bool(_found(analyzer, texts, "quantity")) is expected


@pytest.mark.parametrize(
    "text",
    [
        # two people's days in one article date two acts
        "\u201cIt all comes down to Donald Trump on Thursday night delivering a strong speech,\u201d said Reince "
        "Priebus in Cleveland. The speech Melania Trump delivered on Monday night in Cleveland was not the draft "
        "the speechwriters submitted, Donald Trump said.",
        # the day someone spoke is not the day of the event they spoke of
        "Chris Christie defended his performance at Saturday's debate in Manchester, saying Monday that it was "
        "his best night. Jeb Bush clashed with Donald Trump at Saturday's debate in Manchester, Bush told reporters.",
    ],
    ids=["two-holders-days", "day-of-speaking"],
)
def test_detect_one_account_dates(analyzer, text):
    assert _found(analyzer, (text,), "date") == []


def test_detect_one_account_two_rows_of_one_table(analyzer):
    text = ("About 82 percent of murders involving white victims were committed by white people, while 14 percent "
            "were committed by black people, according to the FBI. Among murders involving black victims, about 90 "
            "percent were committed by black people, while 7 percent were committed by white people.")
    assert _found(analyzer, (text,), "quantity") == []


def test_detect_one_account_breakdown_cells(analyzer):
    text = ("In a contest between Trump and Sanders, Trump was preferred 51 percent versus 38 percent, with 10 percent "
            "not planning to vote. In breaking down the results, the Military Times found Democrats favored Clinton, "
            "72 percent to 8 percent, while Republicans favored Trump, 82 percent to 6 percent. Female troops preferred "
            "Clinton 51 percent to 24 percent, while male troops backed Trump, 57 percent to 22 percent.")
    assert _found(analyzer, (text,), "quantity") == []


@pytest.mark.parametrize(
    "texts,expected",
    [
        # two rows of tables, each told by its own article: no figure of one row is the other's
        (("American employment grew faster than immigrant employment: 1.27% versus 0.81%, the report says.",
          "Immigrant employment grew faster than American employment: 3.03% versus 1.42%, the report says."), False),
        (("In the poll, Clinton leads Trump 49 percent to 39 percent among likely voters.",
          "In the poll, Sanders leads Trump 53 percent to 36 percent among likely voters."), False),
        # one figure each: still one measure told two ways
        (("American employment grew by 1.27% last year, the report says.",
          "American employment grew by 3.03% last year, the report says."), True),
    ],
)
def test_detect_one_account_rows_across_articles(analyzer, texts, expected):
    assert bool(_found(analyzer, texts, "quantity")) is expected


@pytest.mark.parametrize(
    "texts,expected",
    [
        # the speaker's "I" against voters in general
        (("Undeclared voters in Concord say they will vote in the Democratic primary, a new poll shows.",
          "\u201cI have never voted in the Democratic primary,\u201d said Nicky Driscoll, a teacher in Concord."), False),
        # "I" against a statement naming the speaker
        (("Nicky Driscoll voted in the Democratic primary in Concord in 2012, the county clerk said.",
          "\u201cI have never voted in the Democratic primary,\u201d said Nicky Driscoll, a teacher in Concord."), True),
    ],
    ids=["i-vs-others", "i-vs-named-self"],
)
def test_detect_one_account_speaker_of_self(analyzer, texts, expected):
    assert bool(_found(analyzer, texts, "polarity")) is expected


@pytest.mark.parametrize(
    "text",
    [
        # the report of a dispute is not one side's claim in it
        "The university rebutted the accusation by Acme Oil that articles about the company, produced by students of "
        "the school, were misleading and inaccurate. The dean of the Springfield School of Journalism has published a "
        "letter strongly disputing accusations by Acme Oil that students from the school had produced inaccurate and "
        "misleading articles about the company.",
        # an attributive cue on a noun that is no claim
        "Early in the campaign, Trump attacked Romney, calling him a failed candidate. Romney fired back in March, "
        "attacking Trump for \u201cthe greed, the showing off, the absurd third grade theatrics\u201d of his campaign.",
        # a cue said of the people addressed
        "Supporters of Senator John Miller booed the speech in Springfield on Monday. \u201cYou are being "
        "ridiculous,\u201d Mayor Anna Brooks told the supporters.",
        # said of people, not of a claim
        "Comedian Sarah Silverman heckled Sanders supporters on Monday in Philadelphia. She told holdouts for the "
        "senator that they were \u201cbeing ridiculous,\u201d and the crowd booed.",
        # an evaluative cue with a that-clause affirms the clause
        "Mayor Anna Brooks said the Springfield party had 400 delegates on board before the vote. \u201cIt is absurd "
        "that you had 400 delegates on board before anybody voted,\u201d Senator John Miller said.",
        # a cue inside a conditional
        "The newsroom will fact-check every speech at the convention in real time. \u201cSo, if Senator John Miller "
        "says something that's nonsense, I will say so,\u201d said Tom Hill, the editor.",
        # "deny" with two objects withholds, it does not dispute
        "The latest plan to stop Donald Trump from claiming the nomination is a classic Hail Mary play. Trailing "
        "contenders Ted Cruz and John Kasich have agreed to divide some primaries in ways that might give both a "
        "better chance of beating Trump and denying him a first-ballot victory at the convention.",
        # a question is no claim to deny
        "Laura Loomer asked Keith Ellison why the police were called to Amy Alexander's house in 2005 over domestic "
        "violence. Ellison was in a relationship with Alexander at that time, but has denied the allegations.",
        # nor is the frame left over after a quotation ("the pope said in Chile")
        "Bishop Juan Barros was accused of covering up abuse. \u201cThe day they bring me proof, I will speak. Is "
        "this clear?\u201d the pope said in Chile. The pope later insisted there was \u201cno evidence\u201d against "
        "the bishop, his spokesman said.",
    ],
    ids=["reported-dispute", "attributive-cue", "addressed-cue", "being-ridiculous", "absurd-that", "if-nonsense",
         "deny-him-a-victory", "asked-why", "speech-frame"],
)
def test_detect_one_account_no_rebuttal(analyzer, text):
    assert _found(analyzer, (text,), rebuttals=True) == []


def test_detect_one_account_attributive_claim_noun_still_rebuts(analyzer):
    text = ("Senator John Miller said Mayor Anna Brooks took bribes from a construction company in Springfield. "
            "Mayor Anna Brooks dismissed the baseless allegations on Monday, her office said.")
    assert _found(analyzer, (text,), rebuttals=True)


def test_detect_one_account_claimant_is_the_verb_subject(analyzer):
    # The White House sits in the rebutter's apposition; the claim is Clinton's.
    text = ("On Tuesday Hillary Clinton again tried to show that Bernie Sanders had opposed a bill in 2009 that "
            "included money to save the car industry. But right after she did, David Axelrod, who was senior adviser "
            "to Obama in the White House, tweeted this: \"She did it again and I will say it again. It is misleading "
            "to imply that the second bill was a car rescue bill.\"")
    rebutted = _found(analyzer, (text,), rebuttals=True)
    assert rebutted and all("White House's claim" not in c.why for c in rebutted)
    assert {p.source_name for p in rebutted[0].positions} == {"Hillary Clinton", "David Axelrod"}


@pytest.mark.parametrize(
    "texts,expected",
    [
        # two noun subjects: the old ruling gave the right, the Constitution does not
        (("\u0412\u0435\u0440\u0445\u043e\u0432\u043d\u044b\u0439 \u0441\u0443\u0434 \u0421\u0428\u0410 \u043e\u0442\u043c\u0435\u043d\u0438\u043b \u0440\u0435\u0448\u0435\u043d\u0438\u0435 1973 \u0433\u043e\u0434\u0430, \u043a\u043e\u0442\u043e\u0440\u043e\u0435 \u0434\u0430\u0432\u0430\u043b\u043e \u0436\u0435\u043d\u0449\u0438\u043d\u0430\u043c "
          "\u043a\u043e\u043d\u0441\u0442\u0438\u0442\u0443\u0446\u0438\u043e\u043d\u043d\u043e\u0435 \u043f\u0440\u0430\u0432\u043e \u043d\u0430 \u0430\u0431\u043e\u0440\u0442.",
          "\u0412 \u043f\u043e\u0441\u0442\u0430\u043d\u043e\u0432\u043b\u0435\u043d\u0438\u0438 \u0412\u0435\u0440\u0445\u043e\u0432\u043d\u043e\u0433\u043e \u0441\u0443\u0434\u0430 \u0421\u0428\u0410 \u0441\u043a\u0430\u0437\u0430\u043d\u043e: \u00ab\u041a\u043e\u043d\u0441\u0442\u0438\u0442\u0443\u0446\u0438\u044f \u043d\u0435 \u0434\u0430\u0451\u0442 \u043f\u0440\u0430\u0432\u0430 \u043d\u0430 \u0430\u0431\u043e\u0440\u0442\u00bb."), False),
        # one subject, two accounts
        (("\u0420\u0435\u0448\u0435\u043d\u0438\u0435 1973 \u0433\u043e\u0434\u0430 \u0434\u0430\u0432\u0430\u043b\u043e \u0436\u0435\u043d\u0449\u0438\u043d\u0430\u043c \u043f\u0440\u0430\u0432\u043e \u043d\u0430 \u0430\u0431\u043e\u0440\u0442, \u0437\u0430\u044f\u0432\u0438\u043b \u0441\u0435\u043d\u0430\u0442\u043e\u0440 \u0414\u0436\u043e\u043d \u0421\u043c\u0438\u0442.",
          "\u0420\u0435\u0448\u0435\u043d\u0438\u0435 1973 \u0433\u043e\u0434\u0430 \u043d\u0435 \u0434\u0430\u0432\u0430\u043b\u043e \u0436\u0435\u043d\u0449\u0438\u043d\u0430\u043c \u043f\u0440\u0430\u0432\u0430 \u043d\u0430 \u0430\u0431\u043e\u0440\u0442, \u0437\u0430\u044f\u0432\u0438\u043b \u0441\u0435\u043d\u0430\u0442\u043e\u0440 \u041f\u0438\u0442\u0435\u0440 \u0411\u0440\u0430\u0443\u043d."), True),
        # two personal pronouns: they do not, he does
        (("The theologians and the bishops are afraid, the cardinal said. They do not express this truth clearly "
          "and perfectly.",
          "The pope is a mysterious man, Cardinal Villot said. He expresses the truth clearly, and then he does the "
          "opposite."), False),
    ],
    ids=["ru-two-subjects", "ru-one-subject", "they-vs-he"],
)
def test_detect_one_account_grammatical_subjects(analyzer, texts, expected):
    assert bool(_found(analyzer, texts, "polarity")) is expected


@pytest.mark.parametrize(
    "texts",
    [
        # one name inside the other is one place
        ("Ebola outbreak declared in Democratic Republic of Congo. Two cases were confirmed, the health ministry said.",
         "Officials will investigate how the outbreak started. This is the ninth Ebola outbreak in Congo, the World "
         "Health Organization said."),
        # two subjects of the anchoring verb: two arrests
        ("A 46-year-old Mexican man was arrested in Chicago on Monday, officials said.",
         "A 40-year-old illegal alien was arrested in San Antonio on Monday, officials said."),
        # two places, two days: two operations (neither the days nor the places conflict)
        ("Officers in Cook County arrested 30 people during an enforcement operation that ended Monday.",
         "Officers in Kansas City arrested 25 people during an enforcement operation that ended Thursday."),
        # two days of claims that are not about one thing
        ("The campaign hopes to avoid a December 4 election runoff, its manager said.",
         "Three statewide races went into recounts following the Nov. 6 elections, officials said."),
    ],
    ids=["place-inside-place", "two-arrested", "two-operations", "two-elections"],
)
def test_detect_one_account_two_events(analyzer, texts):
    assert _found(analyzer, texts, "place", "date", "quantity") == []


def test_detect_one_account_one_event_two_places_still_conflicts(analyzer):
    assert _found(analyzer, ("Richard Blumenthal spoke at the veterans event in Norwalk on Monday.",
                             "Richard Blumenthal spoke at the veterans event in Norfolk on Monday."), "place")


@pytest.mark.parametrize(
    "texts",
    [
        # "not only X but also Y" affirms X
        ("Viktor Orban says there are not only Muslim invaders in the mix of refugees, but also economic migrants "
         "seeking better lives. RT reports: Refugees in Europe are just Muslim invaders and economic migrants, "
         "Hungarian Prime Minister Viktor Orban has said.",),
        # a question asked is no statement
        ("Bill Clinton does not owe Monica Lewinsky an apology, his spokesman said on Monday.",
         "A reporter asked Bill Clinton if he owed Monica Lewinsky an apology for the affair."),
        # "not all X are Y" denies a generalisation, not something said of some of them
        ("He pandered to all Hispanics with inauthentic Mexican food, the newspaper wrote.",
         "\u201cNot all Hispanics are Mexican,\u201d Eva Lopez told the Dutch newspaper NRC on Monday."),
    ],
    ids=["not-only", "asked-if", "not-all"],
)
def test_detect_one_account_no_plain_statement(analyzer, texts):
    assert _found(analyzer, texts, "polarity") == []


def test_detect_one_account_self_contained_denial(analyzer):
    # A quoted denial that says what it denies points back only at a statement it shares something with.
    text = ("Chinese commentators criticised the new naval patrols near the islands. Second, the commentaries seemed "
            "intended to tarnish the commander, the Pacific Command said. \u201cYou know, when I am described as a "
            "Japanese admiral, it's not true,\u201d Admiral Harry Harris said.")
    assert _found(analyzer, (text,), rebuttals=True) == []


def test_detect_one_account_bare_denial_points_back(analyzer):
    # "That is not true" names nothing: it denies the statement before it.
    text = ("Governor Mike Pence suggested the law is the same as the 1993 law. \u201cThat is not true,\u201d said "
            "White House Press Secretary Josh Earnest.")
    found = _found(analyzer, (text,), rebuttals=True)
    assert found and {p.source_name for p in found[0].positions} == {"Mike Pence", "Josh Earnest"}


@pytest.mark.parametrize(
    "texts,expected",
    [
        # the other day is said of another contest: "Saturday's Wyoming caucuses", not the primary
        (("Bernie Sanders won the Democratic primary in Wisconsin on Tuesday, the networks projected.",
          "Bernie Sanders has won seven contests, including the Wisconsin primary and Saturday's Wyoming caucuses."), False),
        # both days said of one primary
        (("Bernie Sanders won the Democratic primary in Wisconsin on Tuesday, the networks projected.",
          "Bernie Sanders won the Democratic primary in Wisconsin on Wednesday, the paper said."), True),
    ],
    ids=["day-of-another-event", "day-of-one-event"],
)
def test_detect_one_account_what_a_day_is_said_of(analyzer, texts, expected):
    assert bool(_found(analyzer, texts, "date", published=["2016-04-06"] * len(texts))) is expected
