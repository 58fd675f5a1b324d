"""Mixed-language articles: each paragraph is read with its own language's lexicons and thresholds."""

import pytest

from rashomon.model import Article, Paragraph
from rashomon.techniques.component import _language_groups

EN = "The delegation arrived in Minsk on Monday for talks about the border."
RU = "Киевская хунта и её так называемые союзники снова сорвали переговоры."


@pytest.mark.slow
def test_component_languages_russian_paragraph_in_english_article(analyzer):
    art = analyzer.analyze_text(f"Talks in Minsk\n\n{EN}\n\n{RU}\n")
    assert art.language == "en"
    ru_start = art.text.index(RU)
    labels = {t.label for t in art.techniques if t.start >= ru_start}
    assert "Name_Calling-Labeling" in labels  # 'хунта' is in lang/ru/tech_name_calling.txt only
    assert "Doubt" in labels  # 'так называемые'
    assert not [t for t in art.techniques if t.start < ru_start]  # the neutral English part stays clean
    for t in art.techniques:
        assert art.text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("article_lang", "paragraph_langs", "expected"),
    [
        ("en", ["en", "en"], {"en"}),
        ("en", ["en", "ru"], {"en", "ru"}),
        ("ru", ["und", "be"], {"ru"}),  # Belarusian uses the Cyrillic model; und follows the article
        ("en", ["und"], {"en"}),
    ],
)
def test_component_languages_groups(article_lang, paragraph_langs, expected):
    text = "\n".join("x" * 5 for _ in paragraph_langs)
    paras = [Paragraph(i * 6, i * 6 + 5, "xxxxx", lang) for i, lang in enumerate(paragraph_langs)]
    art = Article(id="a", text=text, language=article_lang, paragraphs=paras)
    assert set(_language_groups(art)) == expected
