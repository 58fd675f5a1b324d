"""NLP backends. Each exposes `parse_many(texts) -> list[ParsedText]` with paragraph-relative offsets.

A backend's heads need not form trees (natasha's sometimes hold cycles); `parse.Parser`
repairs every ParsedText with `trees.make_trees` before any other layer reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ParsedToken:
    """A token relative to its paragraph; `head` and `sent` are paragraph-local indices."""

    start: int
    end: int
    lemma: str
    pos: str
    dep: str
    head: int
    sent: int


@dataclass(slots=True)
class ParsedText:
    """One paragraph's parse: sentence spans, tokens, and (start, end, label, normal) entities."""

    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[ParsedToken] = field(default_factory=list)
    ents: list[tuple[int, int, str, str]] = field(default_factory=list)
