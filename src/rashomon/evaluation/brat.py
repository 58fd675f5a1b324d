"""brat standoff attribution files laid out like PolNeAR: text/*.txt, attributions/*_<annotator>.ann."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator


@dataclass
class GoldAttribution:
    """One gold attribution relation: fragments of its content, cue and source."""

    content: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class GoldDocument:
    """A text and its gold attributions from one annotator."""

    name: str
    text: str
    annotator: str
    attributions: list[GoldAttribution]


def _fragments(spec: str) -> list[tuple[int, int]]:
    """'10 20;30 40' -> [(10, 20), (30, 40)]."""
    out = []
    for part in spec.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def parse_ann(content: str, roles: tuple[str, ...] = ("Source", "Cue", "Content")) -> list[GoldAttribution]:
    """Parse T and E lines into attributions (E lines link a relation's role spans)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in content.splitlines():
        cells = line.split("\t")
        try:
            if line.startswith("T") and len(cells) >= 2:
                label, spec = cells[1].split(" ", 1)
                spans[cells[0]] = (label, _fragments(spec))
            elif line.startswith("E") and len(cells) >= 2:
                events.append([tuple(a.split(":", 1)) for a in cells[1].split() if ":" in a])  # type: ignore[misc]
        except ValueError:
            continue  # a malformed line loses only itself
    out = []
    for args in events:
        att = GoldAttribution()
        for role, tid in args:
            if tid not in spans:
                continue
            frags = spans[tid][1]
            if role.startswith("Content"):
                att.content.extend(frags)
            elif role.startswith("Cue"):
                att.cue.extend(frags)
            elif role.startswith("Source"):
                att.source.extend(frags)
        if att.content:
            out.append(att)
    return out


def read_brat_dir(data: Path, annotator: str | None = None) -> Iterator[GoldDocument]:
    """Each text with one annotator's attributions (the given one, else the first by name)."""
    texts = sorted((data / "text").glob("*.txt"))
    for path in texts:
        anns = sorted((data / "attributions").glob(f"{path.stem}_*.ann"))
        if annotator:
            anns = [a for a in anns if a.stem.endswith(f"_{annotator}")]
        if not anns:
            continue
        ann = anns[0]
        text = path.open(encoding="utf-8", newline="").read()
        yield GoldDocument(path.stem, text, ann.stem.rsplit("_", 1)[-1], parse_ann(ann.read_text(encoding="utf-8")))
