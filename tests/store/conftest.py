"""Store fixtures: small analysed articles (one Analyzer per session) and a store per backend.

`store` is parametrised over SQLite and PostgreSQL; the PostgreSQL case skips unless
RASHOMON_TEST_PG_URL names a database (.ci/run starts one and sets it). Each PostgreSQL
test gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

PG_ENV = "RASHOMON_TEST_PG_URL"

# Small texts keep the analysis fast; two mention the same person in two scripts and spellings.
TEXTS = {
    "en_minsk.txt": (
        "Coup claims in Minsk\n\n"
        "Alexander Lukashenko said that 200 militants had planned a coup in Minsk on 17 April 2021.\n\n"
        "\"This is a fake story,\" said Anatol Lyabedzka, president of the European Dialogue Centre.\n\n"
        "According to the FSB, the plotters were backed by the United States and Poland.\n"
    ),
    "en_kyiv.txt": (
        "Kyiv reacts to the Minsk affair\n\n"
        "Officials in Kyiv said that only 33 people were detained.\n\n"
        "Andrey Parotnikau, head of the Belarus Security Blog, told reporters: \"Few people believe Lukashenka.\"\n"
    ),
    "ru_minsk.txt": (
        "Заговор в Минске\n\n"
        "Александр Лукашенко заявил, что в Минске задержаны 33 человека.\n\n"
        "По словам ФСБ, заговорщиков поддерживали США и Польша.\n"
    ),
}
META = {
    "en_minsk.txt": {"outlet": "Belsat", "published": "2021-04-20"},
    "en_kyiv.txt": {"outlet": "Kyiv Post", "published": "2021-04-22T10:00:00"},
    "ru_minsk.txt": {"outlet": "RIA", "published": "2021-04-18"},
}


@pytest.fixture(scope="session")
def text_dir(tmp_path_factory) -> Path:
    """The small texts as files."""
    root = tmp_path_factory.mktemp("texts")
    for name, text in TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def analysed(analyzer, text_dir):
    """The small texts analysed once per session, with outlet and date set, keyed by file name."""
    out = {}
    for name in TEXTS:
        art = analyzer.analyze_text(TEXTS[name], source=name, **META[name])
        out[name] = art
    return out


def _pg_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL to test against (.ci/run starts one)")
    return url


@pytest.fixture
def pg_schema_url():
    """A PostgreSQL URL whose search_path is a fresh schema, dropped after the test."""
    from sqlalchemy import create_engine, text

    from rashomon.store.engine import database_url

    base = database_url(_pg_url())
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path) -> str:
    """A fresh database of each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.sqlite")
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def store(db_url):
    """A migrated, empty Store on each backend."""
    from rashomon.store import Store

    st = Store(db_url)
    yield st
    st.close()
