"""Place exonyms and generic place words (data files under lang/places/)."""

from __future__ import annotations

import pytest

from rashomon.lang import read_rows
from rashomon.resolve.places import exonym_group, place_forms, strip_generic


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Warsaw", "Варшава", True),
        ("Warszawa", "warsaw", True),
        ("Kyiv", "Киев", True),
        ("Kiev", "Київ", True),
        ("Vilnius", "Wilno", True),
        ("Belarus", "Белоруссия", True),
        ("Moscow", "Москва", True),
        ("Warsaw", "Vienna", False),
        ("Vilnius", "Vienna", False),
        ("Minsk", "Pinsk", False),
    ],
)
def test_places_exonyms_groups(a: str, b: str, same: bool) -> None:
    assert exonym_group(a) is not None and exonym_group(b) is not None
    assert (exonym_group(a) == exonym_group(b)) is same


@pytest.mark.parametrize(
    ("name", "core"),
    [("Homiel region", "Homiel"), ("Гомель область", "Гомель"), ("Brest", "Brest"), ("region", "region"),
     ("Minsk city", "Minsk"), ("Regional Court", "Regional Court")],
)
def test_places_strip_generic_words(name: str, core: str) -> None:
    assert strip_generic(name) == core


def test_places_forms_look_up_after_stripping() -> None:
    assert place_forms("Homiel region") == ("Homiel", exonym_group("Homel"))
    assert place_forms("Atlantis") == ("Atlantis", None)


def test_places_exonyms_data_file_has_about_a_hundred_places_and_no_empty_names() -> None:
    rows = read_rows("places", "exonyms.tsv")
    assert 100 <= len(rows) <= 200
    assert all(len(r) >= 2 and all(n.strip() == n and n for n in r) for r in rows)
