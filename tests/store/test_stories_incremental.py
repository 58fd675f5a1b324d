"""Story updates: a second ingest batch places its articles among the first batch's stories (or
starts new ones) reading only the new articles, and `rebuild_stories` equals compare's
`group_stories` on the same articles. Hand-built articles (title, paragraphs, entities), so no
parser runs; the multilingual encoder does."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pytest
from sqlalchemy import select

from rashomon.compare.embed import Embedder
from rashomon.compare.stories import StoryGroup, StoryOptions, group_stories, opening
from rashomon.model import Article, Entity, Mention, Paragraph
from rashomon.store import Store, schema
from tests.store.test_clusters_bounded_rows import _story_counts
from rashomon.store.stories import (_clusters_of, _groups, rebuild_stories, refresh_stories, stories_stale,
                                    update_stories)


def _article(aid: str, day: str | None, title: str, paragraphs: list[str], names: list[tuple[str, str]]) -> Article:
    """An article with paragraphs, a date and entities whose mentions are exact spans of its text."""
    text = "\n\n".join(paragraphs)
    paras, pos = [], 0
    for p in paragraphs:
        paras.append(Paragraph(pos, pos + len(p), p, "en"))
        pos += len(p) + 2
    entities = []
    for i, (name, etype) in enumerate(names):
        start = text.index(name)
        entities.append(Entity(f"e{i}", name, etype, [], [Mention(start, start + len(name), name, etype, name)]))
    return Article(id=aid, text=text, source=f"{aid}.txt", title=title, published=day, language="en",
                   paragraphs=paras, entities=entities)


MINSK = [("Alexander Lukashenko", "PERSON"), ("Minsk", "LOC")]
FIRST = [
    _article("a1", "2021-04-20", "Lukashenko says coup plot in Minsk was foiled",
             ["Alexander Lukashenko said a coup plot in Minsk had been foiled by the security services.",
              "The plotters planned to seize power on 9 May, he said."], MINSK),
    _article("a2", "2021-04-21", "Belarus: Lukashenko claims foiled coup in Minsk",
             ["Alexander Lukashenko claimed on Wednesday that a coup in Minsk had been foiled.",
              "Opposition figures called the coup story a fabrication."], MINSK),
    _article("a3", "2021-04-19", "Volcano erupts on the Reykjanes peninsula",
             ["A volcano erupted near Reykjavik on Monday, the Icelandic Meteorological Office said.",
              "Lava flowed into an empty valley and flights were not affected."],
             [("Reykjavik", "LOC"), ("Icelandic Meteorological Office", "ORG")]),
]
SECOND = [
    _article("b1", "2021-04-22", "Minsk coup plot: Lukashenko says plotters detained",
             ["Alexander Lukashenko said the plotters behind the foiled coup in Minsk had been detained.",
              "He said the coup had been planned abroad."], MINSK),
    _article("b2", "2021-04-22", "Floods hit Dhaka after heavy monsoon rain",
             ["Heavy monsoon rain flooded streets in Dhaka on Thursday, officials in Bangladesh said.",
              "Thousands of families were moved to shelters."], [("Dhaka", "LOC"), ("Bangladesh", "LOC")]),
    # Same topic, outside the seven-day window of the Minsk story: a story of its own.
    _article("b3", "2021-06-01", "Lukashenko says new coup plot in Minsk was foiled",
             ["Alexander Lukashenko said another coup plot in Minsk had been foiled.",
              "He gave no details."], MINSK),
]


def _partition(store: Store) -> set[frozenset[str]]:
    with store.read() as conn:
        rows = conn.execute(select(schema.story_members.c.story_id, schema.story_members.c.article_id)).all()
    out: dict[str, set[str]] = defaultdict(set)
    for sid, aid in rows:
        out[sid].add(aid)
    return {frozenset(v) for v in out.values()}


def _story_of(store: Store) -> dict[str, str]:
    with store.read() as conn:
        sm = schema.story_members
        return {a: s for a, s in conn.execute(select(sm.c.article_id, sm.c.story_id))}


@pytest.fixture
def spy(monkeypatch):
    """Every id list Store.load_articles is asked for (None: the whole corpus)."""
    calls: list[list[str] | None] = []
    real = Store.load_articles

    def load(self, ids=None, *, full=True):
        calls.append(None if ids is None else list(ids))
        return real(self, ids, full=full)

    monkeypatch.setattr(Store, "load_articles", load)
    return calls


def test_stories_incremental_second_batch(store, spy):
    store.add_many(FIRST)
    first = _story_of(store)
    assert first["a1"] == first["a2"] != first["a3"]
    spy.clear()
    store.add_many(SECOND)
    # Only the new articles were read: no stored article, no whole-corpus load.
    assert spy and all(ids is not None and set(ids) <= {"b1", "b2", "b3"} for ids in spy)
    after = _story_of(store)
    assert {a: after[a] for a in first} == first  # stored members stay where they were
    assert after["b1"] == first["a1"]  # same event: joins the first batch's story
    assert after["b2"] not in set(first.values())  # a new topic starts a new story
    assert after["b3"] not in set(after[a] for a in after if a != "b3")  # outside the window
    assert not stories_stale(store)
    with store.read() as conn:
        row = conn.execute(select(schema.stories).where(schema.stories.c.id == first["a1"])).mappings().one()
    assert (row["n_articles"], row["first_day"], row["last_day"]) == (3, "2021-04-20", "2021-04-22")
    # The stored running sum is the sum of the members' opening vectors.
    embed = Embedder()
    members = [a for a in FIRST + SECOND if after[a.id] == first["a1"]]
    want = embed([opening(a, 1500) for a in members]).astype(np.float64).sum(axis=0)
    assert np.allclose(np.frombuffer(row["vec"], dtype=np.float64), want, atol=1e-5)
    assert "Alexander Lukashenko" in row["topic"]


def _group_stories_partition(articles: list[Article], store: Store) -> set[frozenset[str]]:
    """compare's grouping of these articles under the store's entity clusters."""
    clusters_of: dict[str, set[str]] = defaultdict(set)
    names = {}
    with store.read() as conn:
        for c in conn.execute(select(schema.clusters.c.id, schema.clusters.c.name, schema.clusters.c.type)):
            names[c.id] = c.name
        kinds = {c.id: c.type for c in conn.execute(select(schema.clusters.c.id, schema.clusters.c.type))}
        for m in conn.execute(select(schema.cluster_members)):
            if kinds[m.cluster_id] in ("PERSON", "ORG", "LOC"):
                clusters_of[m.article_id].add(m.cluster_id)
    return {frozenset(s.articles) for s in group_stories(articles, clusters_of, names, Embedder())}


def test_stories_rebuild_equals_group_stories(store, spy):
    store.add_many(FIRST)
    store.add_many(SECOND)
    spy.clear()
    n = rebuild_stories(store)
    # The maintenance command reads the corpus once, in chunks (each trimmed to its lead).
    assert [i for ids in spy for i in ids] == store.article_ids()
    full = _partition(store)
    assert n == len(full)
    assert full == _group_stories_partition(FIRST + SECOND, store)
    assert frozenset({"a1", "a2", "b1"}) in full


def test_stories_delete_regroups(store):
    store.add_many(FIRST + SECOND)
    assert store.delete("a2")
    assert store.meta("stories_fresh") == "0" and stories_stale(store)
    assert refresh_stories(store) == len(_partition(store))
    assert "a2" not in _story_of(store) and _story_of(store)["a1"] == _story_of(store)["b1"]
    assert not stories_stale(store)


def test_stories_reingest_changes_nothing(store, spy):
    store.add_many(FIRST)
    before = _story_of(store)
    spy.clear()
    report = store.add_many(FIRST)
    assert report.added == [] and _story_of(store) == before and spy == []


def _rounded(value):
    """Nested sums with floats rounded (sums added in another order differ in the last bits)."""
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return round(value, 9) if isinstance(value, float) else value


def test_stories_incremental_sums_are_exact(store):
    """A stored story read back scores like the same members grouped in memory: every running
    sum StoryGroup keeps survives the store."""
    store.add_many(FIRST)
    store.add_many(SECOND)
    sid = _story_of(store)["a1"]
    opts, embed = StoryOptions(), Embedder()
    by_id = {a.id: a for a in FIRST + SECOND}
    with store.read() as conn:
        stored = _groups(conn, [sid])[0][sid]
        clusters = _clusters_of(conn, list(by_id))
    members = [by_id[m] for m in stored.members]
    built = [StoryGroup.of_article(a.id, a, embed([opening(a, opts.lead_chars)])[0], clusters[a.id], opts)
             for a in members]
    for g in built[1:]:
        built[0].absorb(g)
    for slot in StoryGroup.__slots__:
        if slot == "vec":
            # The encoder's float32 output differs by ~1e-7 between batched and single texts.
            assert np.allclose(getattr(stored, slot), built[0].vec, atol=1e-5)
        elif slot != "members":
            assert _rounded(getattr(stored, slot)) == _rounded(getattr(built[0], slot)), slot
    other = StoryGroup.of_article("b2", by_id["b2"], embed([opening(by_id["b2"], opts.lead_chars)])[0],
                                  clusters["b2"], opts)
    assert stored.link(other, opts) == pytest.approx(built[0].link(other, opts), abs=1e-4)


def test_stories_incremental_bridge_merges(store, tmp_path):
    """X and Z are stored as two stories; Y fits both, joins one, and the two then link on
    average: they merge, as group_stories would group the three."""
    arts = {a.id: a for a in FIRST[:2] + SECOND[:1]}
    scratch = Store(tmp_path / "scratch.sqlite")
    scratch.add_many(list(arts.values()))
    with scratch.read() as conn:
        clusters = _clusters_of(conn, list(arts))
    scratch.close()
    opts, embed = StoryOptions(), Embedder()
    group = {i: StoryGroup.of_article(i, a, embed([opening(a, opts.lead_chars)])[0], clusters[i], opts)
             for i, a in arts.items()}
    score = {frozenset((i, j)): group[i].link(group[j], opts) for i in arts for j in arts if i < j}
    low = min(score, key=score.get)
    x, z = sorted(low)
    (y,) = set(arts) - low
    s_min = min(score[frozenset((x, y))], score[frozenset((y, z))])
    assert score[low] < s_min  # the scenario exists: X-Z is the weakest pair
    # A threshold between: X and Z stay apart alone, Y joins either, {X, Y} then links to Z. When
    # Y's weaker link is the one to Z, {X, Y}'s average link to Z is exactly the midpoint: a hair
    # below it (stored vectors are float32), so rounding cannot decide the merge.
    bridged = StoryOptions(threshold=(score[low] + s_min) / 2 - 1e-4)
    store.add_many([arts[x], arts[z]])  # the first batch is a full grouping, with defaults...
    rebuild_stories(store, options=bridged)  # ...regrouped under the test threshold
    assert _story_of(store)[x] != _story_of(store)[z]
    store.add(arts[y])
    update_stories(store, options=bridged)
    story = _story_of(store)
    assert story[x] == story[y] == story[z]
    with store.read() as conn:
        assert conn.execute(select(schema.stories.c.n_articles)).scalars().all() == [3]
    # The merged story's cluster counts are its three members' (rashomon.store.story_clusters).
    assert _story_counts(store) == _story_counts(store, fill=True)
    assert {(c, k, m) for _, c, k, m in _story_counts(store)} == {(c, 2, 3) for c in clusters[x]}
