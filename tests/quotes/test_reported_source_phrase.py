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
