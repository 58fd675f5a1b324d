"""View models for pages: highlighted article text (reusing render.highlight); comparison rows
come from render.compare_view, shared with the CLI page."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from ..model import Article
from ..render.highlight import Mark, Segment, article_marks, segments
from ..render.html import safe_json
from ..store import Store
from ..store.feeds import feed_overview
from ..store.queries import cluster_map

# Layers the article page can toggle, with legend labels and css classes.
LAYERS = (
    ("entities", "entities", [("ent-PERSON", "person"), ("ent-ORG", "organisation"), ("ent-LOC", "place"),
                              ("ent-OTHER", "other")]),
    ("quotes", "quotes", [("quote", "quote"), ("speaker", "speaker")]),
    ("claims", "claims", [("claim", "claim")]),
    ("techniques", "techniques", [("tech", "technique"), ("tech-para", "technique (paragraph)")]),
    ("numbers", "numbers & dates", [("num", "number"), ("date", "date")]),
)


@dataclass
class PlacedSegment:
    """A segment with its character offsets, so comparison rows can jump to it."""

    text: str
    marks: list[str]
    css: list[str]
    start: int
    end: int


@dataclass
class ArticleView:
    """Everything a template needs to show one highlighted article."""

    article: Article
    segments: list[PlacedSegment]
    details_json: str
    layers: list[str]
    entities: list[dict[str, Any]]


def _extra_marks(art: Article) -> list[Mark]:
    """Numbers and dates: layers the standalone report leaves out."""
    marks = [Mark(f"n{i + 1}", "numbers", q.start, q.end, "num",
                  {"layer": "number", "value": q.value, "high": q.high, "unit": q.head, "approx": q.approx})
             for i, q in enumerate(art.quantities)]
    marks += [Mark(f"d{i + 1}", "numbers", d.start, d.end, "date",
                   {"layer": "date", "iso": d.iso, "granularity": d.granularity})
              for i, d in enumerate(art.dates)]
    return marks


def _placed(segs: list[Segment]) -> list[PlacedSegment]:
    out, pos = [], 0
    for s in segs:
        out.append(PlacedSegment(s.text, s.marks, s.css, pos, pos + len(s.text)))
        pos += len(s.text)
    return out


def article_view(store: Store, art: Article, prefix: str = "") -> ArticleView:
    """Highlight segments, per-span explanations and entity links for one article."""
    with store.read() as conn:
        clusters = cluster_map(conn, [art.id])
    names = {e.id: e.name for e in art.entities}
    claim_source = {c.id: getattr(c, "source_name", None) for c in art.claims}
    marks = article_marks(art) + _extra_marks(art)
    mark_entity = {f"{e.id}.{i}": e.id for e in art.entities for i in range(len(e.mentions))}
    details: dict[str, dict[str, Any]] = {}
    for m in marks:
        info = dict(m.info)
        ent_id = mark_entity.get(m.id) if m.layer == "entities" else info.get("entity") or info.get("source")
        if m.layer == "claims":
            # A claim without a source is the author's own.
            src = info.get("source")
            info["source"] = claim_source.get(m.id) or (names.get(src, src) if src else "the author")
        if m.layer == "quotes" and info.get("entity"):
            info["entity"] = names.get(info["entity"], info["entity"])
        cl = clusters.get((art.id, ent_id)) if ent_id else None
        if cl:
            info["cluster"] = cl["id"]
            info["cluster_name"] = cl["name"]
        details[prefix + m.id] = info | {"text": art.text[m.start:m.end]}
    segs = _placed(segments(art.text, marks))
    if prefix:
        for s in segs:
            s.marks = [prefix + m for m in s.marks]
    ents = []
    for e in sorted(art.entities, key=lambda e: (-len(e.mentions), e.mentions[0].start if e.mentions else 0)):
        cl = clusters.get((art.id, e.id))
        ents.append({"name": e.name, "type": e.type, "mentions": len(e.mentions), "cluster": cl["id"] if cl else None})
    layers = sorted({m.layer for m in marks})
    return ArticleView(art, segs, safe_json(details), layers, ents)


def _when(epoch: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(epoch)) if epoch else ""


def feed_rows(store: Store) -> list[dict[str, Any]]:
    """The watched feeds (`rashomon watch`) for the overview: last fetch, last error, counts, next poll."""
    return [{"name": r["name"], "url": r["url"], "last_fetch": _when(r["last_fetch"]), "error": r["last_error"] or "",
             "failures": r["failures"], "new": r["n_new"], "duplicate": r["n_duplicate"], "failed": r["n_failed"],
             "next_poll": _when(r["next_poll"])} for r in feed_overview(store)]


STORY_COMPARE = 6  # articles of a story compared on its page (a comparison's cost grows with each)


def story_members_to_compare(articles: list[dict[str, Any]]) -> list[str]:
    """Which of a story's articles its page compares: all up to STORY_COMPARE, else the new ones
    first, then the most recently published."""
    if len(articles) <= STORY_COMPARE:
        return [a["id"] for a in articles]
    # Stable sorts: newest published first (undated last), then new articles ahead of the rest.
    ranked = sorted(sorted(articles, key=lambda a: a["id"]), key=lambda a: a["published"] or "", reverse=True)
    ranked.sort(key=lambda a: not a["new"])
    chosen = {a["id"] for a in ranked[:STORY_COMPARE]}
    return [a["id"] for a in articles if a["id"] in chosen]


def changed_rows(rows: list[Any], new_ids: set[str]) -> tuple[list[Any], list[Any]]:
    """Comparison rows split for "Changed since": conflicts and agreements with a position in a
    new article (in display order), then every other row."""
    changed = [r for r in rows if r.section in ("conflicts", "agreements")
               and any(p.article in new_ids for p in r.positions)]
    ids = {id(r) for r in changed}
    return changed, [r for r in rows if id(r) not in ids]


def story_page(st: Any, story_id: str, since: str | None) -> tuple[dict[str, Any], list[str], Any]:
    """A story with its articles (new ones marked), the ids compared, and their comparison (None
    under two articles); E160 for a bad date, E161 for an unknown story."""
    from ..store.story_queries import story_detail

    story = story_detail(st.store, story_id, since=since)
    ids = story_members_to_compare(story["articles"])
    arts = st.store.load_articles(ids) if len(ids) >= 2 else []
    return story, ids, st.compare(arts) if len(arts) >= 2 else None
