"""The entity page: one corpus cluster with its variants, mentions, words and what others say."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from . import schema
from .queries import CONTEXT, script_of
from .repository import Store


def _context(text: str, start: int, end: int) -> dict[str, Any]:
    """The mention with some text either side, cut at word boundaries where possible."""
    a, b = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    before, after = text[a:start], text[end:b]
    if a > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1:]
    if b < len(text) and " " in after:
        after = after[:after.rindex(" ")] + "…"
    return {"before": before.replace("\n", " "), "text": text[start:end], "after": after.replace("\n", " "),
            "start": start, "end": end}


def entity_detail(store: Store, cluster_id: str) -> dict[str, Any] | None:
    """Everything about one cluster, or None when there is no such cluster."""
    cl, cm, art, men, q = schema.clusters, schema.cluster_members, schema.articles, schema.mentions, schema.quotes
    with store.read() as conn:
        row = conn.execute(select(cl).where(cl.c.id == cluster_id)).mappings().first()
        if row is None:
            return None
        cmg = schema.cluster_merges
        merges = [{"a": m.a, "b": m.b, "rule": m.rule, "score": m.score, "why": m.why} for m in conn.execute(
            select(cmg.c.a, cmg.c.b, cmg.c.rule, cmg.c.score, cmg.c.why).where(cmg.c.cluster_id == cluster_id)
            .order_by(cmg.c.seq))]
        members = {(r.article_id, r.entity_id) for r in conn.execute(
            select(cm.c.article_id, cm.c.entity_id).where(cm.c.cluster_id == cluster_id))}
        aids = sorted({a for a, _ in members})
        arts = {r.id: r for r in conn.execute(
            select(art.c.id, art.c.title, art.c.outlet, art.c.language, art.c.published, art.c.text)
            .where(art.c.id.in_(aids)))}
        mentions = [m for m in conn.execute(select(men).where(men.c.article_id.in_(aids))
                                            .order_by(men.c.article_id, men.c.start_char)).mappings()
                    if (m["article_id"], m["entity_id"]) in members]
        quotes = list(conn.execute(select(q).where(q.c.article_id.in_(aids))
                                   .order_by(q.c.article_id, q.c.content_start)).mappings())
        claims = list(conn.execute(select(schema.claims).where(schema.claims.c.article_id.in_(aids))
                                   .order_by(schema.claims.c.article_id, schema.claims.c.start_char)).mappings())
    variants: dict[str, set[str]] = {}
    for name in [*row["aliases"], *(m["text"] for m in mentions)]:
        variants.setdefault(script_of(name), set()).add(name)
    said, about, claims_about = [], [], []
    spans_by_article: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        spans_by_article.setdefault(m["article_id"], []).append((m["start_char"], m["end_char"]))

    def inside(aid: str, start: int, end: int) -> bool:
        return any(start <= s and e <= end for s, e in spans_by_article.get(aid, []))

    for qt in quotes:
        item = {"article": qt["article_id"], "quote": qt["quote_id"], "kind": qt["kind"],
                "text": qt["content_text"], "start": qt["content_start"], "end": qt["content_end"],
                "speaker": qt["speaker_name"], "cue": qt["cue_text"]}
        if qt["speaker_entity"] and (qt["article_id"], qt["speaker_entity"]) in members:
            said.append(item)
        elif inside(qt["article_id"], qt["content_start"], qt["content_end"]):
            about.append(item)
    for c in claims:
        if (c["source_entity"] is None or (c["article_id"], c["source_entity"]) not in members) and \
                inside(c["article_id"], c["start_char"], c["end_char"]):
            claims_about.append({"article": c["article_id"], "text": c["text"], "stance": c["stance"],
                                 "start": c["start_char"], "end": c["end_char"], "source": c["source_entity"]})
    by_article = []
    for aid in aids:
        a = arts.get(aid)
        if a is None:
            continue
        ms = [m for m in mentions if m["article_id"] == aid]
        by_article.append({"id": aid, "title": a.title, "outlet": a.outlet, "language": a.language,
                           "published": a.published,
                           "mentions": [_context(a.text, m["start_char"], m["end_char"]) for m in ms]})
    titles = {aid: (arts[aid].title or aid) for aid in arts}
    for item in [*said, *about, *claims_about]:
        item["title"] = titles.get(item["article"], item["article"])
    return {
        "id": row["id"], "name": row["name"], "type": row["type"], "aliases": list(row["aliases"]),
        "variants": {k: sorted(v, key=str.casefold) for k, v in sorted(variants.items())},
        "merges": merges, "n_articles": row["n_articles"], "n_mentions": row["n_mentions"],
        "articles": by_article, "said": said, "about": about, "claims_about": claims_about,
    }
