"""Stories tell events apart by their headlines: two reports whose openings read alike (one place,
one car, one day) but whose headlines read much further apart than the openings (a crash and the
driver's arrest) stay apart; headlines as close as the openings, a gap within the margin, a
missing headline, or headlines closer than the openings change nothing (no bonus)."""

from __future__ import annotations

import pytest

from rashomon.compare.stories import StoryOptions, group_stories, title_gap_penalty
from rashomon.model import Article, Paragraph, Sentence

from tests.compare.story_fakes import FakeEmbed

# Only the embeddings count here: no lemmas (no tokens), no entities, no days or places.
PLAIN = StoryOptions(threshold=0.75, lex_weight=0.0, entity_weight=0.0, day_weight=0.0, place_weight=0.0)
TEXT = "A report written for this test. It has two sentences."


def _article(name: str, title: str | None) -> Article:
    return Article(id=name, text=TEXT, title=title, language="en",
                   paragraphs=[Paragraph(0, len(TEXT), TEXT, "en")],
                   sentences=[Sentence(0, 31, TEXT[:31]), Sentence(32, len(TEXT), TEXT[32:])])


def _together(opening_deg: float, title_deg: float | None, options: StoryOptions = PLAIN,
              titled: bool = True) -> bool:
    """Two articles with openings `opening_deg` apart and headlines `title_deg` apart."""
    a, b = _article("A", "A"), _article("B", "B" if titled else None)
    # An untitled article's opening is its text; the fake reads the opening's first line.
    angles = {"A": 0, "B": opening_deg, TEXT: opening_deg}
    titles = {"A": 0, "B": title_deg} if title_deg is not None else {}
    stories = group_stories([a, b], {}, {}, FakeEmbed(angles, titles), options=options)
    story = {x: s.id for s in stories for x in s.articles}
    return story["A"] == story["B"]


@pytest.mark.parametrize(
    "opening_deg,title_deg,titled,together",
    [
        (10, 60, True, False),  # openings alike (0.98), headlines apart (0.50): another event
        (10, 10, True, True),  # headlines as alike as the openings
        (10, 30, True, True),  # headlines a little further apart (gap 0.12 < margin 0.2)
        (10, 60, False, True),  # one article has no headline: nothing to compare
        (40, 0, True, True),  # identical headlines, openings alike enough (0.77): together
        (45, 0, True, False),  # identical headlines give no bonus to openings below the threshold
        (30, 75, True, False),  # openings 0.87, headlines 0.26: gap 0.61 costs 1.2
    ],
)
def test_stories_titles_headline_gap_splits(opening_deg, title_deg, titled, together):
    assert _together(opening_deg, title_deg, titled=titled) is together


@pytest.mark.parametrize("weight,together", [(0.0, True), (PLAIN.title_weight, False)])
def test_stories_titles_weight_zero_switches_off(weight, together):
    options = StoryOptions(**{**PLAIN.__dict__, "title_weight": weight})
    assert _together(10, 60, options) is together


@pytest.mark.parametrize(
    "opening_cos,title_cos,expected",
    [
        (0.9, 0.4, 3.0 * 0.3),  # gap 0.5, margin 0.2
        (0.9, 0.7, 0.0),  # gap exactly the margin
        (0.5, 0.9, 0.0),  # headlines closer than the openings: no bonus, no cost
        (0.8, -0.2, 3.0 * 0.8),
    ],
)
def test_stories_titles_gap_penalty_values(opening_cos, title_cos, expected):
    opts = StoryOptions(title_weight=3.0, title_margin=0.2)
    assert title_gap_penalty(opening_cos, title_cos, opts) == pytest.approx(expected)
