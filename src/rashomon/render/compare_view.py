"""The one view model of a comparison: rows in display order, shared by the text report, the
CLI HTML page and the web compare page, so ranking and labels cannot drift between them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..compare.result import Comparison, Finding, Position

# Display order of the sections; conflicts first, ranked by confidence.
SECTIONS = ("conflicts", "updates", "agreements", "unique")
SECTION_LABELS = {
    "conflicts": "conflict",
    "updates": "update",
    "agreements": "agreement",
    "unique": "one side only",
}
CLI_HINT = "--min-confidence 0 shows all"
CONFIG_HINT = "min_confidence = 0 under [compare] in the server's config shows all"


@dataclass
class PositionRow:
    """One position of a row: who holds it, where, and the text of the span and its claim."""

    article: str
    source: str
    source_entity: str | None
    text: str
    start: int
    end: int
    claim_text: str
    anchor: str  # "{row id}.{k}": the mark id of this span on the article's column


@dataclass
class ComparisonRow:
    """A conflict, update, agreement or unique claim as every renderer shows it."""

    section: str
    label: str
    id: str
    kind: str
    confidence: float | None
    topic: str
    why: str
    frame: str
    slot: str
    story: str
    positions: list[PositionRow]

    @property
    def confidence_label(self) -> str:
        """Confidence with two decimals ("0.82"), or "" where it does not apply."""
        return "" if self.confidence is None else f"{self.confidence:.2f}"

    @property
    def frame_slot(self) -> str:
        """"frame: …; differs in: …" in words, or "" when the finding names neither."""
        parts = ([f"frame: {self.frame}"] if self.frame else []) + ([f"differs in: {self.slot}"] if self.slot else [])
        return "; ".join(parts)


def _position(p: Position, anchor: str) -> PositionRow:
    return PositionRow(p.article, p.source_name, p.source_entity, p.text, p.start, p.end, p.claim_text, anchor)


def _finding_row(section: str, f: Finding, confidence: bool) -> ComparisonRow:
    return ComparisonRow(section, SECTION_LABELS[section], f.id, f.kind, f.confidence if confidence else None,
                         f.topic, f.why, f.frame, f.slot, f.story,
                         [_position(p, f"{f.id}.{k}") for k, p in enumerate(f.positions)])


def comparison_rows(comparison: Comparison) -> list[ComparisonRow]:
    """Rows in display order: conflicts by confidence (highest first), updates, agreements, unique."""
    # Stable sort: equal confidence keeps the engine's order, so every view ranks identically.
    conflicts = sorted(comparison.conflicts, key=lambda f: -f.confidence)
    rows = [_finding_row("conflicts", f, True) for f in conflicts]
    rows += [_finding_row("updates", f, False) for f in comparison.updates]
    rows += [_finding_row("agreements", f, False) for f in comparison.agreements]
    rows += [ComparisonRow("unique", SECTION_LABELS["unique"], u.id, "", None, u.position.text, "", "", "",
                           u.story, [_position(u.position, f"{u.id}.0")]) for u in comparison.unique]
    return rows


def hidden_note(comparison: Comparison, hint: str = CLI_HINT) -> str:
    """"N more below confidence 0.5; <hint>", or "" when no conflict was held back."""
    if not comparison.hidden:
        return ""
    noun = "conflict" if comparison.hidden == 1 else "conflicts"
    return f"{comparison.hidden} more {noun} below confidence {comparison.min_confidence:g}; {hint}"
