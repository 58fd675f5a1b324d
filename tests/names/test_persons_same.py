"""same_person: full names, surnames alone, initials, scripts; shared first names never merge."""

from __future__ import annotations

import pytest

from rashomon.names.persons import same_person

LUKASHENKA = ["Alyaksandr Lukashenka", "Aleksandr Lukashenko", "Lukashenka", "A. Lukashenko",
              "Александр Лукашенко", "Аляксандр Лукашэнка", "Лукашенко Александр Григорьевич",
              "Lukashenko A.G.", "Alexander Lukashenko"]

SAME = [(LUKASHENKA[0], other) for other in LUKASHENKA[1:]] + [
    ("Vladimir Putin", "Putin"),
    ("Vladimir Putin", "Путин"),
    ("Владимир Владимирович Путин", "Vladimir Putin"),
    ("Maria Zakharova", "Мария Захарова"),
    ("Sviatlana Tsikhanouskaya", "Светлана Тихановская"),
    ("Volodymyr Zelensky", "Владимир Зеленский"),
    ("Олександр Лукашенко", "A. Lukashenko"),
    ("Sergei Lavrov", "S. Lavrov"),
    ("Emmanuel Macron", "Эммануэль Макрон"),
]

DIFFERENT = [
    ("Alyaksandr Lukashenka", "Alyaksandr Fyaduta"),
    ("Alyaksandr Lukashenka", "Alexander Goltz"),
    ("Alyaksandr Fyaduta", "Alexander Goltz"),
    ("Alexander Lukashenko", "Viktor Lukashenko"),
    ("Alexander Lukashenko", "V. Lukashenko"),
    ("Alexander Lukashenko", "S. Lukashenko"),
    ("Maria Zakharova", "Zakharov"),
    ("Vladimir Putin", "Vladimir Zelensky"),
    ("Alexander", "Alexander Lukashenko"),
    ("Sergei Lavrov", "Sergei Shoigu"),
    ("Иван Петрович Сидоров", "Иван Сергеевич Сидоров"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_persons_same_positive(a: str, b: str) -> None:
    m = same_person(a, b)
    assert m.same, m.why


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_persons_same_negative(a: str, b: str) -> None:
    m = same_person(a, b)
    assert not m.same, m.why


def test_persons_same_explains_surname_and_first_name() -> None:
    why = same_person("Alyaksandr Lukashenka", "Александр Лукашенко").why
    assert "surnames" in why and "group Alexander" in why
