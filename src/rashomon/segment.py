"""Paragraph segmentation: every non-blank line is a paragraph (headlines included).

Sentences come later from the language backend, run per paragraph, so a headline or a
one-line paragraph can never be glued to the next one (razdel and pysbd would).
"""

from __future__ import annotations

import re

from .model import Article, Paragraph
from .pipeline import component

_LINE = re.compile(r"[^\r\n]+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line with non-space content, trimmed of surrounding whitespace."""
    spans = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start = m.start() + lead
        spans.append((start, start + len(stripped)))
    return spans


@component("segment", requires=("text",), assigns=("paragraphs",))
class ParagraphSegmenter:
    """Component: assigns `paragraphs`."""

    def __call__(self, article: Article) -> Article:
        text = article.text
        article.paragraphs = [Paragraph(s, e, text[s:e]) for s, e in paragraph_spans(text)]
        return article
