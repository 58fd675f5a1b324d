"""Name blocks: grouping compares only names sharing a block, with the all-pairs result."""

from __future__ import annotations

import random
import time

import pytest

from rashomon.entities import blocking
from rashomon.entities.blocking import NameIndex
from rashomon.entities.grouping import group_mentions, variant_same
from rashomon.model import Mention

FIRST = "Vladimir Alexander Alyaksandr Olga Anna Petr Pyotr Владимир Александр Ольга Sergei Сергей Maria John Ivan Иван".split()
SURNAMES = (
    "Putin Путин Lukashenko Lukashenka Лукашенко Лукашэнка Ivanov Ivanova Иванов Иванова Ivankov Иванков Petrov "
    "Petrova Петров Zelensky Zelenskyy Зеленский Зеленская Navalny Навальный Tikhanovskaya Tsikhanouskaya "
    "Тихановская Shevchenko Шевченко Belov Bilov Белов Rommel Роммель Schmidt Шмидт Kiev Kyiv Киев Belorusov "
    "Bilorusov Belarusav Kovalenko Kavalenka Коваленко Martinovich Martynovich Мартинович Bogdanovich Bahdanovich "
    "Group Groep Kolesnikova Kalesnikava Колесникова"
).split()
NAMES = SURNAMES + FIRST + [f"{f} {s}" for f in FIRST for s in SURNAMES[::3]] + [
    "Иван Петрович Сидоров", "Иванов Иван Петрович", "I. Ivanov", "A.G. Lukashenko", "Ю. Тихановская",
]


def _all_pairs(a: str, b: str) -> bool:
    """variant_same under another name: group_mentions then compares every pair (the reference)."""
    return variant_same(a, b)


def _entities(mentions):
    return [(e.id, e.name, e.type, e.aliases, [(m.start, m.type) for m in e.mentions]) for e in mentions]


def test_blocking_candidates_superset_of_matches(monkeypatch):
    monkeypatch.setattr(blocking, "CROSS_SCRIPT_PAIRS", 10**9)  # the exact regime of ordinary articles
    index = NameIndex(NAMES)
    for i, name in enumerate(NAMES):
        index.add(name, i)
    matches = 0
    for a in NAMES:
        found = index.candidates(a)
        for j, b in enumerate(NAMES):
            if variant_same(b, a):
                matches += 1
                assert j in found, (a, b)
    assert matches > len(NAMES)  # the table really has variants (Lukashenko ~ Лукашэнка), not only identities


@pytest.mark.parametrize(
    "a,b,shared",
    [
        ("Lukashenko", "Лукашэнка", True),
        ("Anna Petrova", "Petrova", True),  # a lone surname meets every full name with it
        ("Koter Group", "Rimel Group", False),  # same "surname", different first names: never compared
        ("Ivanov", "Petrov", False),
    ],
)
def test_blocking_candidates_pairs(a, b, shared, monkeypatch):
    monkeypatch.setattr(blocking, "CROSS_SCRIPT_PAIRS", 10**9)
    index = NameIndex([a, b])
    index.add(a, "a")
    assert ("a" in index.candidates(b)) is shared


@pytest.mark.parametrize("seed", range(12))
def test_blocking_candidates_grouping_same_as_all_pairs(seed):
    rng = random.Random(seed)
    types = ["PERSON"] * 5 + ["ORG", "LOC", "OTHER"]
    mentions = []
    for i in range(rng.randint(1, 60)):
        name = rng.choice(NAMES)
        mentions.append(Mention(i * 50, i * 50 + len(name), name, rng.choice(types), name))

    def copy():
        return [Mention(m.start, m.end, m.text, m.type, m.normal) for m in mentions]

    assert _entities(group_mentions(copy(), variant_same)) == _entities(group_mentions(copy(), _all_pairs))


def test_blocking_candidates_thousands_of_names_finish():
    # 3,000 distinct people and 3,000 "X Group" organisations: all-pairs took minutes.
    syl = ["ba", "ko", "ri", "mel", "dan", "ter", "son", "vi", "lo", "gar", "pen", "ston"]

    def word(i: int) -> str:  # base-12 digits as syllables: every i a distinct surname
        parts = []
        while True:
            i, d = divmod(i, len(syl))
            parts.append(syl[d])
            if i == 0:
                return "".join(parts).capitalize()

    mentions, pos = [], 0
    for i in range(3_000):
        for name, typ in ((f"{FIRST[i % len(FIRST)]} {word(i)}", "PERSON"), (f"{word(i + 7_000)} Group", "ORG")):
            mentions.append(Mention(pos, pos + len(name), name, typ, name))
            pos += len(name) + 10
    t0 = time.perf_counter()
    ents = group_mentions(mentions, variant_same)
    assert time.perf_counter() - t0 < 120  # hang guard: seconds now
    assert len(ents) > 5_000
