"""What a claim asserts, on sentences written for these tests (real models): a verb said only as
an infinitive, a complement, a clausal subject or under a modal is not asserted; a negation on a
noun's modifier is not the claim's; a figure keeps the verb it depends on; a part of the day is
no anchor of a date; the author's frame around a quote is compared when it dates something."""

from __future__ import annotations

import pytest

from rashomon.compare import _clusters, compare_articles
from rashomon.compare.units import build_units

pytestmark = pytest.mark.slow


def _units(analyzer, *texts):
    arts = [analyzer.analyze_text(t, source=f"u{k}") for k, t in enumerate(texts)]
    clusters = _clusters(arts)
    cluster_of = {m: c.id for c in clusters for m in c.members}
    return build_units(arts, cluster_of, {c.id: c.type for c in clusters})


def _unit_with(units, word):
    return next(u for u in units if word in u.claim.text)


@pytest.mark.parametrize(
    "text,verb,asserted",
    [
        ("Party leaders pleaded with Governor Tom Hale to run for president.", "run", False),
        ("The new bills will help create jobs in Ohio, Speaker Jim Black said.", "create", False),
        ("Running for president is a bigger stage for Governor Tom Hale.", "run", False),
        ("The photo could have been sent from the account of Senator Mark Bell.", "send", False),
        # negative cases: the same verbs stated outright, or after a preposition ("into paying")
        ("Governor Tom Hale is running for president, his campaign said.", "run", True),
        ("The new bills created jobs in Ohio, Speaker Jim Black said.", "create", True),
        ("Senator Mark Bell sent the photo from his own account.", "send", True),
        ("Mayor Tim Oak will coerce Canada into paying for the bridge.", "pay", True),
    ],
    ids=["to-run", "help-create", "running-as-subject", "could-have-been-sent",
         "is-running", "created", "sent", "into-paying"],
)
def test_units_asserted_verbs(analyzer, text, verb, asserted):
    unit = _unit_with(_units(analyzer, text), text.split()[1])
    assert verb in unit.lemmas
    assert (verb not in unit.unasserted) is asserted


@pytest.mark.parametrize(
    "text,on_modifier",
    [
        ("Another man, not seen on camera, then spoke to Congressman Bob Ethan.", True),
        ("Congressman Bob Ethan was not seen on camera, the station said.", False),
        ("Mexico will not pay for the wall, President Juan Ruiz said.", False),
        # A Russian full participle modifies its noun even where the parser made it a verb with
        # that noun as its object; a finite verb or a short participle is the predicate.
        ("Комитет снова выделяет неоднократно опровергнутые материалы о выборах в Омске.", True),
        ("Министерство снова опровергло эти материалы о выборах в Омске.", False),
        ("Материалы снова были опровергнуты министерством в Омске.", False),
        # "no" inside a noun's prepositional phrase qualifies that noun; as the object it is the claim's
        ("Legalization with no path to citizenship can win votes, Senator Bob Ethan said.", True),
        ("Senator Bob Ethan offered no path to citizenship for the workers.", False),
    ],
    ids=["reduced-relative", "predicate", "future-predicate", "ru-participle", "ru-finite", "ru-short-participle",
         "no-in-noun-phrase", "no-as-object"],
)
def test_units_asserted_negation_on_modifier(analyzer, text, on_modifier):
    unit = _unit_with(_units(analyzer, text), text.split()[1])
    assert unit.negation is not None and unit.negation_on_modifier is on_modifier


def test_units_asserted_quantity_governors(analyzer):
    units = _units(analyzer, "Democrats remain in the minority with 194 seats. Democrats have lost 60 seats since 2010.")
    gov = {q.text: u.governors.get((q.start, q.end)) for u in units for q in u.quantities}
    assert gov["194"] == "remain" and gov["60"] == "lose"


def test_units_asserted_day_part_is_no_anchor(analyzer):
    units = _units(analyzer, "President Alan Ward tweeted the video Wednesday evening from the White House.")
    unit = _unit_with(units, "Ward")
    anchors = {w for d in unit.dates for w in unit.anchors[(d.start, d.end)]}
    assert unit.dates and "evening" not in anchors


def _conflicts(analyzer, *texts):
    arts = [analyzer.analyze_text(t, source=f"p{k}") for k, t in enumerate(texts)]
    return arts, compare_articles(arts, min_confidence=0.0).conflicts


def test_units_asserted_infinitive_is_no_affirmation(analyzer):
    # "pleaded with him to run" states a plea, not that he runs: no denial of it
    _arts, conflicts = _conflicts(analyzer, "Party leaders pleaded with Governor Tom Hale to run for president in 2012.",
                                  "\u201cI am not running for president,\u201d Governor Tom Hale told reporters.")
    assert [c for c in conflicts if c.kind == "polarity"] == []


def test_units_asserted_plain_affirmation_still_conflicts(analyzer):
    _arts, conflicts = _conflicts(analyzer, "Governor Tom Hale is running for president in 2012.",
                                  "\u201cI am not running for president,\u201d Governor Tom Hale told reporters.")
    assert [c for c in conflicts if c.kind == "polarity"]


