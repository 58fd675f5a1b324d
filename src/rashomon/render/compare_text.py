"""A readable summary of a comparison: stories, conflicts ranked by confidence with their
positions, updates, agreements and what only one side reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .compare_view import CLI_HINT, ComparisonRow, comparison_rows, hidden_note

if TYPE_CHECKING:
    from ..compare.result import Comparison

HEADINGS = {
    "conflicts": "CONFLICTS",
    "updates": "UPDATES",
    "agreements": "AGREEMENTS",
    "unique": "ONLY ONE SIDE REPORTS",
}


def _clip(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _finding_lines(row: ComparisonRow) -> list[str]:
    head = f"{row.confidence_label} " if row.confidence_label else ""
    lines = [f"  {head}{row.id} {row.kind}: {row.topic} — {row.why}"]
    if row.frame_slot:
        lines.append(f"      ({row.frame_slot})")
    for p in row.positions:
        lines.append(f"      {p.source} [{p.article} {p.start}:{p.end}]: {_clip(p.text)}")
        if p.text != p.claim_text:
            lines.append(f"          in: {_clip(p.claim_text)}")
    return lines


def render_compare_text(comparison: Comparison, hint: str = CLI_HINT) -> str:
    """Plain-text report of a comparison, conflicts ranked by confidence."""
    titles = {a.id: a.title or a.source for a in comparison.articles}
    lines = [f"{len(comparison.articles)} articles, {len(comparison.stories)} stories, "
             f"{len(comparison.entities)} entities"]
    for story in comparison.stories:
        lines.append(f"\n== story {story.id}: {story.topic}")
        for aid in story.articles:
            lines.append(f"   - {titles.get(aid, aid)} [{aid}]")
    rows = comparison_rows(comparison)
    for section, heading in HEADINGS.items():
        part = [r for r in rows if r.section == section]
        extra = {"conflicts": f", ranked by confidence, at least {comparison.min_confidence:g}",
                 "updates": ", figures an article revises itself"}.get(section, "")
        lines.append(f"\n{heading} ({len(part)}{extra})")
        for row in part:
            if section == "unique":
                p = row.positions[0]
                lines.append(f"  {row.id} {p.source} [{p.article}]: {_clip(p.text)}")
            elif section == "agreements":
                srcs = " / ".join(p.source for p in row.positions)
                lines.append(f"  {row.id} {srcs}: {_clip(row.positions[0].text if row.positions else row.topic)}")
            else:
                lines.extend(_finding_lines(row))
        if section == "conflicts" and comparison.hidden:
            lines.append(f"  … {hidden_note(comparison, hint)}")
    return "\n".join(lines) + "\n"
