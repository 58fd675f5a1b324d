"""rashomon.lang.bundle: one bundle per language, the be/uk -> ru fallback declared once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import rashomon
from rashomon.errors import RashomonError
from rashomon.lang import FALLBACK, LanguageBundle, bundle, bundle_code

SRC = Path(rashomon.__file__).resolve().parent
# The shapes the fallback decision took before it had one home: a set or tuple holding be and
# uk, a name for such a set, or a mapping of be/uk to ru.
_FALLBACK_SHAPES = re.compile(
    r"""CYRILLIC_LANGS|["'](?:be|uk)["']\s*:\s*["']ru["']|\bin\s*[({\[]\s*(?:["']ru["']\s*,\s*)?["']be["']\s*,\s*["']uk["']"""
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "en"), ("ru", "ru"), ("be", "ru"), ("uk", "ru"), ("und", "en"), ("", "en"), ("de", "en"), ("RU", "en")],
)
def test_bundle_code_fallback(language: str, expected: str) -> None:
    assert bundle_code(language) == expected


def test_bundle_code_default() -> None:
    assert bundle_code("und", default="ru") == "ru"
    assert bundle_code("uk", default="en") == "ru"


@pytest.mark.parametrize(("code", "resolved"), [("en", "en"), ("ru", "ru"), ("be", "ru"), ("uk", "ru")])
def test_bundle_fallback_resolves(code: str, resolved: str) -> None:
    res = bundle(code)
    assert isinstance(res, LanguageBundle) and res.code == resolved
    assert res is bundle(resolved)  # one cached bundle per resource language
    assert res.speech_verbs and res.cognition_verbs and res.naming_cues
    assert res.function_words and res.negations and res.number_words


@pytest.mark.parametrize("code", ["und", "de", "", "RU", "../en"])
def test_bundle_fallback_unknown_code(code: str) -> None:
    with pytest.raises(RashomonError) as err:
        bundle(code)
    assert err.value.code == "E136"


def test_bundle_fallback_resources_differ_by_language() -> None:
    assert set(bundle("en").speech_verbs) != set(bundle("ru").speech_verbs)
    assert bundle("be").technique_cues("fear") == bundle("ru").words("tech_fear")


def test_bundle_fallback_declared_once() -> None:
    assert FALLBACK == {"be": "ru", "uk": "ru"}
    hits = []
    for path in sorted(SRC.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _FALLBACK_SHAPES.search(line):
                hits.append(f"{path.relative_to(SRC)}:{number}")
    assert hits == [f"lang/__init__.py:{_declaration_line()}"], hits


def _declaration_line() -> int:
    lines = (SRC / "lang" / "__init__.py").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith("FALLBACK"))


@pytest.mark.parametrize(
    "line",
    ['    code = "ru" if lang in ("ru", "be", "uk") else "en"', 'CYRILLIC_LANGS = {"ru", "be", "uk"}',
     '    "ru" if article.language in ("be", "uk") else "en"', 'FALLBACK = {"be": "ru", "uk": "ru"}'],
)
def test_bundle_fallback_pattern_sees_old_checks(line: str) -> None:
    assert _FALLBACK_SHAPES.search(line)


@pytest.mark.parametrize("line", ['LANGS: tuple[str, ...] = ("ru", "be", "uk")', 'Language = Literal["en", "ru", "be", "uk", "und"]'])
def test_bundle_fallback_pattern_ignores_language_lists(line: str) -> None:
    assert not _FALLBACK_SHAPES.search(line)
