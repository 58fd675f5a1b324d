"""A full story rebuild holds every stored article trimmed to what story grouping reads
(`_lead_only`: no analysis layers, tokens of the lead only), so 10,000 articles fit in memory;
on the analysed seeds the trimmed article scores exactly as the whole one."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from rashomon.compare.stories import StoryGroup, StoryOptions, article_day, opening
from rashomon.store.stories import _lead_only


def _group(art, opts: StoryOptions) -> StoryGroup:  # noqa: ANN001
    return StoryGroup.of_article(art.id, art, np.ones(512), {"E1", "E2"}, opts)


def _same(a: StoryGroup, b: StoryGroup) -> bool:
    return all(np.array_equal(getattr(a, s), getattr(b, s)) if s == "vec" else getattr(a, s) == getattr(b, s)
               for s in StoryGroup.__slots__)


@pytest.mark.slow
@pytest.mark.parametrize("prefix", ["000", "003"])
@pytest.mark.parametrize("opts", [StoryOptions(), StoryOptions(lead_chars=200, lead_sentences=1),
                                  StoryOptions(lead_chars=40, lead_sentences=0)])
def test_stories_rebuild_lead_only_scores_alike(seed_articles, prefix, opts):
    art = seed_articles[prefix]
    lead = _lead_only(art, opts)
    assert len(lead.tokens) < len(art.tokens) and not lead.entities and not lead.techniques
    assert opening(lead, opts.lead_chars) == opening(art, opts.lead_chars)
    assert article_day(lead) == article_day(art)
    assert _same(_group(lead, opts), _group(art, opts))


@pytest.mark.slow
@pytest.mark.parametrize("trim", [
    {"tokens": []},  # the lead's lemmas are read
    {"title": None},  # the title opens the opening
    {"paragraphs": []},  # the opening is read
])
def test_stories_rebuild_lead_only_trimming_more_changes_scores(seed_articles, trim):
    """The comparison above can fail: dropping what grouping does read changes the sums."""
    art = seed_articles["000"]
    opts = StoryOptions()
    cut = dataclasses.replace(_lead_only(art, opts), **trim)
    changed = opening(cut, opts.lead_chars) != opening(art, opts.lead_chars)
    assert changed or not _same(_group(cut, opts), _group(art, opts))
