"""Claims: the source is the author or the quoted speaker; stance asserted/attributed/hedged/disputed."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _claim(art, fragment):
    hits = [c for c in art.claims if fragment in c.text]
    assert hits, (fragment, [c.text for c in art.claims])
    return hits[0]


@pytest.mark.parametrize(
    "text,fragment,stance,source",
    [
        ("Three drones crossed the border near Brest on Monday.", "Three drones crossed", "asserted", None),
        ("Apparently, three drones crossed the border near Brest.", "three drones crossed", "hedged", None),
        ("The so-called invasion near Brest never happened.", "invasion near Brest", "disputed", None),
        ("Anna Kowalczyk said that three drones crossed the border near Brest.", "three drones crossed",
         "attributed", "Anna Kowalczyk"),
        ("Беспилотники якобы пересекли границу под Брестом.", "пересекли границу", "disputed", None),
        ("По-видимому, беспилотники пересекли границу под Брестом.", "пересекли границу", "hedged", None),
    ],
)
def test_claims_stance_table(analyzer, text, fragment, stance, source):
    art = analyzer.analyze_text(text)
    c = _claim(art, fragment)
    assert c.stance == stance
    assert c.source_name == source
    assert (c.source_entity is None) == (source is None)


def test_claims_stance_claim_inside_quote_belongs_to_speaker(analyzer):
    art = analyzer.analyze_text(
        "Anna Kowalczyk, defence minister:\n\n“Three drones crossed the border near Brest. We tracked them.”\n")
    c = _claim(art, "Three drones crossed")
    assert c.source_name == "Anna Kowalczyk" and c.source_entity is not None
    assert c.quote is not None


def test_claims_stance_questions_are_not_claims(analyzer):
    art = analyzer.analyze_text("Why did three drones cross the border near Brest on Monday?")
    assert art.claims == []


def test_claims_stance_seed_distancing_is_disputed(seed_articles):
    art = seed_articles["003"]
    c = _claim(art, "to have prevented an attempt at an armed coup")
    assert c.stance == "disputed"
    assert "Lukashenka" in c.source_name