@pytest.mark.parametrize(
    "text,piece",
    [
        ("Judge Ruth Ames made the remarks to the Daily Post in an interview published Saturday.",
         "in an interview published Saturday."),
        # negative case: the words around the claim date nothing and count nothing
        ("Judge Ruth Ames made the remarks to the Daily Post in a long and friendly interview.", None),
    ],
    ids=["dated-frame", "undated-frame"],
)
def test_units_asserted_frame_around_claim(analyzer, text, piece):
    # The day a piece ran can sit in the author's words outside every claim of the sentence.
    arts = [analyzer.analyze_text(text, source="p0")]
    units = _units(analyzer, text)
    frames = [u for u in units if u.claim.id == "" and u.claim.text != text]
    assert [u.claim.text for u in frames] == ([piece] if piece else [])
    for u in frames:
        assert u.source_entity is None and arts[0].text[u.claim.start : u.claim.end] == u.claim.text


@pytest.mark.parametrize("word,lemma,participle", [
    # Full participles: a verb's lemma with an adjective's ending.
    ("опровергнутые", "опровергнуть", True), ("опровергнутых", "опровергнуть", True),
    ("отрицающий", "отрицать", True), ("отвергнутого", "отвергнуть", True), ("опровергавшие", "опровергать", True),
    # Negatives: finite forms, a short participle (a predicate), an adjective, English.
    ("опровергли", "опровергнуть", False), ("опровергает", "опровергать", False),
    ("опровергнуты", "опровергнуть", False), ("ложные", "ложный", False), ("denied", "deny", False),
])
def test_units_asserted_full_participle(word, lemma, participle):
    # The parser may make such a participle a verb with its noun as object («выделяя неоднократно
    # опровергнутые материалы»): it still only modifies the noun (a real tgcontest article).
    from rashomon.compare.units import _full_participle

    assert _full_participle(word, lemma) is participle


@pytest.mark.parametrize("text,words", [
    ("#петербург#спб#происшествие#спбгу#студентка", 0), ("Read more at https://example.org/a/b #news", 3),
    ("Это очень важное решение #новости", 4), ("@mayor said no", 2),
])
def test_units_asserted_tags_are_no_words(text, words):
    # A line of hashtags is no statement to compare (a real tgcontest agreement was one).
    from rashomon.compare.units import _word_count

    assert _word_count(text) == words


@pytest.mark.parametrize(
    "text,qualified",
    [
        # "like" wishes only as a verb: the preposition of an example list states a figure.
        ("In 2008 Mayor Tim Oak spent the money on things like a $5,587.75 vacation in Maine.", False),
        ("Mayor Tim Oak would like a $5,587.75 vacation in Maine, his aide said.", True),
        ("Mayor Tim Oak wants a $5,587.75 vacation in Maine, his aide said.", True),
        # The tagger lemmatises "hopes" as "hop" (lang/en/cue_lemma_fixes.tsv, shared with quotes).
        ("Mayor Tim Oak hopes for a $5,587.75 vacation in Maine, his aide said.", True),
        ("Mayor Tim Oak spent $5,587.75 on a vacation in Maine, his aide said.", False),
    ],
    ids=["things-like", "would-like", "wants", "hopes", "spent"],
)
def test_units_asserted_wishes_by_part_of_speech(analyzer, text, qualified):
    unit = _unit_with(_units(analyzer, text), "5,587.75")
    assert unit.qualified is qualified


@pytest.mark.parametrize(
    "text,marker,qualified",
    [
        # a wish or plan in the words right before the claim frames it
        ("Governor Tom Hale hopes that the bridge will open in May.", "the bridge", True),
        ("Губернатор Иван Петров надеется, что мост откроют в мае.", "мост", True),
        # negative cases: the plan sits in an earlier clause of the sentence
        ("Officials said this week that the army is making plans to leave Syria, and President Alan Ward "
         "later tweeted that \u201cwe have defeated the rebels in Syria, my only reason for being there.\u201d",
         "we have defeated", False),
    ],
    ids=["hopes-that", "ru-hopes-comma-that", "plan-in-earlier-clause"],
)
def test_units_asserted_lead_wish_frames_only_its_clause(analyzer, text, marker, qualified):
    unit = _unit_with(_units(analyzer, text), marker)
    assert unit.qualified is qualified


@pytest.mark.parametrize(
    "text,hedged",
    [
        # a modal in a purpose clause says what was wanted, not what is doubted
        ("\u201cWe held back the microphone so that other reporters might ask their questions,\u201d the spokesman said.", False),
        ("\u201c\u041c\u044b \u043d\u0435 \u043e\u0442\u0434\u0430\u0432\u0430\u043b\u0438 \u043c\u0438\u043a\u0440\u043e\u0444\u043e\u043d, "
         "\u0447\u0442\u043e\u0431\u044b \u0434\u0440\u0443\u0433\u0438\u0435 \u0436\u0443\u0440\u043d\u0430\u043b\u0438\u0441\u0442\u044b "
         "\u043c\u043e\u0433\u043b\u0438 \u0437\u0430\u0434\u0430\u0442\u044c \u0441\u0432\u043e\u0438 \u0432\u043e\u043f\u0440\u043e\u0441\u044b\u201d, "
         "\u2014 \u0441\u043a\u0430\u0437\u0430\u043b \u043f\u0440\u0435\u0441\u0441-\u0441\u0435\u043a\u0440\u0435\u0442\u0430\u0440\u044c.", False),
        # negative case: the same modal outside a purpose clause hedges
        ("\u201cOther reporters might ask their questions at the briefing,\u201d the spokesman said.", True),
    ],
    ids=["so-that-might", "ru-chtoby-mogli", "might"],
)
def test_units_asserted_modal_in_purpose_clause_hedges_nothing(analyzer, text, hedged):
    unit = _units(analyzer, text)[0]
    assert (unit.modal is not None) is hedged
