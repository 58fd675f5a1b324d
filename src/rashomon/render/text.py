"""A readable plain-text summary of one analysed article."""

from __future__ import annotations

from collections import Counter

from ..model import Article


def _clip(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render_text(art: Article, top: int = 15) -> str:
    """Title, metadata, layer counts, main entities, quotes and techniques."""
    lines = [f"== {art.title or art.source}", f"   id {art.id} · {art.language} · {art.source}"]
    if art.outlet or art.published:
        lines.append(f"   {art.outlet or ''} {art.published or ''}".rstrip())
    lines.append(
        f"   {len(art.paragraphs)} paragraphs, {len(art.sentences)} sentences, "
        f"{len(art.entities)} entities, {len(art.quotes)} quotes, {len(art.claims)} claims, "
        f"{len(art.techniques)} techniques"
    )
    if art.entities:
        lines.append("   entities (by mentions):")
        for ent in sorted(art.entities, key=lambda e: (-len(e.mentions), e.mentions[0].start))[:top]:
            alias = f"  [{', '.join(ent.aliases[:4])}]" if ent.aliases else ""
            lines.append(f"     {len(ent.mentions):>3}× {ent.type:<6} {ent.name}{alias}")
    if art.quotes:
        lines.append("   quotes:")
        for q in art.quotes:
            who = q.speaker_name or "?"
            lines.append(f"     {q.kind:<8} {who}: {_clip(q.content.text)}")
    if art.quantities:
        figures = ", ".join(f"{q.approx + ' ' if q.approx and q.approx != 'vague' else ''}{q.text} {q.head or ''}".strip()
                            for q in art.quantities[:12])
        lines.append(f"   figures: {figures}")
    flagged = [c for c in art.claims if c.stance in ("disputed", "hedged")]
    if flagged:
        lines.append("   disputed / hedged claims:")
        for c in flagged[:10]:
            lines.append(f"     {c.stance:<9} {c.source_name or 'author'}: {_clip(c.text, 80)}")
    if art.techniques:
        counts = Counter(t.label for t in art.techniques)
        lines.append("   techniques: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    return "\n".join(lines) + "\n"
