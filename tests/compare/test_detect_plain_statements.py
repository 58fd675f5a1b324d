"""Polarity, modality and date conflicts only between plain statements, end to end on sentences
written for these tests (real models): a negation under a modal or a condition, an affirmation
that only speculates or negates by other words ("failed to prove"), a negation of another
subject, a hedge against a statement that attributes or hedges the same thing by other words
("tentatively", «предварительно»), a hedge of another
predicate than the one the other side states, a modal of time ("before it could reach"), "reportedly" against a source saying it, and two days of two events
in one author's article are no conflict; a plain denial of a plain affirmation of the same
subject still is."""

from __future__ import annotations

import pytest

from rashomon.compare import compare_articles

pytestmark = pytest.mark.slow


def _conflicts(analyzer, *texts):
    arts = [analyzer.analyze_text(t, source=f"p{k}") for k, t in enumerate(texts)]
    return arts, compare_articles(arts, min_confidence=0.0).conflicts


@pytest.mark.parametrize(
    "kind,texts",
    [
        # the negation sits in a condition
        ("polarity", ("Richard Blumenthal served in Vietnam, his office said.",
                      "If Richard Blumenthal did not serve in Vietnam, he should say so, a critic said.")),
        ("polarity", ("\u0414\u0435\u043f\u0443\u0442\u0430\u0442 \u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432 "
                      "\u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e \u043c\u044d\u0440 \u0410\u043d\u043d\u0430 "
                      "\u0421\u043c\u0438\u0440\u043d\u043e\u0432\u0430 \u0431\u0440\u0430\u043b\u0430 \u0432\u0437\u044f\u0442\u043a\u0438 "
                      "\u0443 \u0441\u0442\u0440\u043e\u0438\u0442\u0435\u043b\u044c\u043d\u043e\u0439 \u043a\u043e\u043c\u043f\u0430\u043d\u0438\u0438.",
                      "\u0415\u0441\u043b\u0438 \u0431\u044b \u043c\u044d\u0440 \u0410\u043d\u043d\u0430 \u0421\u043c\u0438\u0440\u043d\u043e\u0432\u0430 "
                      "\u043d\u0435 \u0431\u0440\u0430\u043b\u0430 \u0432\u0437\u044f\u0442\u043a\u0438 \u0443 "
                      "\u0441\u0442\u0440\u043e\u0438\u0442\u0435\u043b\u044c\u043d\u043e\u0439 \u043a\u043e\u043c\u043f\u0430\u043d\u0438\u0438, "
                      "\u043e\u043d\u0430 \u0431\u044b \u0441\u043a\u0430\u0437\u0430\u043b\u0430 \u043e\u0431 \u044d\u0442\u043e\u043c, "
                      "\u0437\u0430\u044f\u0432\u0438\u043b \u041e\u043b\u0435\u0433 \u0421\u0438\u0434\u043e\u0440\u043e\u0432.")),
        # the negated act is only possible ("could not meet")
        ("polarity", ("The mayor will meet the protesters in Minsk on Friday, her office said.",
                      "The mayor could not meet the protesters in Minsk on Friday, activists said.")),
        # the affirmation only reports speculation
        ("polarity", ("Many have speculated that the White House offered Joe Sestak a job in the Navy.",
                      "The White House never offered Joe Sestak a job in the Navy, a spokesman said.")),
        # "failed to prove that she took bribes" agrees with "I did not take bribes"
        ("polarity", ("\u201cI did not take bribes from the company,\u201d Mayor Anna Brooks told reporters in Springfield.",
                      "Senator John Miller failed to prove that Mayor Anna Brooks took bribes from the company in Springfield.")),
        # two subjects: the speaker never met Trump, Bloomberg did
        ("polarity", ("\u201cI have never met Donald Trump,\u201d said Kevin Sheekey, an adviser to Michael Bloomberg.",
                      "Michael Bloomberg and Donald Trump met on the golf links in 2007, the club said.")),
        # "allegedly hacked" against "accuses them of hacking": both attribute it
        ("modality", ("Twelve Russian officers allegedly hacked the party emails in 2016, the senator said.",
                      "The indictment accuses twelve Russian officers of hacking the party emails in 2016.")),
        # "before it could reach": a time, not a doubt
        ("modality", ("Postal officials intercepted the package for James Clapper before it could reach the CNN offices in New York.",
                      "The package for James Clapper was meant to reach the CNN offices in New York, police said.")),
        # "reportedly" against a source saying the same: both report it
        ("modality", ("The advertisement will reportedly air in Miami and West Palm Beach next week.",
                      "A Republican involved with the project said the advertisement will air in Miami and West Palm Beach "
                      "next week.")),
        # the hedge bears on another predicate: "may [hand over] the seized ships" says nothing
        # of whether sailors were seized
        ("modality", ("Россия может передать Украине задержанные корабли.", "Моряки ВМС Украины были задержаны.")),
        # two days of two events in one author's article
        ("date", ("Michael Steele will speak with party members on Monday evening. "
                  "Fox News confirmed Steele sent an e-mail to party members on Saturday night.",)),
        # "zero" and "without" negate as "no" does: both sides say the same
        ("polarity", ("The police released zero records about the raid on the warehouse in Dallas, activists said.",
                      "The police did not release any records about the raid on the warehouse in Dallas, the paper said.")),
        ("polarity", ("The island spent 40 days without rain last summer, the weather service said.",
                      "The island had no rain for 40 days last summer, farmers said.")),
        # a claim a negated frame introduces is denied, not stated
        ("polarity", ("No serious engineer can believe that the old dam on the Volga will collapse this winter.",
                      "The old dam on the Volga will not collapse this winter, the ministry said.")),
        # a negation of an adjunct ("but not for …", "not at A but at B") leaves the clause affirmed
        ("polarity", ("The governor aimed the speech at the union leaders in Minsk, the paper said.",
                      "The governor aimed the speech not at the union leaders in Minsk but at the factory owners.")),
        # the negation bears on an act only asked for ("urged him not to declare"), not a fact
        ("polarity", ("President Alan Ward declared a national emergency in Ohio on Friday, the White House said.",
                      "For weeks, senators urged President Alan Ward not to declare a national emergency in Ohio.")),
        ("polarity", ("Мэр Омска Иван Петров закрыл завод на окраине города, сообщили в мэрии.",
                      "Депутаты призвали мэра Омска Ивана Петрова не закрывать завод на окраине города.")),
        # "can" against "could": two modals of ability, neither side plain
        ("modality", ("Jane Hale can appeal her firing, the statement notes.",
                      "Jane Hale could appeal this firing under civil service rules, the department noted.")),
        # a hedging adverb (no modal cue, no content lemma) on the other side: both hedge it
        ("modality", ("Предварительно, завод в Минске закроется в следующем месяце.",
                      "Завод в Минске может закрыться в следующем месяце.")),
        ("modality", ("The factory in Minsk will tentatively close next month, the ministry said.",
                      "The factory in Minsk may close next month.")),
    ],
    ids=["if-not", "ru-esli-by-ne", "could-not", "speculated", "failed-to", "other-subject", "allegedly-vs-accuses",
         "before-it-could", "reportedly-vs-said", "ru-hedge-of-another-verb", "one-article-days", "zero-records", "without-rain",
         "no-one-can-believe-that", "not-at-a-but-at-b", "urged-not-to", "ru-urged-not-to", "can-vs-could", "ru-tentatively", "tentatively"],
)
def test_detect_plain_statements_no_conflict(analyzer, kind, texts):
    _arts, conflicts = _conflicts(analyzer, *texts)
    assert [c for c in conflicts if c.kind == kind] == []


