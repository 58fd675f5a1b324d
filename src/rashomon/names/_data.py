"""Read the package's TSV data files (rules, name groups, learned tables) lazily."""

from __future__ import annotations

from importlib.resources import files


def data_text(*parts: str) -> str:
    """Return the text of ``rashomon/lang/<parts...>``."""
    node = files("rashomon").joinpath("lang")
    for part in parts:
        node = node.joinpath(part)
    return node.read_text(encoding="utf-8")


def read_data_lines(*parts: str) -> list[list[str]]:
    """Split a TSV data file into fields, skipping blank lines and ``#`` comments."""
    rows: list[list[str]] = []
    for line in data_text(*parts).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows
