"""Full-text search behind one interface: SQLite FTS5 or PostgreSQL tsvector, plus filters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import column, exists, func, literal_column, select, table
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement, Select

from .schema import articles, quotes, techniques

# Private-use characters mark hits inside snippets: they cannot clash with article text
# markup, and the web layer turns them into <mark> after escaping.
HIT_START, HIT_END = "\ue000", "\ue001"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Filters:
    """Search filters; None means no restriction."""

    outlet: str | None = None
    language: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    technique: str | None = None
    speaker: str | None = None  # substring of a quote's speaker name

    def clauses(self) -> list[ColumnElement[bool]]:
        """SQL conditions on the articles table."""
        out: list[ColumnElement[bool]] = []
        if self.outlet:
            out.append(articles.c.outlet == self.outlet)
        if self.language:
            out.append(articles.c.language == self.language)
        if self.date_from:
            out.append(articles.c.published_date >= self.date_from)
        if self.date_to:
            out.append(articles.c.published_date <= self.date_to)
        if self.technique:
            out.append(exists().where(techniques.c.article_id == articles.c.id, techniques.c.label == self.technique))
        if self.speaker:
            out.append(exists().where(quotes.c.article_id == articles.c.id,
                                      quotes.c.speaker_name.icontains(self.speaker, autoescape=True)))
        return out


@dataclass
class Hit:
    """One matching article with a snippet split into (text, is_hit) parts."""

    article_id: str
    title: str | None
    outlet: str | None
    language: str
    published: str | None
    snippet: list[tuple[str, bool]] = field(default_factory=list)
    rank: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """JSON form for the API."""
        return {"id": self.article_id, "title": self.title, "outlet": self.outlet, "language": self.language,
                "published": self.published, "rank": self.rank,
                "snippet": [{"text": t, "hit": h} for t, h in self.snippet]}


def split_snippet(raw: str) -> list[tuple[str, bool]]:
    """Cut a marked snippet into plain and hit parts."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(re.split(f"[{HIT_START}{HIT_END}]", raw or "")):
        if chunk:
            parts.append((chunk, i % 2 == 1))
    return parts


def query_words(query: str) -> list[str]:
    """The words of a user query; operators and punctuation are dropped, never interpreted."""
    return _WORD.findall(query or "")


class SearchBackend(Protocol):
    """What every full-text backend provides."""

    def setup(self, conn: Connection) -> None:
        """Create the index structures (idempotent)."""

    def index(self, conn: Connection, article_id: str, title: str | None, text: str) -> None:
        """Add one article to the index."""

    def remove(self, conn: Connection, article_id: str) -> None:
        """Drop one article from the index."""

    def match(self, words: list[str]) -> tuple[ColumnElement[bool], ColumnElement[Any], ColumnElement[Any], Any]:
        """(where clause, rank to sort ascending, snippet expression, extra FROM) for the words."""


_BASE_COLUMNS = (articles.c.id, articles.c.title, articles.c.outlet, articles.c.language, articles.c.published)


class SqliteFts:
    """SQLite FTS5 (unicode61 tokenizer, diacritics folded) with bm25 ranking."""

    fts = table("articles_fts", column("article_id"), column("title"), column("text"))

    def setup(self, conn: Connection) -> None:
        """Create the FTS5 table."""
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
            "article_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')"
        )

    def index(self, conn: Connection, article_id: str, title: str | None, text: str) -> None:
        """Add one article."""
        conn.execute(self.fts.insert().values(article_id=article_id, title=title or "", text=text))

    def remove(self, conn: Connection, article_id: str) -> None:
        """Drop one article."""
        conn.execute(self.fts.delete().where(self.fts.c.article_id == article_id))

    def match(self, words: list[str]):  # noqa: ANN201 - see SearchBackend
        """FTS5 MATCH on quoted words (AND), so user input is never FTS syntax."""
        expr = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        ref = literal_column("articles_fts")
        where = ref.op("MATCH")(expr)
        rank = func.bm25(ref)
        snip = func.snippet(ref, 2, HIT_START, HIT_END, "…", 32)
        return where, rank, snip, self.fts.join(articles, articles.c.id == self.fts.c.article_id)


class PostgresFts:
    """PostgreSQL tsvector (a generated column, 'simple' config for mixed-language text), GIN-indexed."""

    def setup(self, conn: Connection) -> None:
        """Add the generated tsvector column and its GIN index."""
        conn.exec_driver_sql(
            "ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED"
        )
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_articles_tsv ON articles USING gin (tsv)")

    def index(self, conn: Connection, article_id: str, title: str | None, text: str) -> None:
        """Nothing to do: the column is generated."""

    def remove(self, conn: Connection, article_id: str) -> None:
        """Nothing to do: the column goes with the row."""

    def match(self, words: list[str]):  # noqa: ANN201 - see SearchBackend
        """tsvector @@ plainto_tsquery of the words (AND)."""
        query = func.plainto_tsquery(literal_column("'simple'"), " ".join(words))
        tsv = literal_column("articles.tsv")
        where = tsv.op("@@")(query)
        rank = -func.ts_rank(tsv, query)
        opts = f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=40, MinWords=15, MaxFragments=2"
        snip = func.ts_headline(literal_column("'simple'"), articles.c.text, query, opts)
        return where, rank, snip, articles


def search_backend(dialect: str) -> SearchBackend:
    """The backend for a SQLAlchemy dialect name."""
    return PostgresFts() if dialect == "postgresql" else SqliteFts()


def search(conn: Connection, query: str, filters: Filters | None = None, *, limit: int = 50,
           offset: int = 0) -> tuple[list[Hit], int]:
    """Articles matching the query words and filters, best first; (page of hits, total)."""
    filters = filters or Filters()
    words = query_words(query)
    backend = search_backend(conn.dialect.name)
    stmt: Select
    if words:
        where, rank, snip, frm = backend.match(words)
        stmt = select(*_BASE_COLUMNS, snip.label("snip"), rank.label("rank")).select_from(frm).where(where)
        order = [literal_column("rank"), articles.c.id]
    else:
        # Filters only: newest first, the article opening as snippet.
        stmt = select(*_BASE_COLUMNS, func.substr(articles.c.text, 1, 240).label("snip"),
                      literal_column("0.0").label("rank"))
        order = [articles.c.published_date.desc().nulls_last(), articles.c.id]
    for clause in filters.clauses():
        stmt = stmt.where(clause)
    total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
    rows = conn.execute(stmt.order_by(*order).limit(limit).offset(offset)).all()
    hits = [Hit(r.id, r.title, r.outlet, r.language, r.published, split_snippet(r.snip), float(r.rank or 0))
            for r in rows]
    return hits, int(total)
