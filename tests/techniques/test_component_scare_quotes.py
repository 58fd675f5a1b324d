"""The component: scare quotes from the quotes layer, neutral news, explanations and spans."""

import pytest

from rashomon.model import Article, QuotedPhrase
from rashomon.pipeline import Pipeline

NEUTRAL = "The ministry said on Tuesday that the meeting would take place in Vienna."


def _quoted(text: str, phrase: str, role: str, reason: str) -> QuotedPhrase:
    start = text.index(phrase)
    return QuotedPhrase(start, start + len(phrase), phrase, role, reason)


def test_component_scare_quotes_scare_role_becomes_scare_quotes_with_reason(detector):
    text = "The “European integrators” met again in Minsk."
    q = _quoted(text, "European integrators", "scare", "no speaker, no speech verb")
    techs = detector.detect(text, "en", quoted=[q])
    scare = [t for t in techs if t.label == "Scare_Quotes"]
    assert len(scare) == 1
    assert scare[0].text == "European integrators"
    assert "no speech cue" in scare[0].explanation and "no speaker" in scare[0].explanation


def test_component_scare_quotes_quote_with_a_speaker_is_never_a_scare_quote(detector):
    text = "“We will meet in Vienna,” the minister said."
    q = _quoted(text, "We will meet in Vienna,", "quote", "speech verb 'said'")
    titles = _quoted(text, "Vienna", "title", "title noun")
    techs = detector.detect(text, "en", quoted=[q, titles])
    assert not [t for t in techs if t.label == "Scare_Quotes"]


def test_component_scare_quotes_russian_scare_quotes(detector):
    text = "Так называемые «евроинтеграторы» снова собрались в Минске."
    q = _quoted(text, "евроинтеграторы", "scare", "нет говорящего")
    labels = {t.label for t in detector.detect(text, "ru", quoted=[q])}
    assert "Scare_Quotes" in labels and "Doubt" in labels


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (NEUTRAL, "en"),
        ("Officials said the bridge would reopen on Monday after repairs.", "en"),
        ("Council meeting\n\nThe city council discussed next year's budget and road repairs on Monday.", "en"),
        ("Министерство сообщило во вторник, что встреча пройдет в Вене.", "ru"),
        # a headline and a plain report: once flagged Loaded_Language at p = 0.12-0.20 (threshold floor)
        ("Заседание совета\n\nВ понедельник в Минске прошло заседание городского совета. "
         "Депутаты обсудили бюджет на следующий год и ремонт дорог.", "ru"),
    ],
)
def test_component_scare_quotes_neutral_news_sentence_yields_no_technique(detector, text, lang):
    assert detector.detect(text, lang) == []


def test_component_scare_quotes_every_technique_slices_the_text_and_explains_itself(detector):
    text = (
        "The illegitimate ruler and his camarilla are plotting again.\n\n"
        "It is no coincidence that the so-called reforms stalled. There is more at stake than the election."
    )
    techs = detector.detect(text, "en")
    assert {"Name_Calling-Labeling", "Loaded_Language", "Doubt"} <= {t.label for t in techs}
    for t in techs:
        assert text[t.start : t.end] == t.text
        assert t.explanation and 0.0 <= t.score <= 1.0


def test_component_scare_quotes_component_in_a_pipeline_assigns_techniques(detector):
    class Stub:
        name = "stub"
        requires = ("text",)
        assigns = ("quoted", "sentences", "tokens", "language")

        def __call__(self, article):
            article.language = "en"
            return article

    text = "Critics call him a puppet of the oligarchs."
    art = Pipeline([Stub(), detector])(Article("a1", text))
    assert any(t.label == "Name_Calling-Labeling" for t in art.techniques)
    art.check_spans()
