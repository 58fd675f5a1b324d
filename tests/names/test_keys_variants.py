"""Comparison keys fold systematic romanisation variants, and only those."""

from __future__ import annotations

import pytest

from rashomon.names.keys import key_trace, name_key, romanise

SAME_KEY = [
    ["Лукашенко", "Лукашэнка", "Lukashenko", "Lukashenka", "Lukašenka", "LUKASHENKO"],
    ["Homel", "Homiel", "Gomel", "Гомель"],
    ["Feduta", "Fyaduta", "Fiaduta", "Федута", "Фядута"],
    ["Zenkovich", "Zyankovich", "Зянковіч"],
    ["Zelensky", "Zelenskyy", "Zelenskyi", "Zelenskiy", "Zelenskii", "Зеленський", "Зеленский"],
    ["Aleksandr", "Alyaksandr", "Aliaksandr", "Александр", "Аляксандр"],
    ["Dmitry", "Dmitriy", "Dmitrii", "Dmitrij", "Дмитрий"],
    ["Yevgeny", "Evgeniy", "Jevgenij", "Евгений"],
    ["Fyodor", "Fedor", "Fiodor", "Фёдор"],
    ["Tsikhanouskaya", "Ціханоўская", "Tsikhanouskaia"],
    ["Yanukovych", "Ianukovych", "Janukovyč", "Янукович"],
    ["Sergeyev", "Sergeev", "Сергеев"],
    ["Khrushchev", "Hrushchev", "Хрущёв"],
    ["Mariya", "Marija", "Mariia"],
    ["Alexander", "Aleksander"],
]

DIFFERENT_KEY = [
    ("Lukashenko", "Lukashevich"),
    ("Zakharova", "Zakharov"),
    ("Ivanov", "Ivankov"),
    ("Putin", "Putina"),
    ("Maria", "Mare"),
]


@pytest.mark.parametrize("group", SAME_KEY, ids=lambda g: g[0])
def test_keys_variants_share_key(group: list[str]) -> None:
    assert len({name_key(name) for name in group}) == 1


@pytest.mark.parametrize(("a", "b"), DIFFERENT_KEY)
def test_keys_variants_keep_different_names_apart(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_keys_variants_trace_explains_rules() -> None:
    trace = key_trace("Лукашэнка")
    assert (trace.romanised, trace.key) == ("lukashenka", "lukashenk")
    assert "-enko/-enka" in trace.rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Alyaksandr Lukashenka", "aleksandr lukashenk"), ("Jean-Luc Mélenchon", "ean luc melenchon"), ("", "")],
)
def test_keys_variants_multiword(text: str, expected: str) -> None:
    assert name_key(text) == expected


def test_keys_variants_romanise_cyrillic() -> None:
    assert romanise("Ціханоўская") == "tsikhanouskaya"
