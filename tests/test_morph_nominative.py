"""A Russian name's normal form is put in the nominative word by word: the words the normaliser
left oblique follow the case and gender of a word it did inflect; a one-word place left oblique
takes its dictionary nominative (names we chose; no corpus text)."""

from __future__ import annotations

import pytest

from rashomon.morph import complete_nominative


@pytest.mark.parametrize(
    ("written", "normal", "expected"),
    [
        ("Барака Обамы", "Барак Обамы", "Барак Обама"),  # genitive surname left by the normaliser
        ("Барака Обаму", "Барак Обаму", "Барак Обама"),  # «Барака» reads gent or accs: either case
        ("Ирину Венедиктову", "Ирина Венедиктову", "Ирина Венедиктова"),  # a woman's surname stays female
        ("Сергею Лаврову", "Сергей Лаврову", "Сергей Лавров"),
        ("Марией Захаровой", "Мария Захаровой", "Мария Захарова"),
        ("Ярослава Мудрого", "Ярослав Мудрого", "Ярослав Мудрый"),  # an adjective epithet
        # Negative cases: nothing to follow, or nothing the dictionary knows.
        ("Дмитрий Кулеба", "Дмитрий Кулеба", "Дмитрий Кулеба"),  # already nominative
        ("Александра Дугина", "Александр Дугин", "Александр Дугин"),  # the normaliser did it all
        ("Дитеру фон Хольцбринку", "Дитер фон Хольцбринку", "Дитер фон Хольцбринку"),  # unknown surname
        ("Марка Рютте", "Марк Рютте", "Марк Рютте"),  # an indeclinable surname
        ("Обамы", "Обамы", "Обамы"),  # one word: no case to follow
        ("Анастасии Е.", "Анастасия Е.", "Анастасия Е."),  # an initial
        ("Барака Обамы", "Барак Хусейн Обама", "Барак Хусейн Обама"),  # word counts differ
    ],
)
def test_morph_nominative_complete(written, normal, expected):
    assert complete_nominative(written, normal) == expected


@pytest.mark.parametrize(
    ("written", "normal", "kind", "expected"),
    [
        ("Соединённого Королевства", "Соединенного Королевство", "LOC", "Соединённое Королевство"),  # ё / е
        ("Азиатско-Тихоокеанском регионе", "Азиатско-Тихоокеанском регион", "LOC", "Азиатско-Тихоокеанский регион"),
        ("ЮЖНУЮ ОСЕТИЮ", "ЮЖНУЮ ОСЕТИЯ", "LOC", "ЮЖНАЯ ОСЕТИЯ"),  # capitals kept
        ("Украины", "Украины", "LOC", "Украина"),  # one word, every known reading oblique
        ("Нидерландов", "Нидерландов", "LOC", "Нидерланды"),  # plural only
        # Negative cases.
        ("Площади Победы", "Площадь Победы", "LOC", "Площадь Победы"),  # a noun complement keeps its case
        ("Москва", "Москва", "LOC", "Москва"),  # already nominative
        ("Буче", "Буче", "LOC", "Буче"),  # no place reading in the dictionary
        ("Никольском", "Никольском", "LOC", "Никольском"),  # «в селе Никольском»: an adjective's form too
        ("Фонда Рокфеллера", "Фонд Рокфеллера", "ORG", "Фонд Рокфеллера"),  # organisations untouched
        ("Украины", "Украины", "PER", "Украины"),  # a one-word person has no case to follow
    ],
)
def test_morph_nominative_kinds(written, normal, kind, expected):
    assert complete_nominative(written, normal, kind) == expected


@pytest.mark.slow
def test_morph_nominative_person_entity_name():
    """An article naming a person only in oblique cases shows the name in the nominative."""
    from rashomon.api import Analyzer
    from rashomon.settings import load_options

    article = Analyzer(load_options()).analyze_text(
        "Журналисты спросили Барака Обаму о встрече. Позже слова Барака Обамы прокомментировал министр.")
    names = {e.name for e in article.entities if e.type == "PERSON"}
    assert names == {"Барак Обама"}
