"""cluster_entities: type-aware merges, person rules, context tie-break, display names, explanations."""

from __future__ import annotations

import pytest

from rashomon.resolve import EntityCluster, cluster_entities
from tests.resolve.synth import article, cluster_of, together


@pytest.mark.parametrize(
    ("a", "b", "etype", "merged"),
    [
        ("Lukashenko", "Lukashenka", "PERSON", True),
        ("Aleksandr Lukashenko", "Alyaksandr Lukashenka", "PERSON", True),
        ("Aleksandr Lukashenko", "Александр Лукашенко", "PERSON", True),
        ("Anna Kowalczyk", "Анна Ковальчик", "PERSON", True),
        ("Homel", "Homiel", "LOC", True),
        ("Homel", "Гомель", "LOC", True),
        ("Homiel region", "Homel", "LOC", True),
        ("Warsaw", "Варшава", "LOC", True),
        ("Warsaw", "Warszawa", "LOC", True),
        ("Kyiv", "Киев", "LOC", True),
        ("NATO", "НАТО", "ORG", True),
        # negatives: different people, places, acronyms
        ("Alyaksandr Lukashenka", "Alyaksandr Fyaduta", "PERSON", False),
        ("Alexander Goltz", "Alyaksandr Fyaduta", "PERSON", False),
        ("Sergei Ivanov", "Sergei Ivankov", "PERSON", False),
        ("Dmitry Zakharov", "Maria Zakharova", "PERSON", False),
        ("Viktor Sheiman", "Viktor Sheimov", "PERSON", False),
        ("Vienna", "Vilnius", "LOC", False),
        ("Minsk", "Pinsk", "LOC", False),
        ("US", "Us", "LOC", False),
        ("CIA", "FBI", "ORG", False),
    ],
)
def test_cluster_entities_pairs_across_articles(a: str, b: str, etype: str, merged: bool) -> None:
    clusters = cluster_entities([article("A", (a, etype)), article("B", (b, etype))])
    assert (len(clusters) == 1) is merged


@pytest.mark.parametrize(("type_a", "type_b"), [("PERSON", "ORG"), ("PERSON", "LOC"), ("ORG", "LOC"), ("LOC", "OTHER")])
def test_cluster_entities_never_merges_across_types(type_a: str, type_b: str) -> None:
    clusters = cluster_entities([article("A", ("Jordan", type_a)), article("B", ("Jordan", type_b))])
    assert len(clusters) == 2


def test_cluster_entities_shared_first_name_stays_apart() -> None:
    arts = [
        article("A", ("Alyaksandr Lukashenka", "PERSON", 5), ("Alyaksandr Fyaduta", "PERSON", 2)),
        article("B", ("Alexander Goltz", "PERSON"), ("Александр Лукашенко", "PERSON")),
        article("C", ("Alexander", "PERSON"), ("Alexander", "PERSON")),
    ]
    clusters = cluster_entities(arts)
    assert together(clusters, "Alyaksandr Lukashenka", "Александр Лукашенко")
    ids = {cluster_of(clusters, n).id for n in ("Alyaksandr Lukashenka", "Alyaksandr Fyaduta", "Alexander Goltz")}
    assert len(ids) == 3
    # a first name alone joins nobody
    assert all(len(c.members) == 1 for c in clusters if c.name == "Alexander")


def test_cluster_entities_complete_linkage_blocks_chains() -> None:
    # "Ivanov" fits both full names; it must not chain Sergei and Pyotr into one person.
    arts = [article("A", ("Sergei Ivanov", "PERSON")), article("B", ("Pyotr Ivanov", "PERSON")),
            article("C", ("S. Ivanov", "PERSON"))]
    clusters = cluster_entities(arts)
    assert not together(clusters, "Sergei Ivanov", "Pyotr Ivanov")
    assert together(clusters, "Sergei Ivanov", "S. Ivanov")


def test_cluster_entities_surname_joins_unique_full_name() -> None:
    arts = [article("A", ("Putin", "PERSON", 3)), article("B", ("Vladimir Putin", "PERSON")), article("C", ("Путин", "PERSON"))]
    clusters = cluster_entities(arts)
    assert len(clusters) == 1
    assert {m.rule for m in clusters[0].merges} == {"surname"}


