"""Loader for per-language resources stored as data files under `lang/<code>/`.

Word lists are `.txt` (one entry per line) and tables are `.tsv`; `#` starts a comment.
Every resource is read once per process and cached.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(lang: str, filename: str) -> list[str]:
    res = resources.files("rashomon").joinpath("lang", lang, filename)
    if not res.is_file():
        return []
    out = []
    for raw in res.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if line.strip():
            out.append(line)
    return out


@lru_cache(maxsize=None)
def load_list(lang: str, name: str) -> tuple[str, ...]:
    """Entries of `lang/<lang>/<name>.txt`, stripped; empty if the file does not exist."""
    return tuple(line.strip() for line in _lines(lang, f"{name}.txt"))


@lru_cache(maxsize=None)
def load_table(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of `lang/<lang>/<name>.tsv` split on tabs; empty if the file does not exist."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(lang, f"{name}.tsv"))
