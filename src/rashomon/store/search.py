"""Full-text search behind one interface: SQLite FTS5 or PostgreSQL tsvector, plus filters."""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import column, exists, func, literal_column, select, table
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement, Select

from ..errors import RashomonError
from .schema import articles, quotes, techniques

# Private-use characters mark hits inside snippets: they cannot clash with article text
# markup, and the web layer turns them into <mark> after escaping.
HIT_START, HIT_END = "\ue000", "\ue001"
_WORD = re.compile(r"\w+", re.UNICODE)
# Distinct query words allowed: ranking and matching cost grows with each one (E085 beyond).
MAX_TERMS = 16
SNIPPET_WORDS = 32
OPENING = 240  # characters shown when there is nothing to highlight


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


def fold(word: str) -> str:
    """Case- and diacritic-folded form of a word, as the full-text index compares words."""
    word = word.casefold()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def query_words(query: str) -> list[str]:
    """The distinct words of a user query (operators and punctuation dropped, never interpreted).

    Repeated words count once; more than MAX_TERMS distinct words is E085, because matching
    and ranking cost grows with every term.
    """
    words: dict[str, str] = {}
    for word in _WORD.findall(query or ""):
        words.setdefault(fold(word), word)
    if len(words) > MAX_TERMS:
        raise RashomonError("E085", detail=f"{len(words)} distinct words", limit=MAX_TERMS)
    return list(words.values())


def make_snippet(text: str, words: list[str], size: int = SNIPPET_WORDS) -> list[tuple[str, bool]]:
    """About `size` words around the first query word in the text, hits marked; one linear pass.

    Done here rather than by FTS5 snippet(), whose cost grows with terms times matches
    (125 words took 60 s), and only for the page of hits shown.
    """
    terms = {fold(w) for w in words}
    before: deque[tuple[int, int]] = deque(maxlen=size // 2)
    window: list[tuple[int, int, bool]] = []
    for m in _WORD.finditer(text):
        hit = fold(m.group()) in terms
        if window:
            window.append((m.start(), m.end(), hit))
            if len(window) >= size:
                break
        elif hit:
            window = [(s, e, False) for s, e in before] + [(m.start(), m.end(), True)]
        else:
            before.append((m.start(), m.end()))
    if not window:
        return _opening(text)
    start, end = window[0][0], window[-1][1]
    parts: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    pos = start
    for s, e, hit in window:
        if hit:
            if s > pos:
                parts.append((text[pos:s], False))
            parts.append((text[s:e], True))
            pos = e
    if end > pos:
        parts.append((text[pos:end], False))
    if end < len(text):
        parts.append(("…", False))
    return parts


class SearchBackend(Protocol):
    """What every full-text backend provides."""

    def setup(self, conn: Connection) -> None:
        """Create the index structures (idempotent)."""

    def index(self, conn: Connection, article_id: str, title: str | None, text: str) -> None:
        """Add one article to the index."""

    def remove(self, conn: Connection, article_id: str) -> None:
        """Drop one article from the index."""

    def match(self, words: list[str]) -> tuple[ColumnElement[bool], ColumnElement[Any], Any]:
        """(where clause, rank to sort ascending, FROM) for the words."""


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
        return where, rank, self.fts.join(articles, articles.c.id == self.fts.c.article_id)


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
        return where, rank, articles


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
        where, rank, frm = backend.match(words)
        stmt = select(*_BASE_COLUMNS, rank.label("rank")).select_from(frm).where(where)
        order = [literal_column("rank"), articles.c.id]
    else:
        # Filters only: newest first, the article opening as snippet.
        stmt = select(*_BASE_COLUMNS, literal_column("0.0").label("rank"))
        order = [articles.c.published_date.desc().nulls_last(), articles.c.id]
    for clause in filters.clauses():
        stmt = stmt.where(clause)
    total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
    rows = conn.execute(stmt.order_by(*order).limit(limit).offset(offset)).all()
    snippets = _snippets(conn, [r.id for r in rows], words)
    hits = [Hit(r.id, r.title, r.outlet, r.language, r.published, snippets.get(r.id, []), float(r.rank or 0))
            for r in rows]
    return hits, int(total)


def _opening(text: str) -> list[tuple[str, bool]]:
    return [(text[:OPENING] + ("…" if len(text) > OPENING else ""), False)] if text else []


def _snippets(conn: Connection, ids: list[str], words: list[str]) -> dict[str, list[tuple[str, bool]]]:
    """Snippets for one page of hits only: the article opening, or text around the first hit."""
    if not ids:
        return {}
    if not words:
        opening = func.substr(articles.c.text, 1, OPENING + 1)
        rows = conn.execute(select(articles.c.id, opening).where(articles.c.id.in_(ids)))
        return {aid: _opening(t) for aid, t in rows}
    rows = conn.execute(select(articles.c.id, articles.c.text).where(articles.c.id.in_(ids)))
    return {aid: make_snippet(text, words) for aid, text in rows}
