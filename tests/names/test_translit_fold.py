"""Diacritic folding, Slavic Latin rewriting and language guessing."""

from __future__ import annotations

import pytest

from rashomon.names.translit import fold_diacritics, guess_lang, slavic_latin_to_press


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lukašenka", "Lukasenka"),
        ("Łódź", "Lodz"),
        ("Iñárritu", "Inarritu"),
        ("Cichanoŭskaja", "Cichanouskaja"),
        ("Søren Kierkegaard", "Soren Kierkegaard"),
        ("plain", "plain"),
    ],
)
def test_translit_fold_diacritics(text: str, expected: str) -> None:
    assert fold_diacritics(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Lukašenka", "lukashenka"), ("Janukovyč", "janukovych"), ("Žukaŭ", "zhukau"), ("Łukaszenka", "lukaszenka")],
)
def test_translit_fold_slavic_latin_to_press(text: str, expected: str) -> None:
    assert slavic_latin_to_press(text) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Лукашенко", "ru"), ("Ціханоўская", "be"), ("Лукашэнка", "ru"), ("Зеленський", "uk"), ("Київ", "uk"),
     ("Віктар", "be"), ("Вікторія Ігорівна", "uk")],
)
def test_translit_fold_guess_lang(text: str, lang: str) -> None:
    assert guess_lang(text) == lang
