"""A readable summary of a comparison: stories, conflicts with their positions, agreements."""

from __future__ import annotations

from typing import Any


def _clip(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render_compare_text(doc: dict[str, Any]) -> str:
    """Plain-text report of a `compare` document."""
    titles = {a["id"]: a["title"] or a["source"] for a in doc["articles"]}
    lines = [f"{len(doc['articles'])} articles, {len(doc['stories'])} stories, {len(doc['entities'])} entities"]
    for story in doc["stories"]:
        lines.append(f"\n== story {story['id']}: {story['topic']}")
        for aid in story["articles"]:
            lines.append(f"   - {titles[aid]} [{aid}]")
    lines.append(f"\nCONFLICTS ({len(doc['conflicts'])})")
    for c in doc["conflicts"]:
        lines.append(f"  {c['id']} {c['kind']}: {c['topic']} — {c['why']}")
        for p in c["positions"]:
            lines.append(f"      {p['source_name']} [{p['article']} {p['start']}:{p['end']}]: {_clip(p['text'])}")
            if p["text"] != p["claim_text"]:
                lines.append(f"          in: {_clip(p['claim_text'])}")
    lines.append(f"\nAGREEMENTS ({len(doc['agreements'])})")
    for a in doc["agreements"]:
        srcs = " / ".join(p["source_name"] for p in a["positions"])
        lines.append(f"  {a['id']} {srcs}: {_clip(a['positions'][0]['text'])}")
    lines.append(f"\nONLY ONE SIDE REPORTS ({len(doc['unique'])})")
    for u in doc["unique"]:
        lines.append(f"  {u['id']} {u['source_name']} [{u['article']}]: {_clip(u['text'])}")
    return "\n".join(lines) + "\n"
