"""rashomon.script: the one definition of Cyrillic, and no copies of it elsewhere in src/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import rashomon
from rashomon.script import CYRILLIC_WORD, cyrillic_count, has_cyrillic, is_cyrillic

SRC = Path(rashomon.__file__).resolve().parent


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Иванов", True), ("Ivanov", False), ("Lukašenka", False), ("Лукашэнка", True), ("ўїєґі", True),
     ("", False), ("123 — «»", False), ("Putin said «да»", True), ("Ω α", False), ("Ѐ", True), ("ӿ", True),
     ("Ԁ", False)],  # U+0500 (Cyrillic Supplement) is outside the letters in play
)
def test_script_has_cyrillic(text: str, expected: bool) -> None:
    assert has_cyrillic(text) is expected
    assert (cyrillic_count(text) > 0) is expected


@pytest.mark.parametrize(("ch", "expected"), [("я", True), ("Ё", True), ("ў", True), ("y", False), ("9", False), (" ", False)])
def test_script_is_cyrillic(ch: str, expected: bool) -> None:
    assert is_cyrillic(ch) is expected


@pytest.mark.parametrize(("text", "count"), [("abc", 0), ("абв", 3), ("a б c д", 2), ("Ў'ї", 2)])
def test_script_cyrillic_count(text: str, count: int) -> None:
    assert cyrillic_count(text) == count
    assert cyrillic_count(text) == sum(map(is_cyrillic, text))


def test_script_cyrillic_word_keeps_apostrophes() -> None:
    assert [m.group(0) for m in CYRILLIC_WORD.finditer("п'ять Lviv м’ята")] == ["п'ять", "м’ята"]


def test_script_defined_once() -> None:
    # Any spelling of the Cyrillic block's bounds outside script.py is a copy of the test.
    bounds = re.compile(r"\\u0400|\\u04[fF]{2}|\\x{0?400}|0x0?400\b")
    copies = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if p.name != "script.py" and bounds.search(p.read_text(encoding="utf-8"))]
    assert copies == []
