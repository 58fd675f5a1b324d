"""Migration 4: a database made before the lossless store gains a nullable `full_article` column;
old rows keep loading (lossily), new rows load whole, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect, text

from rashomon.model import Article, Quantity, Token
from rashomon.store import Store
from rashomon.store.migrations import LATEST


def _article(aid: str, body: str) -> Article:
    art = Article(id=aid, text=body, source=f"{aid}.txt", language="en")
    art.tokens = [Token(0, 3, body[:3], body[:3].lower(), "DET", "det", 0, 0)]
    art.quantities = [Quantity(4, 6, body[4:6], 30.0, None, "people", None, relation="eq",
                               head_lemma="people", sentence=0, kind="count")]
    art.check_spans()
    return art


def _columns(st: Store) -> set[str]:
    return {c["name"] for c in inspect(st.engine).get_columns("articles")}


def test_migrations_full_article_upgrade_from_v3(db_url):
    first = Store(db_url)
    assert "full_article" in _columns(first)
    old = _article("oldrow01", "The 30 people came.")
    assert first.add(old)
    # Make it a version-3 database: the article row as it was stored before, without the blob.
    with first.engine.begin() as conn:
        conn.execute(text("ALTER TABLE articles DROP COLUMN full_article"))
    first.engine.dispose()
    first.set_meta("schema_version", "3")
    first.close()

    second = Store(db_url)  # start-up runs migration 4
    assert second.version == LATEST >= 4 and "full_article" in _columns(second)
    new = _article("newrow01", "The 40 people went.")
    assert second.add(new)
    assert second.load_article("newrow01") == new
    lossy = second.load_article("oldrow01")
    assert lossy != old and lossy.tokens == [] and lossy.text == old.text
    assert [q.text for q in lossy.quantities] == ["30"] and lossy.quantities[0].head_lemma is None
    assert [a.id for a in second.load_articles(["newrow01", "oldrow01"])] == ["newrow01", "oldrow01"]
    second.close()


def test_migrations_full_article_rerun_is_noop(db_url):
    Store(db_url).close()
    again = Store(db_url)
    assert again.version == LATEST and "full_article" in _columns(again)
    again.close()
