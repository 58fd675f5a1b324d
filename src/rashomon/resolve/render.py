"""Cluster output for the CLI: JSON-ready dicts and a plain-text table with merge explanations."""

from __future__ import annotations

from rashomon.model import Article
from rashomon.resolve.model import EntityCluster, Merge

ALIAS_WIDTH = 70  # characters of the alias column before it is clipped in the text table


def merge_dict(merge: Merge) -> dict[str, object]:
    """A merge as a JSON record."""
    return {"a": merge.a, "b": merge.b, "rule": merge.rule, "score": merge.score, "why": merge.why}


def cluster_dict(cluster: EntityCluster, why: bool = False) -> dict[str, object]:
    """A cluster as a JSON record; `merges` only when explanations are asked for."""
    out: dict[str, object] = {
        "id": cluster.id, "name": cluster.name, "type": cluster.type, "aliases": cluster.aliases,
        "articles": cluster.articles, "mentions": cluster.mentions,
        "members": [{"article": a, "entity": e} for a, e in cluster.members],
    }
    if why:
        out["merges"] = [merge_dict(m) for m in cluster.merges]
    return out


def clusters_doc(clusters: list[EntityCluster], articles: list[Article], why: bool = False) -> dict[str, object]:
    """The `rashomon entities --format json` document (without the version key)."""
    return {
        "articles": [{"id": a.id, "source": a.source, "title": a.title, "language": a.language} for a in articles],
        "entities": [cluster_dict(c, why) for c in clusters],
    }


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def clusters_text(clusters: list[EntityCluster], articles: list[Article], why: bool = False) -> str:
    """A table: id, type, articles, mentions, name, other aliases; with `why`, every merge below its cluster."""
    number = {a.id: i for i, a in enumerate(articles, start=1)}
    lines = [f"{len(clusters)} entities across {len(articles)} article(s)"]
    lines += [f"  A{number[a.id]} = {a.id}  {a.source}" for a in articles]
    rows = [("ID", "TYPE", "ART", "MENT", "NAME", "ALIASES")]
    for c in clusters:
        others = [a for a in c.aliases if a != c.name]
        rows.append((c.id, c.type, ",".join(f"A{number.get(a, '?')}" for a in c.articles), str(c.mentions),
                     c.name, _clip("; ".join(others), ALIAS_WIDTH)))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for row, cluster in zip(rows, [None, *clusters]):
        cells = [row[i].ljust(widths[i]) for i in range(5)]
        lines.append("  ".join(cells + [row[5]]).rstrip())
        for m in cluster.merges if cluster and why else []:
            lines.append(f"    + {m.rule} ({m.score:.2f}): {m.a} ~ {m.b} — {m.why}")
    return "\n".join(lines)