def test_detect_plain_statements_will_against_may_conflicts(analyzer):
    _arts, conflicts = _conflicts(analyzer, "The factory in Minsk will close next month, the ministry said.",
                                  "The factory in Minsk may close next month.")
    mod = [c for c in conflicts if c.kind == "modality"]
    assert mod and "may" in {p.text for p in mod[0].positions}


def test_detect_plain_statements_ru_will_against_may_conflicts(analyzer):
    _arts, conflicts = _conflicts(analyzer, "Завод в Минске закроется в следующем месяце, сообщили в министерстве.",
                                  "Завод в Минске может закрыться в следующем месяце.")
    mod = [c for c in conflicts if c.kind == "modality"]
    assert mod and "может" in {p.text for p in mod[0].positions}


def test_detect_plain_statements_same_subject_conflicts(analyzer):
    _arts, conflicts = _conflicts(analyzer, "\u201cI never met Donald Trump,\u201d Michael Bloomberg told reporters.",
                                  "Michael Bloomberg met Donald Trump on the golf links in 2007, the club said.")
    pol = [c for c in conflicts if c.kind == "polarity"]
    assert pol and "Michael Bloomberg" in {p.source_name for p in pol[0].positions}


def test_detect_plain_statements_plain_denial_still_conflicts(analyzer):
    arts, conflicts = _conflicts(analyzer, "\u201cI served in Vietnam,\u201d Richard Blumenthal told veterans in Norwalk.",
                                 "Richard Blumenthal never served in Vietnam, records show.")
    pol = [c for c in conflicts if c.kind == "polarity"]
    assert pol and {p.text for p in pol[0].positions} == {"I served in Vietnam,", "never"}
    text_of = {a.id: a.text for a in arts}
    assert all(text_of[p.article][p.start : p.end] == p.text for p in pol[0].positions)


def test_detect_plain_statements_claim_noun_after_negated_frame_conflicts(analyzer):
    # "did not rule on the union's claim that …": the claim is the union's, stated, not denied
    _arts, conflicts = _conflicts(analyzer, "The judge did not rule on the union\u2019s claim that the Gomel factory broke the safety law.",
                                  "The Gomel factory did not break the safety law, its owner Pavel Orlov said.")
    pol = [c for c in conflicts if c.kind == "polarity"]
    assert pol and "not" in {p.text for p in pol[0].positions}


@pytest.mark.parametrize(
    "texts,found",
    [
        # the same verb said of the same subject, one side negated: a conflict though nothing else
        # of the negated clause recurs
        (("Many voters believe that Senator Tom Hale was not born in Ohio.",
          "Officials in Kansas have certified that Senator Tom Hale was born in that state."), True),
        # negative case: the subject recurs, but with another verb and the noun of the negated one
        (("Senator Tom Hale vetoed the farm bill last week.",
          "Senator Tom Hale had never had a veto overridden by the state senate."), False),
    ],
    ids=["same-subject-same-verb", "same-subject-noun-vs-verb"],
)
def test_detect_plain_statements_negated_subject_is_an_argument(analyzer, texts, found):
    _arts, conflicts = _conflicts(analyzer, *texts)
    assert any(c.kind == "polarity" for c in conflicts) is found
