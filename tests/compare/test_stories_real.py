"""Stories on real news (analysed here, from ../shared/data): 20 BASIL triplets and every
tgcontest_ru_dev text clustered as one corpus; pair F1 holds near the figure README reports,
no story outgrows three times the largest gold story, and two forecasts whose leads name
different regions (tgcontest line 20, the place term) stay apart. About 90 s with --jobs 2."""

from __future__ import annotations

import pytest

from rashomon.evaluation.divergences import basil_units, tg_units
from rashomon.evaluation.stories import basil_gold, dev_articles, group_documents, score_stories, tg_gold
from tests.conftest import DATA, need

pytestmark = pytest.mark.slow

# Measured on exactly this subset (README Quality: story figures) minus a small margin.
MIN_F1 = {"basil": 0.90, "tg": 0.86}


def test_stories_real_pair_f1_and_size():
    need(DATA / "basil")
    need(DATA / "tgcontest_ru_dev")
    basil = basil_units(DATA)[::5]
    tg = tg_units(DATA, None)
    articles = dev_articles(DATA, basil + tg, jobs=2)
    assert len(articles) == 3 * len(basil) + 2 * len(tg)
    stories = group_documents(articles)
    for name, gold in (("basil", basil_gold(DATA, units=set(basil))), ("tg", tg_gold(DATA))):
        score = score_stories(stories, gold)
        assert score.f1 >= MIN_F1[name], (name, score)
        assert score.largest <= 3 * score.gold_largest, (name, score)
    assert max(len(s) for s in stories) <= 3 * 4
    story = {doc: n for n, members in enumerate(stories) for doc in members}
    assert story["tg/20/first"] != story["tg/20/second"]  # the Amur and the Omsk region's forecasts
