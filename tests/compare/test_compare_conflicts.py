"""Comparison: stories across languages, conflicts with positions and spans, agreements."""

from __future__ import annotations

import pytest

from rashomon.compare import compare_articles
from rashomon.compare.detect import compatible
from rashomon.model import Quantity
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow


def _q(value, relation="eq", high=None, approx=None):
    return Quantity(0, 1, "x", value, high, "people", approx, relation, "people")


@pytest.mark.parametrize(
    "a,b,ok",
    [
        (_q(15000, "le"), _q(100000, "ge", 200000), False),
        (_q(30), _q(33), False),
        (_q(30, "about"), _q(33), True),
        (_q(200), _q(300, "about", approx="vague"), True),
        (_q(5000, "range", 10000), _q(8000), True),
        (_q(100, "gt"), _q(50, "lt"), False),
    ],
)
def test_compare_conflicts_quantity_compatibility(a, b, ok):
    assert compatible(a, b) is ok


def test_compare_conflicts_seed_actor_conflict(seed_articles):
    doc = compare_articles(list(seed_articles.values())).to_dict()
    belsat = seed_articles["003"]
    actor = [c for c in doc["conflicts"] if c["kind"] == "actor"]
    pairs = [{p["source_name"]: p for p in c["positions"]} for c in actor]
    hit = next(p for p in pairs if any("FSB" in s for s in p) and any("Lukashenka" in s for s in p))
    fsb = next(v for k, v in hit.items() if "FSB" in k)
    luk = next(v for k, v in hit.items() if "Lukashenka" in k)
    assert "Belarusian generals" in fsb["claim_text"] and "United States" in fsb["claim_text"]
    assert "CIA" in luk["claim_text"] or "American secret services" in luk["claim_text"]
    for p in (fsb, luk):
        assert p["article"] == belsat.id
        assert belsat.text[p["start"] : p["end"]] == p["text"]


def test_compare_conflicts_cross_language_story(analyzer):
    arts = [analyzer.analyze_text((FIXTURES / name).read_text(encoding="utf-8"), source=name)
            for name in ("en_summit.txt", "ru_summit.txt")]
    doc = compare_articles(arts).to_dict()
    assert len(doc["stories"]) == 1
    assert sorted(doc["stories"][0]["articles"]) == sorted(a.id for a in arts)
    kowalczyk = [e for e in doc["entities"] if "Kowalczyk" in e["name"] or "Ковальчик" in e["name"]]
    assert kowalczyk and len(kowalczyk[0]["articles"]) == 2


def test_compare_conflicts_quantity_across_articles(analyzer):
    a = analyzer.analyze_text("Police in Minsk said 30 people were detained at the rally on Sunday.", source="a")
    b = analyzer.analyze_text("Activists in Minsk said 200 people were detained at the rally on Sunday.", source="b")
    # Every candidate (threshold 0): quantity conflicts are calibrated below the packaged 0.5.
    doc = compare_articles([a, b], min_confidence=0.0).to_dict()
    kinds = [c["kind"] for c in doc["conflicts"]]
    assert "quantity" in kinds
    c = next(c for c in doc["conflicts"] if c["kind"] == "quantity")
    assert {p["text"] for p in c["positions"]} == {"30", "200"}


def test_compare_conflicts_unrelated_articles_are_separate_stories(analyzer):
    a = analyzer.analyze_text("Anna Kowalczyk said three drones crossed the border near Brest.", source="a")
    b = analyzer.analyze_text("Apple released a new phone in California on Tuesday.", source="b")
    doc = compare_articles([a, b]).to_dict()
    assert len(doc["stories"]) == 2 and doc["conflicts"] == []


@pytest.mark.parametrize(
    "a,b,days",
    [
        ("The government must present the reform plan by 5 April, the prime minister said. Parliament will debate it.",
         "The government must present the reform plan by 5 May, the prime minister said. Parliament will debate it.",
         {"5 April", "5 May"}),
        ("Правительство должно представить план реформы до 5 апреля, сообщил премьер-министр. План обсудят в парламенте.",
         "Правительство должно представить план реформы до 5 мая, сообщил премьер-министр. План обсудят в парламенте.",
         {"5 апреля", "5 мая"}),
    ],
)
def test_compare_conflicts_deadline_given_two_ways(analyzer, a, b, days):
    # Issue 15's "by 5 April" vs "by 5 May": one story (a deadline is not the event's day), one date conflict.
    doc = compare_articles([analyzer.analyze_text(a, source="a"), analyzer.analyze_text(b, source="b")],
                           min_confidence=0.0).to_dict()
    assert len(doc["stories"]) == 1
    dates = [c for c in doc["conflicts"] if c["kind"] == "date"]
    assert len(dates) == 1 and {p["text"] for p in dates[0]["positions"]} == days
