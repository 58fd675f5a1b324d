"""Language per article and per paragraph, restricted to en/ru/be/uk, und without letters."""

from __future__ import annotations

import pytest

from rashomon.langid import LanguageIdentifier
from rashomon.model import Article
from rashomon.segment import ParagraphSegmenter
from rashomon.settings import load_options


@pytest.fixture(scope="module")
def langid():
    return LanguageIdentifier(load_options().language)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The minister said the talks would continue next week.", "en"),
        ("Министр заявил, что переговоры продолжатся на следующей неделе.", "ru"),
        ("Міністр заявіў, што перамовы працягнуцца на наступным тыдні.", "be"),
        ("Міністр заявив, що переговори продовжаться наступного тижня, і їх чекають.", "uk"),
        ("12345 — 678, 90.", "und"),
        ("", "und"),
    ],
)
def test_langid_detect_table(langid, text, lang):
    assert langid.detect(text) == lang


def test_langid_detect_mixed_article_per_paragraph(langid):
    text = (
        "The minister said the talks would continue next week in Vienna.\n\n"
        "Министр заявил, что переговоры продолжатся на следующей неделе в Вене.\n\n"
        "Officials in both capitals declined to comment on the timing of the meeting.\n\n"
        "2021"
    )
    art = ParagraphSegmenter()(Article(id="m", text=text))
    art = langid(art)
    assert art.language == "en"
    assert [p.language for p in art.paragraphs] == ["en", "ru", "en", "und"]
