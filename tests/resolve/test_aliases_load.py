"""Alias files: TSV and YAML parsing, coded errors naming file and line, effect on clusters."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.errors import RashomonError
from rashomon.resolve import AliasRules, cluster_entities, load_aliases
from tests.resolve.synth import article, cluster_of, together


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_aliases_load_tsv(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.tsv", "# comment\n\nsame\tMinsk\tМенск\tMensk\ndifferent\tSergei Ivanov\tS. Ivanov\n")
    rules = load_aliases(path)
    assert [r.names for r in rules.same] == [("Minsk", "Менск", "Mensk")]
    assert [(r.names, r.line) for r in rules.different] == [(("Sergei Ivanov", "S. Ivanov"), 4)]


def test_aliases_load_yaml(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.yaml", "same:\n  - [Minsk, Менск]\ndifferent:\n  - [Sergei Ivanov, S. Ivanov]\n")
    rules = load_aliases(path)
    assert [r.names for r in rules.same] == [("Minsk", "Менск")]
    assert rules.different[0].line == 4


def test_aliases_load_empty_yaml_is_no_rules(tmp_path: Path) -> None:
    assert not load_aliases(_write(tmp_path, "a.yml", "# nothing yet\n"))


@pytest.mark.parametrize(
    ("name", "text", "code", "line"),
    [
        ("a.tsv", "same\tMinsk\tМенск\nsimilar\tA\tB\n", "E061", 2),
        ("a.tsv", "same\tMinsk\n", "E061", 1),
        ("a.tsv", "same Minsk Менск\n", "E061", 1),
        ("a.tsv", "same\tMinsk\tminsk\n", "E061", 1),
        ("a.tsv", "same\tA\tB\ndifferent\tA\tB\n", "E063", 2),
        ("a.tsv", "same\tA\tB\nsame\tB\tC\ndifferent\tC\tA\n", "E063", 3),
        ("a.yaml", "same: [[A, B]]\nother: [[C, D]]\n", "E061", 2),
        ("a.yaml", "same:\n  - A\n", "E061", 2),
        ("a.yaml", "same:\n  - [A, [B]]\n", "E061", 2),
        ("a.yaml", "same: [[A, B]\n", "E061", 2),
        ("a.yaml", "- [A, B]\n", "E061", 1),
        ("a.yaml", "same: A\n", "E061", 1),
    ],
)
def test_aliases_load_errors_name_file_and_line(tmp_path: Path, name: str, text: str, code: str, line: int) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(RashomonError) as info:
        load_aliases(path)
    assert info.value.code == code
    message = str(info.value)
    assert str(path) in message and f"line {line}" in message and "\n" not in message


@pytest.mark.parametrize(("name", "code"), [("missing.tsv", "E060"), ("aliases.csv", "E062"), ("aliases", "E062")])
def test_aliases_load_unreadable_or_unsupported(tmp_path: Path, name: str, code: str) -> None:
    with pytest.raises(RashomonError) as info:
        load_aliases(tmp_path / name)
    assert info.value.code == code


def test_aliases_load_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_bytes("same\tМенск\tMinsk\n".encode("cp1251"))
    with pytest.raises(RashomonError, match="E060"):
        load_aliases(path)


def test_aliases_same_forces_merge_with_explanation() -> None:
    arts = [article("A", ("Belsat TV", "ORG")), article("B", ("Telewizja Biełsat", "ORG"))]
    assert len(cluster_entities(arts)) == 2
    clusters = cluster_entities(arts, aliases=AliasRules.from_lists(same=[["belsat tv", "Telewizja Biełsat"]]))
    assert len(clusters) == 1
    assert clusters[0].merges[0].rule == "alias-same" and "belsat tv | Telewizja Biełsat" in clusters[0].merges[0].why


def test_aliases_different_forbids_merge_even_through_chains() -> None:
    arts = [article("A", ("Lukashenko", "PERSON")), article("B", ("Lukashenka", "PERSON")),
            article("C", ("Лукашенко", "PERSON"))]
    assert len(cluster_entities(arts)) == 1
    rules = AliasRules.from_lists(different=[["Lukashenko", "Lukashenka"]])
    clusters = cluster_entities(arts, aliases=rules)
    assert not together(clusters, "Lukashenko", "Lukashenka")
    assert len(cluster_of(clusters, "Лукашенко").members) == 2


def test_aliases_from_lists_refuses_conflicts() -> None:
    with pytest.raises(RashomonError, match="E063"):
        AliasRules.from_lists(same=[["A", "B"]], different=[["B", "A"]])
