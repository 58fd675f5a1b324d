"""An English source phrase as PolNeAR marks it: the speaker span takes the head's comma apposition,
relative clause or participle, while who speaks is still resolved from the name. Sentences
written for this test."""

from __future__ import annotations

import pytest

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
