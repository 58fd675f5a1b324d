"""Readers (and writers) for the PTC-2020 and SemEval-2023 Task 3 annotation formats.

PTC-2020: `article<ID>.txt` plus labels `id \\t technique \\t start \\t end` (TC) or
`id \\t start \\t end` (SI), one file per article or one file for all. SemEval-2023
subtask 3: the same article files, paragraph labels `id \\t line_no \\t Tech1,Tech2` with
1-based line numbers counted over every line of the article (blank ones included), and
optional span files `id \\t technique \\t start \\t end`. Offsets are Python str indices into
the file read with `newline=""`: the Russian files have CRLF line endings, and universal
newline translation would shift every offset after the first line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..script import cyrillic_count
from .taxonomy import to_semeval2023

_ARTICLE = re.compile(r"article(\d+)\.txt$")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(slots=True)
class GoldSpan:
    """An annotated technique span (label as written in the source file)."""

    label: str
    start: int
    end: int


@dataclass
class GoldArticle:
    """An annotated article: text, language, spans and (SemEval-2023) paragraph labels."""

    id: str
    text: str
    language: str
    spans: list[GoldSpan] = field(default_factory=list)
    lines: dict[int, set[str]] | None = None  # 1-based line number -> labels
    corpus: str = ""


def read_text(path: str | Path) -> str:
    """A corpus file's text with line endings untouched (offsets count CR characters)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def guess_language(text: str) -> str:
    """'ru' when most letters are Cyrillic, else 'en' (the corpora hold only these two)."""
    letters = len(_LETTER.findall(text[:5000])) or 1
    return "ru" if cyrillic_count(text[:5000]) > letters / 2 else "en"


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, numbered from 1 by list index + 1; CR/LF excluded."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        out.append((pos, end - 1 if line.endswith("\r") else end))
        pos = end + 1
    return out


def read_articles(articles_dir: str | Path) -> dict[str, str]:
    """Article id -> text for every `article<ID>.txt` in a directory."""
    out = {}
    for path in sorted(Path(articles_dir).iterdir()):
        m = _ARTICLE.search(path.name)
        if m:
            out[m.group(1)] = read_text(path)
    return out


def _label_files(path: str | Path) -> list[Path]:
    p = Path(path)
    if p.is_dir():
        return sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith("."))
    return [p]


def read_span_labels(path: str | Path, normalise: bool = False) -> dict[str, list[GoldSpan]]:
    """Span labels (TC: id, technique, start, end; SI: id, start, end) from a file or directory."""
    out: dict[str, list[GoldSpan]] = {}
    for f in _label_files(path):
        for raw in read_text(f).splitlines():
            cells = raw.strip("\r\n").split("\t")
            if len(cells) == 4:
                aid, label, start, end = cells
            elif len(cells) == 3:
                (aid, start, end), label = cells, ""
            else:
                continue
            if normalise and label:
                label = to_semeval2023(label)
            out.setdefault(aid.strip(), []).append(GoldSpan(label.strip(), int(start), int(end)))
    return out


def read_paragraph_labels(path: str | Path) -> dict[str, dict[int, set[str]]]:
    """SemEval-2023 subtask-3 labels: article id -> {line number -> set of techniques}."""
    out: dict[str, dict[int, set[str]]] = {}
    for raw in read_text(path).splitlines():
        cells = raw.strip("\r\n").split("\t")
        if len(cells) < 2 or not cells[1].strip().isdigit():
            continue
        labels = {x.strip() for x in cells[2].split(",") if x.strip()} if len(cells) > 2 else set()
        out.setdefault(cells[0].strip(), {})[int(cells[1])] = labels
    return out


def read_ptc(
    articles_dir: str | Path, labels: str | Path | None = None, normalise: bool = True
) -> list[GoldArticle]:
    """PTC-2020 articles with their span labels (renamed to SemEval-2023 when `normalise`)."""
    texts = read_articles(articles_dir)
    spans = read_span_labels(labels, normalise=normalise) if labels else {}
    return [
        GoldArticle(aid, text, "en", spans.get(aid, []), None, "ptc2020") for aid, text in texts.items()
    ]


def read_semeval23(
    articles_dir: str | Path,
    labels: str | Path | None = None,
    spans_dir: str | Path | None = None,
    language: str | None = None,
) -> list[GoldArticle]:
    """SemEval-2023 subtask-3 articles with paragraph labels and, if given, span labels."""
    texts = read_articles(articles_dir)
    para = read_paragraph_labels(labels) if labels else {}
    spans = read_span_labels(spans_dir) if spans_dir else {}
    return [
        GoldArticle(
            aid,
            text,
            language or guess_language(text),
            spans.get(aid, []),
            para.get(aid, {}) if labels else None,
            "semeval2023",
        )
        for aid, text in texts.items()
    ]


def read_corpus(path: str | Path) -> list[GoldArticle]:
    """Guess the layout of a corpus folder (PTC-2020 or SemEval-2023, as distributed) and read it."""
    root = Path(path)
    ptc_articles = sorted(d for d in root.glob("*-articles") if d.is_dir())
    ptc_tc = sorted(d for d in root.glob("*-labels-TC") if d.is_dir())
    if ptc_articles and ptc_tc:
        return read_ptc(ptc_articles[0], ptc_tc[0])
    sub3 = sorted(d for d in root.glob("*articles-subtask-3") if d.is_dir())
    if sub3:
        out = []
        for arts in sub3:
            split = arts.name.split("-articles")[0]
            labels = root / f"{split}-labels-subtask-3.txt"
            spans = root / f"{split}-labels-subtask-3-spans"
            out += read_semeval23(arts, labels if labels.exists() else None, spans if spans.exists() else None)
        return out
    if root.is_dir() and any(root.iterdir()):
        return [g for sub in sorted(root.iterdir()) if sub.is_dir() for g in read_corpus(sub)]
    raise ValueError(f"no PTC-2020 or SemEval-2023 layout found under {root}")


def write_ptc(predictions: Iterable[tuple[str, str, int, int]], path: str | Path) -> None:
    """Write (article id, technique, start, end) rows in PTC TC format."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for aid, label, start, end in predictions:
            fh.write(f"{aid}\t{label}\t{start}\t{end}\n")


def write_semeval23(rows: Iterable[tuple[str, int, Iterable[str]]], path: str | Path) -> None:
    """Write (article id, line number, techniques) rows in SemEval-2023 subtask-3 format."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for aid, line, labels in rows:
            fh.write(f"{aid}\t{line}\t{','.join(sorted(labels))}\n")
