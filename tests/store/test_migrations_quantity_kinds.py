"""Migration 3: a database made before typed quantities gains nullable `kind` and `unit`
columns, and the store then keeps both, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect, select, text

from rashomon.model import Article, Quantity
from rashomon.store import Store
from rashomon.store import schema
from rashomon.store.migrations import LATEST


def _article() -> Article:
    body = "The US pledged $50m in aid; 30 people came."
    art = Article(id="typedq", text=body, source="typedq.txt", language="en")
    art.quantities = [
        Quantity(15, 19, "$50m", 5e7, None, "aid", None, relation="eq", head_lemma="aid", kind="money", unit="USD"),
        Quantity(28, 30, "30", 30.0, None, "people", None, relation="eq", head_lemma="people", kind="count"),
    ]
    art.check_spans()
    return art


def _columns(st: Store) -> set[str]:
    return {c["name"] for c in inspect(st.engine).get_columns("quantities")}


def test_migrations_quantity_kinds_upgrade_from_v2(db_url):
    first = Store(db_url)
    assert {"kind", "unit"} <= _columns(first)
    # Make it a version-2 database: the quantities table as it was before typed quantities.
    with first.engine.begin() as conn:
        for column in ("kind", "unit"):
            conn.execute(text(f"ALTER TABLE quantities DROP COLUMN {column}"))
    first.set_meta("schema_version", "2")
    first.close()

    second = Store(db_url)  # start-up runs migration 3
    assert second.version == LATEST >= 3
    assert {"kind", "unit"} <= _columns(second)
    assert second.add(_article())
    with second.read() as conn:
        rows = conn.execute(select(schema.quantities.c.text, schema.quantities.c.kind, schema.quantities.c.unit)
                            .order_by(schema.quantities.c.idx)).all()
    assert [tuple(r) for r in rows] == [("$50m", "money", "USD"), ("30", "count", None)]
    back = second.load_article("typedq")
    assert [(q.kind, q.unit) for q in back.quantities] == [("money", "USD"), ("count", None)]
    second.close()


def test_migrations_quantity_kinds_rerun_is_noop(db_url):
    Store(db_url).close()
    again = Store(db_url)
    assert again.version == LATEST and {"kind", "unit"} <= _columns(again)
    again.close()
