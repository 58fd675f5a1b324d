"""Stories by average linkage: a chain of look-alike articles does not become one story, and
the time window and the threshold decide what merges (fake embeddings, no model)."""

from __future__ import annotations

import pytest

from rashomon.compare.stories import StoryOptions, group_stories
from rashomon.model import Article, Paragraph

from tests.compare.story_fakes import FakeEmbed

# Only the embedding counts here: no lemmas (no tokens), no entities.
PLAIN = StoryOptions(threshold=0.75, lex_weight=0.0, entity_weight=0.0)


def _article(name: str, published: str | None = None, language: str = "en") -> Article:
    text = f"Body of {name}."
    return Article(id=name, text=text, title=name, published=published, language=language,
                   paragraphs=[Paragraph(0, len(text), text, language)])


def _story_of(stories) -> dict[str, str]:
    return {a: s.id for s in stories for a in s.articles}


def test_stories_chaining_chain_does_not_merge_ends():
    # Neighbours 35 degrees apart (cosine 0.82), ends 105 apart (cosine -0.26): union-find over
    # pairs above 0.75 would make one story of four; average linkage must not.
    angles = {"A": 0, "B": 35, "C": 70, "D": 105}
    arts = [_article(n) for n in angles]
    # Every article shares one entity, so all pairs are candidates.
    clusters_of = {n: {"E1"} for n in angles}
    stories = group_stories(arts, clusters_of, {"E1": "Thing"}, FakeEmbed(angles), options=PLAIN)
    story = _story_of(stories)
    assert story["A"] != story["D"]
    assert story["A"] != story["C"] and story["B"] != story["D"]
    assert max(len(s.articles) for s in stories) == 2
    assert sorted(a for s in stories for a in s.articles) == ["A", "B", "C", "D"]


@pytest.mark.parametrize(
    "angles,dates,together",
    [
        ({"A": 0, "B": 10}, (None, None), True),  # alike, undated
        ({"A": 0, "B": 10}, ("2020-05-01", "2020-05-03"), True),  # alike, within the window
        ({"A": 0, "B": 10}, ("2020-05-01", "2020-06-20"), False),  # alike, weeks apart
        ({"A": 0, "B": 60}, (None, None), False),  # unalike (cosine 0.5)
        ({"A": 0, "B": 10}, ("2020-05-01", None), True),  # one undated: no window applies
    ],
)
def test_stories_chaining_pair_rules(angles, dates, together):
    arts = [_article(n, d) for n, d in zip(angles, dates)]
    stories = group_stories(arts, {}, {}, FakeEmbed(angles), options=PLAIN)
    story = _story_of(stories)
    assert (story["A"] == story["B"]) is together


def test_stories_chaining_tight_group_absorbs_close_member():
    # Three near-identical articles and one 30 degrees off all of them: it joins on average.
    angles = {"A": 0, "B": 2, "C": 4, "D": 30, "Z": 120}
    arts = [_article(n) for n in angles]
    stories = group_stories(arts, {}, {}, FakeEmbed(angles), options=PLAIN)
    story = _story_of(stories)
    assert story["A"] == story["B"] == story["C"] == story["D"]
    assert story["Z"] != story["A"]
    assert [len(s.articles) for s in stories] == [4, 1]
    assert stories[0].id == "S1"


def test_stories_chaining_empty_and_single():
    assert group_stories([], {}, {}, FakeEmbed({})) == []
    one = group_stories([_article("A")], {}, {}, FakeEmbed({"A": 0}))
    assert [s.articles for s in one] == [["A"]]