def test_cluster_entities_surname_ambiguous_without_context_stays_apart() -> None:
    arts = [article("A", ("Nikolai Petrov", "PERSON")), article("B", ("Ivan Petrov", "PERSON")), article("C", ("Petrov", "PERSON"))]
    clusters = cluster_entities(arts)
    assert len(cluster_of(clusters, "Petrov").members) == 1


def test_cluster_entities_surname_ambiguous_context_breaks_tie() -> None:
    arts = [
        article("A", ("Nikolai Petrov", "PERSON"), ("Carnegie Center", "ORG"), ("Moscow", "LOC")),
        article("B", ("Ivan Petrov", "PERSON"), ("Dynamo Kyiv", "ORG"), ("Moscow", "LOC")),
        article("C", ("Petrov", "PERSON"), ("Carnegie Center", "ORG"), ("Moscow", "LOC")),
    ]
    clusters = cluster_entities(arts)
    assert together(clusters, "Petrov", "Nikolai Petrov")
    merge = next(m for m in cluster_of(clusters, "Petrov").merges if m.rule == "surname+context")
    assert "Carnegie Center" in merge.why


def test_cluster_entities_orphan_surnames_join_each_other() -> None:
    arts = [article("A", ("Erdogan", "PERSON")), article("B", ("Erdoğan", "PERSON")), article("C", ("Эрдоган", "PERSON"))]
    assert len(cluster_entities(arts)) == 1


@pytest.mark.parametrize(
    ("typo", "host_count", "merged"),
    [("Lukshenko", 10, True), ("Lukshenko", 2, False), ("Lukashenkov", 10, False), ("Putn", 10, False)],
)
def test_cluster_entities_typo_joins_dominant_name_in_same_article(typo: str, host_count: int, merged: bool) -> None:
    host = "Aleksandr Lukashenko" if typo.startswith("Luk") else "Vladimir Putin"
    clusters = cluster_entities([article("A", (host, "PERSON", host_count), (typo, "PERSON"))])
    assert (len(clusters) == 1) is merged


@pytest.mark.parametrize(
    ("prefer", "expected"),
    [(None, "Anna Kowalczyk"), ("latin", "Anna Kowalczyk"), ("cyrillic", "Анна Ковальчик")],
)
def test_cluster_entities_display_name_and_script(prefer: str | None, expected: str) -> None:
    arts = [article("A", ("Anna Kowalczyk", "PERSON", 3)), article("B", ("Анна Ковальчик", "PERSON", 2))]
    assert cluster_entities(arts, prefer_script=prefer)[0].name == expected


def test_cluster_entities_display_prefers_longest_most_frequent_form() -> None:
    arts = [article("A", ("Lukashenko", "PERSON", 9)), article("B", ("Alyaksandr Lukashenka", "PERSON", 2)),
            article("C", ("Aleksandr Lukashenko", "PERSON", 1))]
    (cluster,) = cluster_entities(arts)
    assert cluster.name == "Alyaksandr Lukashenka"
    assert cluster.aliases == ["Aleksandr Lukashenko", "Alyaksandr Lukashenka", "Lukashenko"]


def test_cluster_entities_records_members_articles_and_one_merge_per_join() -> None:
    arts = [article("A", ("Minsk", "LOC", 2), ("Homel", "LOC")), article("B", ("Мінск", "LOC"), ("Гомель", "LOC")),
            article("C", ("Minsk", "LOC"))]
    clusters = cluster_entities(arts)
    assert [c.id for c in clusters] == ["E1", "E2"]
    minsk = cluster_of(clusters, "Minsk")
    assert isinstance(minsk, EntityCluster)
    assert minsk.articles == ["A", "B", "C"] and minsk.members == [("A", "e1"), ("B", "e1"), ("C", "e1")]
    for c in clusters:
        assert len(c.merges) == len(c.members) - 1
        assert all(m.rule and m.why and 0 <= m.score <= 1 for m in c.merges)


def test_cluster_entities_rejects_unknown_script() -> None:
    with pytest.raises(ValueError, match="prefer_script"):
        cluster_entities([], prefer_script="greek")


def test_cluster_entities_empty_corpus() -> None:
    assert cluster_entities([]) == []
