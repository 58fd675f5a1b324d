"""An attribution dev set over real corpus texts: offsets and labels in JSONL, texts read at run time.

Used for the Russian attribution dev set in `benchmarks/attribution_ru/` (guideline:
docs/annotation/attribution_ru.md). Document ids:

- `semeval-ru/<stem>`: `../shared/data/semeval2023/ru/train-articles-subtask-3/<stem>.txt`, as is;
- `tg/<line>/<first|second>`: that side of line <line> of tgcontest `pairs.jsonl`, as is.

A line `{"doc": ID, "annotated": true}` declares a document exhaustively annotated (it counts
even with no attribution). Every other line is one attribution: `{"doc": ID, "source": [[s, e]],
"cue": [[s, e]], "content": [[s, e], ...]}` (lists of fragments; `source` may be empty when the
text names none). A document's split (`tune` or `test`) is fixed by a hash of its article id,
and both tgcontest sides of a pair share one split, so nobody chooses it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterator

from .brat import GoldAttribution, GoldDocument

ROLES = ("source", "cue", "content")


def article_key(doc: str) -> str:
    """The id that fixes a document's split: a tgcontest pair shares one (same story, same half)."""
    parts = doc.split("/")
    return "/".join(parts[:2]) if parts[0] == "tg" else doc


def split_of(doc: str) -> str:
    """'tune' or 'test': half the articles each, by a hash of the article id."""
    return "test" if int(hashlib.sha1(article_key(doc).encode()).hexdigest(), 16) % 2 else "tune"


def document_text(data: Path, doc: str) -> str:
    """The text a document id names, exactly as the offsets count it (no newline translation)."""
    kind, _, rest = doc.partition("/")
    if kind == "semeval-ru" and rest and "/" not in rest:
        path = data / "semeval2023" / "ru" / "train-articles-subtask-3" / f"{rest}.txt"
        with path.open(encoding="utf-8", newline="") as fh:
            return fh.read()
    if kind == "tg":
        line_no, _, side = rest.partition("/")
        if side in ("first", "second") and line_no.isdigit():
            with (data / "tgcontest_ru_dev" / "pairs.jsonl").open(encoding="utf-8", newline="") as fh:
                for n, line in enumerate(fh, 1):
                    if n == int(line_no):
                        return json.loads(line)[f"{side}_text"]
    raise KeyError(doc)


def _fragments(raw: object) -> list[tuple[int, int]]:
    """[[s, e], ...] -> [(s, e), ...]."""
    if not isinstance(raw, list):
        raise ValueError(f"fragments must be a list, not {raw!r}")
    return [(int(s), int(e)) for s, e in raw]


def read_records(folder: Path) -> tuple[list[str], dict[str, list[GoldAttribution]]]:
    """(annotated document ids in file order, attributions by document) from every `*.jsonl`."""
    docs: list[str] = []
    found: dict[str, list[GoldAttribution]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec.get("annotated") is True:
                if rec["doc"] not in docs:
                    docs.append(rec["doc"])
                continue
            try:
                att = GoldAttribution(**{role: _fragments(rec.get(role, [])) for role in ROLES})
            except (TypeError, ValueError) as err:
                raise ValueError(f"{path.name}:{line_no}: {err}") from err
            found.setdefault(rec["doc"], []).append(att)
    return docs, found


def read_attribution_set(data: Path, folder: Path, split: str = "all") -> Iterator[GoldDocument]:
    """Every annotated document of the chosen split ('all', 'tune' or 'test') with its text."""
    docs, found = read_records(folder)
    for doc in docs:
        if split != "all" and split_of(doc) != split:
            continue
        yield GoldDocument(doc, document_text(data, doc), folder.name, found.get(doc, []))


def check_attribution_set(data: Path, folder: Path) -> Iterator[str]:
    """Problems: undeclared or unknown documents, fragments out of range or blank, no content."""
    docs, found = read_records(folder)
    for doc, atts in found.items():
        if doc not in docs:
            yield f"{doc}: attributions in a document not declared annotated"
    for doc in docs:
        try:
            text = document_text(data, doc)
        except (KeyError, OSError):
            yield f"{doc}: unknown document"
            continue
        for n, att in enumerate(found.get(doc, []), 1):
            if not att.content:
                yield f"{doc} #{n}: no content"
            for role in ROLES:
                for s, e in getattr(att, role):
                    if not (0 <= s < e <= len(text)) or not text[s:e].strip():
                        yield f"{doc} #{n}: bad {role} span {s}:{e}"
                    elif text[s:e] != text[s:e].strip():
                        yield f"{doc} #{n}: {role} span {s}:{e} starts or ends with white space"
