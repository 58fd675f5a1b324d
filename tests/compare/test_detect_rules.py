"""Conflict rules end to end on short texts written for these tests (real models): what must
be a conflict, and the false conflicts the issue listed that must not be."""

from __future__ import annotations

import pytest

from rashomon.compare import compare_articles

pytestmark = pytest.mark.slow


def _compare(analyzer, *texts):
    arts = [analyzer.analyze_text(t, source=f"t{k}") for k, t in enumerate(texts)]
    return arts, compare_articles(arts, min_confidence=0.0)


def test_detect_rules_quantity_across_outlets(analyzer):
    _arts, res = _compare(analyzer, "Police in Minsk said 30 people were detained at the rally on Sunday.",
                          "Activists in Minsk said 200 people were detained at the rally on Sunday.")
    q = [c for c in res.conflicts if c.kind == "quantity"]
    assert q and {p.text for p in q[0].positions} == {"30", "200"}
    assert q[0].frame and "people" in q[0].frame


@pytest.mark.parametrize(
    "a,b",
    [
        # a day of the month against a temperature
        ("On 16 November the frost in Minsk reached minus 1 degree, forecasters said.",
         "On 17 November the frost in Minsk reached minus 1 degree, forecasters said."),
        # a clock time against a count
        ("The rally in Minsk began at 8.30 pm and 30 people were detained.",
         "The rally in Minsk began at 8.30 pm and 30 people were detained by police."),
        # a legal reference
        ("He was charged under part 2 of article 161 of the criminal code in Minsk.",
         "He was charged under part 3 of article 342 of the criminal code in Minsk."),
        # equal values
        ("The team from Minsk won the final 27-0 on Sunday.", "The team from Minsk won the final 27-0 on Sunday."),
    ],
)
def test_detect_rules_no_conflict_from_dates_times_references(analyzer, a, b):
    _arts, res = _compare(analyzer, a, b)
    assert [c for c in res.conflicts if c.kind == "quantity"] == []


def test_detect_rules_part_and_total_are_not_a_conflict(analyzer):
    _arts, res = _compare(
        analyzer,
        "The European Union approved aid of 150 million euros for Minsk hospitals; 50 million euros of the aid goes to oxygen.",
        "The European Union approved aid of 150 million euros for Minsk hospitals, officials in Brussels said.")
    assert [c for c in res.conflicts if c.kind == "quantity"] == []


def test_detect_rules_update_in_one_article_is_not_a_conflict(analyzer):
    _arts, res = _compare(analyzer, "Five people died in the fire in Brest, the ministry said. "
                                    "Earlier it was reported that four people died in the fire in Brest.")
    assert [c for c in res.conflicts if c.kind == "quantity"] == []
    assert any(u.kind == "update" for u in res.updates)


def test_detect_rules_polarity_between_sources(analyzer):
    _arts, res = _compare(analyzer,
                          "\u201cI served in Vietnam,\u201d Richard Blumenthal told veterans in Norwalk.",
                          "Richard Blumenthal never served in Vietnam, records show.")
    pol = [c for c in res.conflicts if c.kind == "polarity"]
    assert pol
    assert {p.article for p in pol[0].positions} == {a.id for a in _arts}


def test_detect_rules_one_author_does_not_contradict_themself(analyzer):
    _arts, res = _compare(analyzer, "Richard Blumenthal served in Vietnam. Richard Blumenthal never served in Vietnam.")
    assert res.conflicts == []


def test_detect_rules_no_pair_reported_twice(seed_articles):
    res = compare_articles(list(seed_articles.values()), min_confidence=0.0)
    keys = [frozenset((p.article, p.start, p.end) for p in c.positions) for c in res.conflicts]
    assert len(keys) == len(set(keys))
    claims = [frozenset((p.article, p.claim_text) for p in c.positions) for c in res.conflicts]
    assert len(claims) == len(set(claims))


def test_detect_rules_seed_divergence_kept_with_sources(seed_articles):
    res = compare_articles(list(seed_articles.values()))
    hit = [c for c in res.conflicts if {"FSB", "Lukashenka"} <= {w for p in c.positions for w in p.source_name.split()}]
    assert hit and hit[0].kind == "actor" and hit[0].confidence >= res.min_confidence
    for c in res.conflicts:
        for p in c.positions:
            assert seed_articles_text(seed_articles, p.article)[p.start : p.end] == p.text


def seed_articles_text(seed_articles, article_id):
    return next(a.text for a in seed_articles.values() if a.id == article_id)


def test_detect_rules_figures_of_two_places_are_two_measures(analyzer):
    _arts, res = _compare(analyzer, "The Pentagon will withdraw 2,000 American troops from Syria this month, officials said.",
                          "The Pentagon will withdraw 7,000 American troops from Afghanistan this month, officials said.")
    assert [c for c in res.conflicts if c.kind == "quantity"] == []
