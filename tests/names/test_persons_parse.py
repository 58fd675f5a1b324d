"""parse_person: split full names into first name, patronymic, surname and initials."""

from __future__ import annotations

import pytest

from rashomon.names.persons import first_name_groups, parse_person

CASES = [
    ("Alyaksandr Lukashenka", ("Alyaksandr", "", "Lukashenka", ())),
    ("Lukashenka", ("", "", "Lukashenka", ())),
    ("A. Lukashenko", ("", "", "Lukashenko", ("A",))),
    ("Lukashenko A.G.", ("", "", "Lukashenko", ("A", "G"))),
    ("А.Г. Лукашенко", ("", "", "Лукашенко", ("А", "Г"))),
    ("Александр Григорьевич Лукашенко", ("Александр", "Григорьевич", "Лукашенко", ())),
    ("Лукашенко Александр Григорьевич", ("Александр", "Григорьевич", "Лукашенко", ())),
    ("Лукашенко Александр", ("Александр", "", "Лукашенко", ())),
    ("Recep Tayyip Erdogan", ("Recep", "Tayyip", "Erdogan", ())),
    ("John F. Kennedy", ("John", "", "Kennedy", ("F",))),
    ("Vladimir", ("Vladimir", "", "", ())),
]


@pytest.mark.parametrize(("raw", "parts"), CASES)
def test_persons_parse_parts(raw: str, parts: tuple[str, str, str, tuple[str, ...]]) -> None:
    p = parse_person(raw)
    assert (p.first, p.patronymic, p.surname, p.initials) == parts


@pytest.mark.parametrize(
    ("name", "group"),
    [("Alyaksandr", "Alexander"), ("Олександр", "Alexander"), ("Sasha", "Alexander"), ("Sviatlana", "Svetlana"),
     ("Uladzimir", "Vladimir"), ("Volodymyr", "Vladimir"), ("Yauhen", "Yevgeny"), ("Ihar", "Igor")],
)
def test_persons_parse_first_name_groups(name: str, group: str) -> None:
    assert group in first_name_groups(name)


def test_persons_parse_unknown_first_name_has_no_group() -> None:
    assert first_name_groups("Lukashenka") == frozenset()
