"""Reading stored stories: the list (optionally only those changed since a date) and one
story with its articles, those that joined since a date marked."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from ..errors import RashomonError
from . import schema

if TYPE_CHECKING:
    from .repository import Store

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STORY_ID = re.compile(r"^S[0-9]{1,9}$")


def parse_since(value: str | None) -> str | None:
    """A `since` date as YYYY-MM-DD, or None; anything else is E160."""
    if value is None or value == "":
        return None
    try:
        if not _DATE.match(value):
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise RashomonError("E160", value=value[:40]) from None


def story_list(store: Store, *, since: str | None = None, limit: int = 100, offset: int = 0
               ) -> tuple[list[dict[str, Any]], int]:
    """Stories, largest first (with `since`: only those an article joined on or after that day,
    most recently changed first), with how many articles joined since; and how many there are."""
    st, sm = schema.stories, schema.story_members
    since = parse_since(since)
    new = func.count(sm.c.article_id)
    recent = (select(sm.c.story_id, new.label("n_new"))
              # joined_at is an ISO timestamp: every instant of the day `since` sorts at or after it.
              .where(sm.c.joined_at >= (since or "0000")).group_by(sm.c.story_id).subquery())
    cols = [st.c.id, st.c.topic, st.c.n_articles, st.c.first_day, st.c.last_day, st.c.updated_at,
            func.coalesce(recent.c.n_new, 0).label("n_new")]
    stmt = select(*cols).select_from(st.outerjoin(recent, recent.c.story_id == st.c.id))
    if since:
        stmt = stmt.where(recent.c.n_new > 0)
        order = (st.c.updated_at.desc(), st.c.n_articles.desc(), st.c.id)
    else:
        order = (st.c.n_articles.desc(), st.c.last_day.desc(), st.c.id)
    with store.read() as conn:
        total = int(conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one())
        rows = [dict(r) for r in conn.execute(stmt.order_by(*order).limit(limit).offset(offset)).mappings()]
    if not since:
        for r in rows:
            r["n_new"] = 0
    return rows, total


def story_detail(store: Store, story_id: str, *, since: str | None = None) -> dict[str, Any]:
    """One story: topic, span, and its articles in publication order, each marked `new` when it
    joined on or after `since`. An unknown story is E161, a bad date E160."""
    since = parse_since(since)
    st, sm, art = schema.stories, schema.story_members, schema.articles
    if not _STORY_ID.match(story_id or ""):
        raise RashomonError("E161", id=story_id[:40])
    with store.read() as conn:
        row = conn.execute(select(st.c.id, st.c.topic, st.c.n_articles, st.c.first_day, st.c.last_day,
                                  st.c.created_at, st.c.updated_at).where(st.c.id == story_id)).mappings().first()
        if row is None:
            raise RashomonError("E161", id=story_id)
        members = conn.execute(select(art.c.id, art.c.title, art.c.outlet, art.c.published, art.c.published_date,
                                      art.c.language, sm.c.joined_at).join(sm, sm.c.article_id == art.c.id)
                               .where(sm.c.story_id == story_id)).mappings().all()
    articles = [{"id": m["id"], "title": m["title"], "outlet": m["outlet"], "published": m["published"],
                 "language": m["language"], "joined_at": m["joined_at"],
                 "new": bool(since) and m["joined_at"] >= since}
                for m in sorted(members, key=lambda m: (m["published_date"] or "9999", m["joined_at"], m["id"]))]
    return {**dict(row), "since": since, "n_new": sum(a["new"] for a in articles), "articles": articles}
