"""The divergence dev set: real same-story articles (BASIL triplets, tgcontest Russian pairs)
and our own annotations of where their accounts genuinely diverge.

Annotations live in `benchmarks/divergences/*.jsonl` as offsets and labels only; the texts are
read at run time from `../shared/data` (see docs/annotation/divergences.md). Ids:

- document: `basil/<year>/<triplet>_<n>` (text = `corpora.basil_text(record)`),
  `tg/<line>/<first|second>` (text = that side of line <line> of tgcontest pairs.jsonl, as is) or
  `semeval/<lang>/<ID>` (SemEval-2023 `article<ID>.txt`, as is, CRs counted; title = first line);
- unit (what one comparison runs over): `basil/<year>/<triplet>` (its three articles),
  `tg/<line>` (the pair on that line) or `semeval/<lang>/<ID>+<ID>[+<ID>...]` (articles of
  different outlets on one event).

A unit's split (`tune` or `test`) is fixed by a hash of its id, so nobody chooses it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..techniques.formats import read_text
from .corpora import basil_text

KINDS = ("actor", "quantity", "date", "place", "origin", "polarity", "modality", "attribution", "other")


def split_of(unit: str) -> str:
    """'tune' or 'test': half the units each, by a hash of the unit id."""
    return "test" if int(hashlib.sha1(unit.encode()).hexdigest(), 16) % 2 else "tune"


def basil_units(data: Path) -> list[str]:
    """Every BASIL triplet id, sorted (`basil/<year>/<triplet>`)."""
    ids = {f"basil/{p.parent.name}/{p.stem.rsplit('_', 1)[0]}" for p in (data / "basil" / "articles").glob("*/*.json")}
    return sorted(ids)


def tg_units(data: Path, same_story: int | None = 1) -> list[str]:
    """tgcontest pair ids (`tg/<line>`, 1-based lines), same-story pairs only by default."""
    path = data / "tgcontest_ru_dev" / "pairs.jsonl"
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for line_no, line in enumerate(fh, 1):
            if line.strip() and (same_story is None or json.loads(line).get("same_story") == same_story):
                out.append(f"tg/{line_no}")
    return out


@dataclass
class Document:
    """One article of the dev set."""

    id: str
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    language: str


def unit_documents(data: Path, unit: str) -> list[Document]:
    """The articles of one unit, in order (_1, _2, _3; first, second; or as the semeval unit lists them)."""
    kind, rest = unit.split("/", 1)
    if kind == "basil":
        year, triplet = rest.split("/")
        docs = []
        for path in sorted((data / "basil" / "articles" / year).glob(f"{triplet}_*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            docs.append(Document(f"basil/{year}/{path.stem}", basil_text(record), (record.get("title") or None),
                                 record.get("date") or None, record.get("source") or None, "en"))
        return docs
    if kind == "tg":
        line_no = int(rest)
        with (data / "tgcontest_ru_dev" / "pairs.jsonl").open(encoding="utf-8", newline="") as fh:
            for n, line in enumerate(fh, 1):
                if n == line_no:
                    pair = json.loads(line)
                    return [Document(f"tg/{line_no}/{side}", pair[f"{side}_text"], pair.get(f"{side}_title"), None,
                                     _host(pair.get(f"{side}_url") or ""), pair.get("lang") or "ru")
                            for side in ("first", "second")]
        raise KeyError(unit)
    if kind == "semeval":
        language, _, ids = rest.partition("/")
        return [_semeval_document(data, language, article) for article in ids.split("+")]
    raise KeyError(unit)


def _semeval_document(data: Path, language: str, article: str) -> Document:
    """SemEval-2023 training article `article<ID>.txt`, read as the techniques reader reads it."""
    path = data / "semeval2023" / language / "train-articles-subtask-3" / f"article{article}.txt"
    if language not in ("en", "ru") or not article.isdigit() or not path.is_file():
        raise KeyError(f"semeval/{language}/{article}")
    text = read_text(path)
    return Document(f"semeval/{language}/{article}", text, text.split("\n", 1)[0].strip() or None, None, None,
                    language)


def _host(url: str) -> str | None:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


@dataclass
class Side:
    """One position of a gold divergence: a span in a document and who holds it."""

    doc: str
    start: int
    end: int
    source: str | tuple[int, int]  # "author", or the speaker's span in the same document


@dataclass
class Divergence:
    """A gold divergence between two sources."""

    unit: str
    kind: str
    a: Side
    b: Side
    frame: str = ""  # the annotator's own short words for what is measured (not corpus text)


def _side(raw: dict) -> Side:
    src = raw.get("source", "author")
    if isinstance(src, dict):
        src = (int(src["start"]), int(src["end"]))
    return Side(raw["doc"], int(raw["start"]), int(raw["end"]), src)


def read_annotations(folder: Path) -> tuple[list[str], list[Divergence]]:
    """(annotated unit ids, divergences) from every `*.jsonl` in `folder`.

    A line with `"unit"` and `"docs"` but no `"kind"` declares a unit as annotated (it may
    have no divergence at all: it still counts for precision).
    """
    units: list[str] = []
    found: list[Divergence] = []
    for path in sorted(folder.glob("*.jsonl")):
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if "judged" in rec:
                continue  # a reviewer's verdict on tool output (evaluation.compare_eval), not gold
            if "kind" not in rec:
                units.append(rec["unit"])
                continue
            if rec["kind"] not in KINDS:
                raise ValueError(f"{path.name}:{line_no}: unknown kind {rec['kind']!r}")
            found.append(Divergence(rec["unit"], rec["kind"], _side(rec["a"]), _side(rec["b"]), rec.get("frame", "")))
    return units, found


def read_judged(folder: Path) -> list[Divergence]:
    """Pairs a reviewer judged genuine in the tool's output (`"judged": true` lines of `judged*.jsonl`)."""
    out = []
    for path in sorted(folder.glob("judged*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if rec.get("judged") is True:
                    out.append(Divergence(rec["unit"], rec.get("kind", "other"), _side(rec["a"]), _side(rec["b"])))
    return out


def check_annotations(data: Path, folder: Path) -> Iterator[str]:
    """Problems in the annotations: unknown documents, spans out of range or blank, undeclared units."""
    units, found = read_annotations(folder)
    texts: dict[str, str] = {}
    for unit in units:
        for doc in unit_documents(data, unit):
            texts[doc.id] = doc.text
    for d in found:
        if d.unit not in units:
            yield f"{d.unit}: divergence in a unit not declared"
        for side in (d.a, d.b):
            text = texts.get(side.doc)
            if text is None:
                yield f"{d.unit}: unknown document {side.doc}"
                continue
            if not (0 <= side.start < side.end <= len(text)) or not text[side.start:side.end].strip():
                yield f"{side.doc}: bad span {side.start}:{side.end}"
            if isinstance(side.source, tuple):
                s, e = side.source
                if not (0 <= s < e <= len(text)):
                    yield f"{side.doc}: bad source span {s}:{e}"
