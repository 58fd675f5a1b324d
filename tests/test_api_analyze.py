"""`Analyzer.analyze` takes an Article or a plain string, and says clearly what else it got."""

from __future__ import annotations

import pytest

from rashomon import Analyzer
from rashomon.model import Article


@pytest.fixture(scope="module")
def light():
    return Analyzer(components=["segment", "langid", "dates"])


def test_api_analyze_string_is_plain_text_article(light):
    text = "The vote was held in mid May. It passed."
    art = light.analyze(text)
    assert isinstance(art, Article) and art.text == text
    assert [d.text for d in art.dates] == ["in mid May"]


def test_api_analyze_article_unchanged(light):
    art = light.analyze(Article(id="a", text="Выборы пройдут в мае."))
    assert [(d.text, d.iso) for d in art.dates] == [("в мае", "--05")]


@pytest.mark.parametrize("bad", [b"bytes are not text", 42, None, ["a list"]])
def test_api_analyze_rejects_other_types(light, bad):
    with pytest.raises(TypeError, match="Article or a str"):
        light.analyze(bad)
