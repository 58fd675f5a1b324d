"""Incremental clusters: ingesting A then B places B's entities among A's clusters with no full
reload, and gives the clusters (as sets of members) a full rebuild on A∪B gives; ids stay put."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from rashomon.model import Article, Entity, Mention
from rashomon.store import rebuild_clusters, refresh_clusters, schema
from rashomon.store.clusters import clusters_stale
from tests.conftest import DATA, FIXTURES, SEEDS, need


def _article(aid: str, names: list[tuple[str, str]]) -> Article:
    """An article whose text is its entity names, one sentence each, with exact mention spans."""
    text, entities = "", []
    for i, (name, etype) in enumerate(names):
        start = len(text)
        text += f"{name} was there. "
        mention = Mention(start, start + len(name), name, etype, name)
        entities.append(Entity(f"e{i}", name, etype, [], [mention]))
    return Article(id=aid, text=text.strip(), source=f"{aid}.txt", language="en", entities=entities)


# (batch A, batch B): B holds names that join A's clusters across spellings and scripts, a
# surname that fits one full name, a new person, and a first name alone (never joined).
HAND = (
    [_article("a1", [("Alexander Lukashenko", "PERSON"), ("Minsk", "LOC"), ("European Union", "ORG")]),
     _article("a2", [("Lukashenka", "PERSON"), ("Poland", "LOC"), ("Anatol Lyabedzka", "PERSON")]),
     _article("a3", [("Vladimir Putin", "PERSON"), ("Moscow", "LOC")])],
    [_article("b1", [("Александр Лукашенко", "PERSON"), ("Минск", "LOC"), ("Lyabedzka", "PERSON")]),
     _article("b2", [("Putin", "PERSON"), ("Maria Kolesnikova", "PERSON"), ("Sergei", "PERSON")]),
     _article("b3", [("European Union", "ORG"), ("Kolesnikova", "PERSON"), ("Warsaw", "LOC")])],
)


def _groups(store) -> dict[str, frozenset[tuple[str, str]]]:
    with store.read() as conn:
        rows = conn.execute(select(schema.cluster_members)).all()
    out: dict[str, set[tuple[str, str]]] = {}
    for r in rows:
        out.setdefault(r.cluster_id, set()).add((r.article_id, r.entity_id))
    return {k: frozenset(v) for k, v in out.items()}


def _pending(store) -> int:
    with store.read() as conn:
        return len(conn.execute(select(schema.cluster_pending)).all())


def _incremental_vs_full(store, batches: list[list[Article]]) -> tuple[set, set]:
    """Member sets after ingesting the batches one by one, and after a full rebuild."""
    before: dict[str, frozenset] = {}
    for batch in batches:
        report = store.add_many(batch)
        assert report.clusters is not None and _pending(store) == 0
        after = _groups(store)
        # Existing clusters keep their id and every member they had.
        assert all(cid in after and members <= after[cid] for cid, members in before.items())
        before = after
    incremental = set(before.values())
    rebuild_clusters(store)
    return incremental, set(_groups(store).values())


def test_clusters_incremental_matches_rebuild(store):
    incremental, full = _incremental_vs_full(store, [HAND[0], HAND[1]])
    assert incremental == full
    by_name = {}
    with store.read() as conn:
        for r in conn.execute(select(schema.entities.c.article_id, schema.entities.c.entity_id, schema.entities.c.name)):
            by_name[(r.article_id, r.entity_id)] = r.name
    named = [{by_name[m] for m in members} for members in full]
    assert {"Alexander Lukashenko", "Lukashenka", "Александр Лукашенко"} in named
    assert {"Sergei"} in named  # a first name alone joins nothing


@pytest.mark.parametrize(
    ("action", "stale", "fresh"),
    [
        ("add", True, "1"),  # an ingested article waits in cluster_pending; the clusters stay fresh
        ("delete", True, "0"),  # a deletion asks for a full rebuild
        ("nothing", False, "1"),
    ],
)
def test_clusters_incremental_staleness(store, action, stale, fresh):
    store.add_many(HAND[0])
    assert not clusters_stale(store)
    if action == "add":
        assert store.add(HAND[1][0])
    elif action == "delete":
        assert store.delete("a2")
    assert clusters_stale(store) is stale
    assert store.meta("clusters_fresh") == fresh
    refresh_clusters(store)
    assert not clusters_stale(store)


def test_clusters_incremental_new_ids_follow_existing(store):
    store.add_many(HAND[0])
    first = _groups(store)
    store.add_many(HAND[1])
    numbers = sorted(int(c[1:]) for c in _groups(store))
    assert numbers == list(range(1, len(numbers) + 1))  # no gaps: no cluster folded away here
    assert max(int(c[1:]) for c in first) < max(numbers)


def _analysed(analyzer, paths: list[Path]) -> list[Article]:
    out = [a for a in analyzer.pipe([str(p) for p in paths]) if isinstance(a, Article)]
    assert len(out) == len(paths)
    return out


@pytest.mark.slow
def test_clusters_incremental_seeds_and_fixtures(store, analyzer, analysed):
    paths = sorted(need(SEEDS).glob("*.txt")) + sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))
    arts = list(analysed.values()) + _analysed(analyzer, paths)
    incremental, full = _incremental_vs_full(store, [arts[:3], arts[3:5], arts[5:]])
    assert incremental == full


@pytest.mark.slow
def test_clusters_incremental_real_articles(tmp_path):
    """Three dozen real articles (English and Russian) in three batches."""
    from rashomon import Analyzer
    from rashomon.store import Store

    en = sorted(need(DATA / "ptc2020" / "train-articles").glob("*.txt"))[:24]
    ru = sorted(need(DATA / "semeval2023" / "ru" / "train-articles-subtask-3").glob("*.txt"))[:12]
    entities_only = Analyzer(components=["segment", "langid", "parse", "entities"])
    arts = _analysed(entities_only, en[:12] + ru[:6] + en[12:] + ru[6:])
    store = Store(tmp_path / "real.sqlite")
    incremental, full = _incremental_vs_full(store, [arts[:12], arts[12:24], arts[24:]])
    assert incremental == full


@pytest.mark.parametrize("tamper", [True, False])
def test_clusters_incremental_cli_rebuild(tmp_path, tamper):
    from typer.testing import CliRunner

    from rashomon.cli import app
    from rashomon.store import Store

    db = tmp_path / "c.sqlite"
    store = Store(db)
    store.add_many(HAND[0] + HAND[1])
    expected = set(_groups(store).values())
    if tamper:  # clusters lost or wrong: the maintenance command recomputes them from the articles
        with store.engine.begin() as conn:
            conn.execute(schema.cluster_members.delete().where(schema.cluster_members.c.article_id == "b1"))
    result = CliRunner().invoke(app, ["store", "rebuild-clusters", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "entity clusters rebuilt from 6 article(s)" in result.output
    assert set(_groups(store).values()) == expected
    store.close()
