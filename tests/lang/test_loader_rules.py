"""rashomon.lang loader: one comment rule for every data file, coded error for a missing one."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

import rashomon
from rashomon.errors import RashomonError
from rashomon.lang import OPTIONAL, RESOURCE_LANGS, load_list, load_table, parse_rows, read_rows, read_text

SRC = Path(rashomon.__file__).resolve().parent
LANG_DIR = SRC / "lang"


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("a\nb\n", (("a",), ("b",))),
        ("# header\na\n", (("a",),)),
        ("   # indented comment\na", (("a",),)),
        ("\n  \n\t\na\n\n", (("a",),)),
        ("C#\n#C\n", (("C#",),)),  # '#' inside an entry is data, not an end-of-line comment
        ("a\tb\tc\n", (("a", "b", "c"),)),
        ("a\t\tuk\n", (("a", "", "uk"),)),  # an empty middle cell stays
        ("ь\t\n", (("ь",),)),  # trailing empty cells go
        (" x \t y \n", (("x", "y"),)),
        ("a\r\nb\r\n", (("a",), ("b",))),
        ("", ()),
        ("# only\n# comments\n", ()),
    ],
)
def test_loader_rules_comment_rule(text: str, rows: tuple[tuple[str, ...], ...]) -> None:
    assert parse_rows(text) == rows


@pytest.mark.parametrize(
    "parts", [("en", "no_such_list.txt"), ("xx", "speech_verbs.txt"), ("translit", "no_such.tsv"), ("places",)]
)
def test_loader_rules_missing_file_is_coded(parts: tuple[str, ...]) -> None:
    with pytest.raises(RashomonError) as err:
        read_text(*parts)
    assert err.value.code == "E135"
    assert "/".join(parts) in str(err.value)


@pytest.mark.parametrize(("lang", "name"), [("en", "no_such_list"), ("ru", "first_names"), ("xx", "speech_verbs")])
def test_loader_rules_missing_list_is_coded(lang: str, name: str) -> None:
    with pytest.raises(RashomonError) as err:
        load_list(lang, name)
    assert err.value.code == "E135"


def test_loader_rules_missing_table_is_coded() -> None:
    with pytest.raises(RashomonError) as err:
        load_table("en", "names_gender_suffixes")
    assert err.value.code == "E135"


@pytest.mark.parametrize(("lang", "filename"), sorted(OPTIONAL))
def test_loader_rules_optional_declared_and_absent(lang: str, filename: str) -> None:
    # A declared optional resource reads as empty; if the file ever appears, drop the declaration.
    assert not (LANG_DIR / lang / filename).exists()
    name, suffix = filename.rsplit(".", 1)
    assert (load_list if suffix == "txt" else load_table)(lang, name) == ()
    assert any((LANG_DIR / other / filename).is_file() for other in RESOURCE_LANGS if other != lang)


def test_loader_rules_reads_package_data() -> None:
    assert read_rows("places", "generic_words.tsv")
    assert load_list("en", "speech_verbs") == tuple(r[0] for r in read_rows("en", "speech_verbs.txt"))
    assert all(not line.lstrip().startswith("#") for line in load_list("ru", "speech_verbs"))


def _loaded_resources() -> set[tuple[str, str]]:
    """(folder, file) of every data file the source loads by a literal name."""
    calls = re.compile(
        r"""\b(load_list|load_table|read_rows|_words|_cue_pattern|words|table)\(\s*(?:(\w+|"[\w.]+")\s*,\s*)?"([\w.]+)"\s*\)"""
    )
    found: set[tuple[str, str]] = set()
    for path in SRC.rglob("*.py"):
        for func, first, name in calls.findall(path.read_text(encoding="utf-8")):
            if func == "read_rows":
                found.add((first.strip('"'), name))
                continue
            filename = f"{name}.tsv" if func in ("load_table", "table") else f"{name}.txt"
            langs = [first.strip('"')] if first.startswith('"') else list(RESOURCE_LANGS)
            found.update((lang, filename) for lang in langs)
    return found


def _dynamic_resources() -> set[tuple[str, str]]:
    """Files the source loads by a computed name: technique families, translit systems, the model,
    and the bundle attributes named after their files."""
    from rashomon.lang import LanguageBundle, _Named
    from rashomon.names.crossscript import MODEL_FILE
    from rashomon.names.translit import SYSTEMS
    from rashomon.techniques.lexicon import FAMILIES

    found = {(lang, f"tech_{family}.txt") for lang in RESOURCE_LANGS for family in FAMILIES}
    found |= {("translit", f"{system}.tsv") for system in SYSTEMS}
    named = [(n, ".tsv" if a.load is load_table else ".txt") for n, a in vars(LanguageBundle).items()
             if isinstance(a, _Named)]
    assert len(named) >= 6  # speech_verbs ... number_words
    found |= {(lang, name + suffix) for lang in RESOURCE_LANGS for name, suffix in named}
    return found | {("translit", MODEL_FILE)}


def test_loader_rules_every_loaded_resource_exists() -> None:
    wanted = _loaded_resources() | _dynamic_resources()
    assert len(wanted) > 60  # the scan sees the loaders (a broken regex would find nothing)
    root = resources.files("rashomon").joinpath("lang")
    missing = sorted(f"{d}/{f}" for d, f in wanted if (d, f) not in OPTIONAL and not root.joinpath(d, f).is_file())
    assert missing == []
