"""match_names: same-name decisions with reasons, including guards against look-alikes."""

from __future__ import annotations

import dataclasses

import pytest

from rashomon.names.match import Match, match_names

SAME = [
    ("Lukashenko", "Lukashenka"),
    ("Lukashenko", "Лукашэнка"),
    ("Lukašenka", "Лукашенко"),
    ("Лукашенко", "Лукашэнка"),
    ("Homel", "Homiel"),
    ("Homel", "Gomel"),
    ("Gomel", "Гомель"),
    ("Feduta", "Fyaduta"),
    ("Fiaduta", "Фядута"),
    ("Zenkovich", "Zyankovich"),
    ("Kovalevsky", "Kavaleuski"),
    ("Mogilev", "Mahiliou"),
    ("Tsikhanouskaya", "Тихановская"),
    ("Zelensky", "Зеленский"),
    ("rommel", "роммель"),
    ("sibley", "сибли"),
    ("puttnam", "паттнэм"),
    ("Schmidt", "Шмидт"),
    ("Merkel", "Меркель"),
    ("Macron", "Макрон"),
    ("Washington", "Вашингтон"),
]

DIFFERENT = [
    ("Lukashenko", "Lukashevich"),
    ("Lukashenko", "Лукашевич"),
    ("Zakharova", "Zakharov"),
    ("Захарова", "Zakharov"),
    ("Ivanov", "Ivanova"),
    ("Tolstoy", "Tolstaya"),
    ("Ivanov", "Ivankov"),
    ("Ivanov", "Иванков"),
    ("Lavrov", "Ларов"),
    ("Petrov", "Petrenko"),
    ("Feduta", "Lukashenka"),
    ("Merkel", "Меркулов"),
    ("Putin", "Путята"),
    ("Belov", "Bilov"),
    ("rommel", "сибли"),
    ("", "Putin"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_match_names_same(a: str, b: str) -> None:
    m = match_names(a, b)
    assert m.same, m.why
    assert 0.5 <= m.score <= 1.0


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_match_names_different(a: str, b: str) -> None:
    m = match_names(a, b)
    assert not m.same, m.why
    assert 0.0 <= m.score <= 1.0


@pytest.mark.parametrize(("a", "b"), SAME[:5] + DIFFERENT[:5])
def test_match_names_symmetric(a: str, b: str) -> None:
    assert match_names(a, b).same == match_names(b, a).same


@pytest.mark.parametrize(
    ("a", "b", "fragment"),
    [
        ("Lukashenko", "Lukashenka", "same key 'lukashenk'"),
        ("Zakharova", "Zakharov", "gender forms"),
        ("Lukashenko", "Lukashevich", "different surname suffixes -enko vs -ovich"),
        ("Kovalevsky", "Kavaleuski", "vowel alternation"),
        ("puttnam", "паттнэм", "learned spelling model"),
        ("Ivanov", "Иванков", "look-alike surname"),
    ],
)
def test_match_names_explains(a: str, b: str, fragment: str) -> None:
    assert fragment in match_names(a, b).why


def test_match_names_result_is_frozen() -> None:
    m = match_names("Putin", "Путин")
    assert isinstance(m, Match) and (m.a, m.b) == ("Putin", "Путин")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.same = False  # type: ignore[misc]
