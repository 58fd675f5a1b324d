"""The Store: open (and migrate) a database, ingest analysed articles idempotently, read them back."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from ..batch import Skipped
from ..errors import RashomonError
from ..ingest.ids import content_hash
from ..model import Article
from . import schema
from .batch import IngestReport, OnItem, add_many
from .codec import TABLES, article_from_row, article_row, layer_rows
from .engine import describe, make_engine
from .migrations import migrate, set_meta, write_transaction
from .search import search_backend


class Store:
    """One corpus database; cheap to share between threads (SQLAlchemy pools connections)."""

    def __init__(self, db: str | Path | None = None, *, engine: Engine | None = None) -> None:
        self.engine = engine or make_engine(db)
        try:
            self.version = migrate(self.engine)
        except RashomonError as err:
            if err.code == "E071":
                raise RashomonError("E070", db=describe(self.engine), detail=err.fields["detail"]) from None
            raise

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    def describe(self) -> str:
        """The database for humans, password hidden."""
        return describe(self.engine)

    def close(self) -> None:
        """Release pooled connections."""
        self.engine.dispose()

    def read(self) -> Connection:
        """A read connection (use as a context manager)."""
        return self.engine.connect()

    # ---- ingest -------------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are already stored."""
        wanted = list(dict.fromkeys(hashes))
        found: set[str] = set()
        with self.read() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i:i + 500]
                found.update(conn.execute(select(schema.articles.c.content_hash)
                                          .where(schema.articles.c.content_hash.in_(chunk))).scalars())
        return found

    def add(self, art: Article) -> bool:
        """Store one analysed article in one transaction; False when its text is already stored."""
        digest = content_hash(art.text)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            with write_transaction(self.engine) as conn:
                row = conn.execute(select(schema.articles.c.id, schema.articles.c.content_hash)
                                   .where((schema.articles.c.content_hash == digest)
                                          | (schema.articles.c.id == art.id))).first()
                if row is not None:
                    if row.content_hash != digest:
                        raise RashomonError("E073", id=art.id, source=art.source)
                    return False
                conn.execute(schema.articles.insert().values(**article_row(art, digest, now)))
                for name, rows in layer_rows(art).items():
                    if rows:
                        conn.execute(TABLES[name].insert(), rows)
                search_backend(self.dialect).index(conn, art.id, art.title, art.text)
                # The batch end places this article's entities among the clusters, then the
                # article among the stories.
                conn.execute(schema.cluster_pending.insert().values(article_id=art.id))
                conn.execute(schema.story_pending.insert().values(article_id=art.id))
            return True
        except IntegrityError:
            # Another process stored the same text between our check and insert.
            return False
        except OperationalError as exc:
            raise RashomonError("E074", db=self.describe(), detail=_first_line(exc)) from None

    def add_many(self, items: Iterable[Article | RashomonError | Skipped], *,
                 on_item: OnItem | None = None) -> IngestReport:
        """Store analysed articles one transaction each (errors and skips only reported), then
        refresh the clusters and place the new articles in stories;
        e.g. `store.add_many(analyzer.pipe(paths, exclude=store.known_hashes))`."""
        from .stories import refresh_stories, stories_stale

        report = add_many(self, items, on_item=on_item)
        if report.added or stories_stale(self):
            refresh_stories(self)
        return report

    def delete(self, article_id: str) -> bool:
        """Remove an article and its layers; True if it existed."""
        with write_transaction(self.engine) as conn:
            search_backend(self.dialect).remove(conn, article_id)
            conn.execute(schema.cluster_pending.delete().where(schema.cluster_pending.c.article_id == article_id))
            for table in (schema.story_pending, schema.story_members):
                conn.execute(table.delete().where(table.c.article_id == article_id))
            for table in TABLES.values():
                conn.execute(table.delete().where(table.c.article_id == article_id))
            gone = conn.execute(schema.articles.delete().where(schema.articles.c.id == article_id)).rowcount
            if gone:
                set_meta(conn, "clusters_fresh", "0")
                # A story's sums still hold the article: the next refresh regroups in full.
                set_meta(conn, "stories_fresh", "0")
        return bool(gone)

    # ---- reading ------------------------------------------------------------------------

    def count(self) -> int:
        """How many articles are stored."""
        with self.read() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.articles)).scalar_one())

    def article_ids(self) -> list[str]:
        """All article ids, oldest ingest first."""
        with self.read() as conn:
            return list(conn.execute(select(schema.articles.c.id)
                                     .order_by(schema.articles.c.ingested_at, schema.articles.c.id)).scalars())

    def get_doc(self, article_id: str) -> dict[str, Any] | None:
        """The stored JSON contract of one article, or None."""
        with self.read() as conn:
            doc = conn.execute(select(schema.articles.c.doc).where(schema.articles.c.id == article_id)).scalar()
        return dict(doc) if doc is not None else None

    def load_articles(self, ids: list[str] | None = None, *, full: bool = True) -> list[Article]:
        """Stored Articles (all, or these ids in this order): whole when stored with their blob.

        `full=False` rebuilds from the JSON contract only (no tokens): cheaper for corpus-wide
        passes that read entities, such as the cluster rebuild.
        """
        art_t, men_t = schema.articles, schema.mentions
        with self.read() as conn:
            cols = [art_t.c.id, art_t.c.doc] + ([art_t.c.full_article] if full else [])
            stmt = select(*cols)
            if ids is not None:
                stmt = stmt.where(art_t.c.id.in_(ids))
            rows = {r.id: (r.doc, r.full_article if full else None)
                    for r in conn.execute(stmt.order_by(art_t.c.ingested_at, art_t.c.id))}
            # Mention rows only for the articles rebuilt from `doc`.
            lossy = [i for i, (_doc, blob) in rows.items() if blob is None]
            by_article: dict[str, list[Any]] = {}
            if lossy:
                mstmt = select(men_t)
                if ids is not None or len(lossy) < len(rows):
                    mstmt = mstmt.where(men_t.c.article_id.in_(lossy))
                for m in conn.execute(mstmt).mappings():
                    by_article.setdefault(m["article_id"], []).append(m)
        order = ids if ids is not None else list(rows)
        return [article_from_row(rows[i][0], rows[i][1], by_article.get(i, [])) for i in order if i in rows]

    def load_article(self, article_id: str) -> Article | None:
        """One Article, or None."""
        found = self.load_articles([article_id])
        return found[0] if found else None

    def meta(self, key: str) -> str | None:
        """A value from the meta table."""
        with self.read() as conn:
            return conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).scalar()

    def set_meta(self, key: str, value: str) -> None:
        """Set a value in the meta table."""
        with write_transaction(self.engine) as conn:
            set_meta(conn, key, value)


def _first_line(exc: SQLAlchemyError) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
