"""Acceptance on analysed articles: the two seeds, and the en/ru summit fixture pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.resolve import cluster_entities
from tests.resolve.synth import cluster_of, together

pytestmark = pytest.mark.slow
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def seed_clusters():  # noqa: ANN201
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent (a fresh clone has no ../shared)")
    from rashomon import Analyzer

    result = Analyzer().analyze_paths(sorted(SEEDS.glob("*.txt")))
    assert not result.errors and len(result.articles) == 2
    return cluster_entities(result.articles)


@pytest.fixture(scope="module")
def summit_clusters():  # noqa: ANN201
    from rashomon import Analyzer

    result = Analyzer().analyze_paths([FIXTURES / "en_summit.txt", FIXTURES / "ru_summit.txt"])
    assert not result.errors
    return cluster_entities(result.articles)


@pytest.mark.parametrize(
    "names",
    [("Lukashenko", "Lukashenka", "Aleksandr Lukashenko", "Alyaksandr Lukashenka"), ("Homel", "Homiel region"),
     ("Putin", "Vladimir Putin"), ("Fyaduta", "Alyaksandr Fyaduta"), ("Yury Zyankovich",),
     # Goltz's "Vladimir Vladimirovich is convinced …" is Putin, the one Vladimir named in full.
     ("Vladimir Vladimirovich", "Vladimir Putin")],
)
def test_resolve_seeds_one_cluster_each(seed_clusters, names: tuple[str, ...]) -> None:  # noqa: ANN001
    assert together(seed_clusters, *names)
    assert len(cluster_of(seed_clusters, names[0]).articles) >= (2 if names[0] in ("Lukashenko", "Putin") else 1)


def test_resolve_seeds_people_sharing_a_first_name_stay_apart(seed_clusters) -> None:  # noqa: ANN001
    people = ("Alyaksandr Lukashenka", "Alyaksandr Fyaduta", "Alexander Goltz", "Yury Zyankovich", "Vladimir Putin",
              "Anatol Lyabedzka")
    assert len({cluster_of(seed_clusters, p).id for p in people}) == len(people)


def test_resolve_seeds_photo_credit_names_are_not_entities(seed_clusters) -> None:  # noqa: ANN001
    # "Photos in collage: Nikolai Petrov / TASS / …/Kremlin Pool" credits a picture: the
    # Kremlin of both articles is one cluster, and no credited name is an entity.
    forms = {a for c in seed_clusters for a in c.aliases}
    assert not forms & {"Nikolai Petrov", "Kremlin Pool", "Alexei Druzhinin"}
    assert len(cluster_of(seed_clusters, "Kremlin").articles) == 2


def test_resolve_seeds_every_merge_explained_and_types_consistent(seed_clusters) -> None:  # noqa: ANN001
    for c in seed_clusters:
        assert len(c.merges) == len(c.members) - 1
        assert all(m.why and m.rule for m in c.merges)


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [("Anna Kowalczyk", "Анна Ковальчик"), ("Brest", "Брест"), ("Warsaw", "Варшава"),
     ("Viktor Sheiman", "Виктор Шейман"), ("NATO", "НАТО"), ("Kowalczyk", "Ковальчик")],
)
def test_resolve_seeds_summit_pair_cross_script(summit_clusters, latin: str, cyrillic: str) -> None:  # noqa: ANN001
    assert together(summit_clusters, latin, cyrillic)
    assert len(cluster_of(summit_clusters, latin).articles) == 2


def test_resolve_seeds_summit_pair_keeps_people_and_places_apart(summit_clusters) -> None:  # noqa: ANN001
    ids = [cluster_of(summit_clusters, n).id for n in ("Anna Kowalczyk", "Viktor Sheiman", "Brest", "Warsaw", "NATO")]
    assert len(set(ids)) == 5
