"""An English source phrase as PolNeAR marks it: the speaker span takes the head's comma apposition,
relative clause or participle, while who speaks is still resolved from the name. Sentences
written for this test."""

from __future__ import annotations

import pytest

from rashomon.quotes import display_speaker

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text,span,name",
    [
        ("Huma Abedin, vice chairwoman for the campaign, said that the rally was cancelled.",
         "Huma Abedin, vice chairwoman for the campaign", "Huma Abedin"),
        ("Joe Bateman, who traveled from Illinois, says that the race is close.",
         "Joe Bateman, who traveled from Illinois", "Joe Bateman"),
        ("Exit polls taken in South Carolina found that most voters were undecided.",
         "Exit polls taken in South Carolina", None),
        # Negative: a bare name, a descriptor before the name, and the writer's infinitive aside.
        ("Huma Abedin said that the rally was cancelled.", "Huma Abedin", "Huma Abedin"),
        ("Campaign chairwoman Huma Abedin said that the rally was cancelled.",
         "Campaign chairwoman Huma Abedin", "Huma Abedin"),
        ("The ministry, to put it mildly, said that the plan had failed.", "The ministry", None),
        # When it spoke is not who: "on Monday", "in 2015" leave the phrase; "one in three" stays.
        ("The Clinton campaign on Monday said that the poll was wrong.", "The Clinton campaign", None),
        ("The agency in 2015 said that the plan had failed.", "The agency", None),
        ("One in three voters said that the plan had failed.", "One in three voters", None),

    ],
)
def test_reported_source_phrase(analyzer, text, span, name):
    art = analyzer.analyze_text(text)
    assert len(art.quotes) == 1, [(q.speaker, q.content.text) for q in art.quotes]
    q = art.quotes[0]
    assert q.speaker is not None and q.speaker.text == span
    assert text[q.speaker.start : q.speaker.end] == span  # spans are sacred
    if name is not None:
        assert q.speaker_name == name


@pytest.mark.parametrize(
    "text,content",
    [
        # An object content runs on over the phrase the parser hung on the verb right after it ...
        ("Raheem Kassam will call in from London to discuss the Syrian migrant crisis in Europe.",
         "the Syrian migrant crisis in Europe"),
        ("Aaron Klein will discuss an overlooked connection to a recent hotel assault.",
         "an overlooked connection to a recent hotel assault"),
        # ... and never ends on a dangling "and".
        ("Brandon Darby will talk about the Southern border and how many people can easily slip through.",
         None),
    ],
)
def test_reported_object_content_runs_on(analyzer, text, content):
    art = analyzer.analyze_text(text)
    assert len(art.quotes) == 1
    got = art.quotes[0].content.text
    if content is not None:
        assert got == content
    assert not got.rstrip().endswith((" and", " or"))


@pytest.mark.parametrize(
    "text,span",
    [
        # The parser hangs the opening mark on the verb: the words in marks still speak ...
        ("“Old friends” quickly explained to the mayor that the council would not back him.", "Old friends"),
        ("“Comrades-in-arms” told the general that the army was tired.", "Comrades-in-arms"),
        # ... and a nickname in marks stays part of the name it belongs to.
        ("“Doctor” Hale now declares that the vaccine trial was rushed.", "“Doctor” Hale"),
    ],
)
def test_reported_source_phrase_scare_quoted(analyzer, text, span):
    art = analyzer.analyze_text(text)
    assert [q.speaker.text for q in art.quotes if q.speaker is not None] == [span]
    q = art.quotes[0]
    assert text[q.speaker.start : q.speaker.end] == span  # spans are sacred


@pytest.mark.parametrize(
    "text",
    [
        # A name in marks is a word talked about: nobody speaks (negative cases).
        ("“Marta” presumably refers to Marta Olsen, the head of sales at the firm."),
        ("“Ivo” probably refers to Ivo Brandt, who ran the fund until 2019."),
    ],
)
def test_reported_source_phrase_mentioned_name(analyzer, text):
    art = analyzer.analyze_text(text)
    assert not [q for q in art.quotes if q.speaker is not None and q.speaker.text.strip("“”") in ("Marta", "Ivo")]


def test_reported_multi_sentence_quotation_is_one_quote(analyzer):
    text = ("Father Lane now declares, years after the synod, that “The idea of a purge is absurd. "
            "Any purge would empty the parishes.”")
    art = analyzer.analyze_text(text)
    assert len(art.quotes) == 1, [(q.kind, q.content.text) for q in art.quotes]
    q = art.quotes[0]
    assert q.kind == "mixed" and q.cue.text == "declares"
    assert q.content.text == "that “The idea of a purge is absurd. Any purge would empty the parishes.”"


def test_reported_source_phrase_keeps_the_opening_bracket(analyzer):
    # The parser may leave an editor's bracket that opens the subject outside it.
    text = ("The Russian FSB reports: [Yury] Zyankovich and [Alyaksandr] Fyaduta were sure that they were "
            "meeting with Belarusian generals.")
    art = analyzer.analyze_text(text)
    q = next(q for q in art.quotes if q.cue is not None and q.cue.text == "sure")
    assert q.speaker is not None and q.speaker.text == "[Yury] Zyankovich and [Alyaksandr] Fyaduta"
    assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    # The span keeps the editor's brackets; the name shown does not (issue 17's seed error).
    assert q.speaker_name == "Yury Zyankovich and Alyaksandr Fyaduta"


@pytest.mark.parametrize("name, shown", [
    ("[Yury] Zyankovich", "Yury Zyankovich"),
    ("[Yury] Zyankovich and [Alyaksandr] Fyaduta", "Yury Zyankovich and Alyaksandr Fyaduta"),
    ("Anna [Maria] Kowalska", "Anna Maria Kowalska"),
    ("It [western Europe – ed]", "It [western Europe – ed]"),  # an editor's gloss is kept
    ("the minister [sic]", "the minister [sic]"),
    ("the author", "the author"),
    (None, None),
])
def test_reported_display_speaker_drops_name_brackets(name, shown):
    assert display_speaker(name) == shown
