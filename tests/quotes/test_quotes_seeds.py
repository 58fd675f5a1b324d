"""Acceptance on the seed articles (skipped when ../shared/seeds is absent)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _speaker_of(art, fragment):
    hits = [q for q in art.quotes if fragment in q.content.text]
    assert hits, fragment
    return hits[0]


@pytest.mark.parametrize(
    "fragment,speaker",
    [
        ("The plans were to capture the child", "Lukashenka"),  # lead-in "told by its illegitimate leader:"
        ("For example, in Liozna", "Anatol Lyabedzka"),  # interview layout
        ("Obviously, the announcement of this story", "Andrey Parotnikau"),
        ("The initiative belongs to the special services", "Anatol Lyabedzka"),
        ("The Russian FSB reports", "Andrey Parotnikau"),
        ("Putin’s support for Lukashenka", "Alexander Goltz"),
        ("Stocks of “Novichok” agent", "Anatol Lyabedzka"),
    ],
)
def test_quotes_seeds_belsat_direct_quotes(seed_articles, fragment, speaker):
    q = _speaker_of(seed_articles["003"], fragment)
    assert q.kind == "direct"
    assert speaker in (q.speaker_name or "")
    assert q.speaker_entity is not None


def test_quotes_seeds_belsat_every_direct_quote_has_a_speaker(seed_articles):
    direct = [q for q in seed_articles["003"].quotes if q.kind == "direct"]
    assert len(direct) == 7
    assert all(q.speaker_entity for q in direct)


@pytest.mark.parametrize(
    "cue_text,speaker,fragment",
    [
        ("claims", "Lukashenka", "to have prevented an attempt"),
        ("claims", "FSB", "it helped prevent coup"),
        ("claims", "FSB", "a military coup in Belarus was prepared by Belarusian generals"),
        ("speaks", "Lukashenka", "a conspiracy led by either the CIA or the FBI"),
        ("says", "Zakharova", "Czech authorities are expelling"),
        (":", "KGB", "Persons involved"),
    ],
)
def test_quotes_seeds_belsat_reported_claims(seed_articles, cue_text, speaker, fragment):
    hits = [q for q in seed_articles["003"].quotes if fragment in q.content.text and q.kind == "indirect"]
    assert hits, fragment
    q = hits[0]
    assert q.cue is not None and q.cue.text == cue_text
    assert speaker in (q.speaker_name or "")


def test_quotes_seeds_nested_fsb_report(seed_articles):
    art = seed_articles["003"]
    outer = _speaker_of(art, "The Russian FSB reports")
    nested = [q for q in art.quotes if q.parent == outer.id]
    assert len(nested) == 1 and "FSB" in nested[0].speaker_name


def test_quotes_seeds_no_non_speakers(seed_articles):
    for art in seed_articles.values():
        types = {e.id: e.type for e in art.entities}
        for q in art.quotes:
            if q.speaker is not None:
                assert not any(ch in q.speaker.text for ch in "“”«»\""), q
            if q.speaker_entity is not None:
                assert types[q.speaker_entity] in ("PERSON", "ORG", "LOC"), q
                if types[q.speaker_entity] == "LOC":
                    assert q.cue is not None and q.cue.text.lower() in ("according to", "said", "says"), q


def test_quotes_seeds_ishchenko_scare_quotes(seed_articles):
    roles = [p.role for p in seed_articles["000"].quoted]
    assert roles.count("scare") >= 0.7 * len(roles)
