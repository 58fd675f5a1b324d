"""The article language: the dominant paragraph language, and only without one lingua's verdict on
the whole text. Identifying the whole text lazily gives what identifying it always gave."""

from __future__ import annotations

import pytest

from rashomon.langid import LanguageIdentifier
from rashomon.model import Article
from rashomon.segment import ParagraphSegmenter
from rashomon.settings import load_options
from tests.conftest import DATA, need


@pytest.fixture(scope="module")
def langid():
    return LanguageIdentifier(load_options().language)


def eager(langid, article):  # noqa: ANN001, ANN201
    """(article, paragraph languages) the way langid worked before: the whole text always identified first."""
    lang = langid.detect(article.text)
    weights, paras = {}, []
    for para in article.paragraphs:
        if len(para.text) >= langid.opts.min_paragraph_chars:
            paras.append(langid.detect(para.text))
            weights[paras[-1]] = weights.get(paras[-1], 0) + len(para.text)
        else:
            paras.append(None)
    if weights:
        top = max(weights, key=weights.get)  # first of the heaviest, as Counter.most_common
        if top != "und":
            lang = top
    return lang, [p if p is not None else (lang if any(c.isalpha() for c in q.text) else "und")
                  for p, q in zip(paras, article.paragraphs)]


def analysed(langid, text):  # noqa: ANN001, ANN201
    art = langid(ParagraphSegmenter()(Article(id="a", text=text)))
    return art.language, [p.language for p in art.paragraphs]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Коротко.\n\nЕщё короче.", "ru"),  # every paragraph short: the whole text decides
        ("Short one.\n\nAnother.", "en"),
        ("2021 — 2022\n\n12345678901234567890123456789012345678901234567890", "und"),  # no letters anywhere
        ("12345678901234567890123456789012345678901234567890 1234\n\nМинистр заявил это вчера.", "ru"),  # long paragraph und: text decides
        ("The minister said the talks would continue next week in Vienna.\n\n"
         "Министр заявил, что переговоры продолжатся на следующей неделе в Вене, и не раньше.", "ru"),
        ("", "und"),
    ],
)
def test_langid_article_table(langid, text, lang):
    got = analysed(langid, text)
    assert got[0] == lang
    assert got == eager(langid, ParagraphSegmenter()(Article(id="a", text=text)))


@pytest.mark.parametrize("folder", ["semeval2023/ru/train-articles-subtask-3", "ptc2020/train-articles"])
def test_langid_article_real_articles_as_before(langid, folder):
    files = sorted(need(DATA / folder).glob("article*.txt"))[:25]
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert analysed(langid, text) == eager(langid, ParagraphSegmenter()(Article(id="a", text=text))), f.name
