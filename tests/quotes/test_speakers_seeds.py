"""Regression on the seed articles themselves (read from ../shared/seeds at run time)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _entity(art, quote):
    return next((e for e in art.entities if e.id == quote.speaker_entity), None)


def test_speakers_seeds_no_wish_or_shown_thing_is_a_quote(seed_articles):
    art = seed_articles["000"]
    assert not [q for q in art.quotes if q.cue and q.cue.text == "want"]
    # "Then he was shown “preparation for a Maidan”": what he was shown, not what he said.
    assert not [q for q in art.quotes if "preparation for a Maidan" in q.content.text]


def test_speakers_seeds_they_is_never_one_person(seed_articles):
    for art in seed_articles.values():
        for q in art.quotes:
            if q.speaker and q.speaker.text.lower() == "they":
                ent = _entity(art, q)
                assert ent is None or ent.type != "PERSON", (q.content.text, ent)


def test_speakers_seeds_persuaded_one_declares(seed_articles):
    art = seed_articles["000"]
    hits = [q for q in art.quotes if q.cue and q.cue.text == "declare" and "ready to use the army" in q.content.text]
    assert len(hits) == 1
    assert _entity(art, hits[0]) is not None and _entity(art, hits[0]).type == "PERSON"
    assert "Lukashenko" in hits[0].speaker_name


def test_speakers_seeds_content_not_cut_mid_bracket(seed_articles):
    for art in seed_articles.values():
        for q in art.quotes:
            assert q.content.text.count("(") <= q.content.text.count(")"), q.content.text
