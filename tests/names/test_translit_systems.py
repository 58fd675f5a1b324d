"""Transliteration tables: each system and language on names from the news."""

from __future__ import annotations

import pytest

from rashomon.names.translit import transliterate

CASES = [
    # system, lang, Cyrillic, expected Latin
    ("press", "ru", "Лукашенко", "Lukashenko"),
    ("press", "be", "Лукашэнка", "Lukashenka"),
    ("press", "be", "Аляксандр", "Aliaksandr"),
    ("press", "be", "Фядута", "Fiaduta"),
    ("press", "be", "Ціханоўская", "Tsikhanouskaya"),
    ("press", "be", "Гомель", "Homel"),
    ("press", "ru", "Гомель", "Gomel"),
    ("press", "ru", "Ельцин", "Yeltsin"),
    ("press", "ru", "Горбачёв", "Gorbachev"),
    ("press", "ru", "Фёдор", "Fyodor"),
    ("press", "ru", "Дмитрий Песков", "Dmitry Peskov"),
    ("press", "ru", "Мария Захарова", "Maria Zakharova"),
    ("press", "ru", "Васильев", "Vasilyev"),
    ("press", "ru", "Хрущёв", "Khrushchev"),
    ("press", "uk", "Зеленський", "Zelensky"),
    ("press", "uk", "Київ", "Kyiv"),
    ("press", "uk", "Андрій", "Andriy"),
    ("bgn_pcgn", "ru", "Лукашенко", "Lukashenko"),
    ("bgn_pcgn", "ru", "Горбачёв", "Gorbachëv"),
    ("bgn_pcgn", "ru", "Ельцин", "Yel’tsin"),
    ("bgn_pcgn", "ru", "Советская", "Sovetskaya"),
    ("bgn_pcgn", "ru", "Детский", "Detskiy"),
    ("bgn_pcgn", "be", "Гомель", "Homyel’"),
    ("bgn_pcgn", "be", "Фядута", "Fyaduta"),
    ("bgn_pcgn", "be", "Зянковіч", "Zyankovich"),
    ("bgn_pcgn", "be", "Магілёў", "Mahilyow"),
    ("bgn_pcgn", "uk", "Київ", "Kyyiv"),
    ("bgn_pcgn", "uk", "Зеленський", "Zelens’kyy"),
    ("iso9", "ru", "Лукашенко", "Lukašenko"),
    ("iso9", "ru", "Щукин", "Ŝukin"),
    ("iso9", "ru", "Юлия", "Ûliâ"),
    ("iso9", "be", "Лукашэнка", "Lukašènka"),
    ("iso9", "be", "Ўладзімір", "Ǔladzìmìr"),
    ("iso9", "uk", "Ґалаґан", "G̀alag̀an"),
    ("iso9", "uk", "Київ", "Kiïv"),
    ("national", "be", "Лукашэнка", "Lukašenka"),
    ("national", "be", "Гомель", "Homieĺ"),
    ("national", "be", "Магілёў", "Mahilioŭ"),
    ("national", "be", "Ціханоўская", "Cichanoŭskaja"),
    ("national", "be", "Алесь Бяляцкі", "Alieś Bialiacki"),
    ("national", "uk", "Олександр", "Oleksandr"),
    ("national", "uk", "Зеленський", "Zelenskyi"),
    ("national", "uk", "Згорани", "Zghorany"),
    ("national", "uk", "Юрій", "Yurii"),
    ("national", "uk", "Їжакевич", "Yizhakevych"),
    ("national", "ru", "Дмитрий", "Dmitrii"),
    ("national", "ru", "Юлия", "Iuliia"),
    ("belarusian_national", "ru", "Лукашэнка", "Lukašenka"),
    ("ukrainian_national", "ru", "Київ", "Kyiv"),
]


@pytest.mark.parametrize(("system", "lang", "cyrillic", "expected"), CASES)
def test_translit_systems_table(system: str, lang: str, cyrillic: str, expected: str) -> None:
    assert transliterate(cyrillic, system=system, lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ЛУКАШЕНКО", "LUKASHENKO"),
        ("Президент Лукашенко, 2024", "Prezident Lukashenko, 2024"),
        ("Putin и Зеленский", "Putin i Zelensky"),
        ("", ""),
    ],
)
def test_translit_systems_case_and_passthrough(text: str, expected: str) -> None:
    assert transliterate(text) == expected


@pytest.mark.parametrize(("system", "lang"), [("klingon", "ru"), ("press", "pl")])
def test_translit_systems_rejects_unknown(system: str, lang: str) -> None:
    with pytest.raises(ValueError):
        transliterate("Путин", system=system, lang=lang)
