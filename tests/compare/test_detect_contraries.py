"""Contrary words (`lang/<code>/contraries.tsv`) said of the same word in claims that read alike
are a conflict of kind `other` ("her younger sister" / "her older sister"), end to end on sentences
written for these tests (real models); not when one side negates, when both say both words, when the
words are said of different things, or for an age ("a 45-year-old man" / "a young man")."""

from __future__ import annotations

import pytest

from rashomon.compare import compare_articles
from rashomon.compare.units import contrary_table

pytestmark = pytest.mark.slow


def _other(analyzer, *texts):
    arts = [analyzer.analyze_text(t, source=f"c{k}") for k, t in enumerate(texts)]
    return [c for c in compare_articles(arts, min_confidence=0.0).conflicts if c.kind == "other"]


@pytest.mark.parametrize(
    "texts,words",
    [
        (("Mary Hale, the younger sister of Senate candidate Anne Hale, moved to Denver with her two children in 2015.",
          "Mary Hale, the older sister of Senate candidate Anne Hale, moved to Denver with her two children in 2015."),
         {"younger", "older"}),
        (("Цены на бензин в Омской области выросли на прошлой неделе, сообщил Росстат.",
          "Цены на бензин в Омской области упали на прошлой неделе, сообщило местное министерство."),
         {"выросли", "упали"}),
    ],
    ids=["younger-older", "ru-vyrosli-upali"],
)
def test_detect_contraries_conflict(analyzer, texts, words):
    found = _other(analyzer, *texts)
    assert len(found) == 1
    c = found[0]
    assert set(c.why.split(":")[0].split(" vs ")) == words and c.slot == "attribute"
    assert len({p.article for p in c.positions}) == 2


@pytest.mark.parametrize(
    "texts",
    [
        # one side negates: "not the older sister" may agree with "the younger sister"
        ("Mary Hale, the younger sister of Senate candidate Anne Hale, moved to Denver with her two children in 2015.",
         "Mary Hale is not the older sister of Senate candidate Anne Hale, who moved to Denver with her two children in 2015."),
        # both words on one side
        ("Prices rose in March and fell in April across Ohio, the state statistics office said.",
         "Prices fell in April across Ohio after a rise in March, the state statistics office said."),
        # the words are said of different things
        ("The older buildings of the Ohio campus were closed on Monday, the university said.",
         "Younger students of the Ohio campus were sent home on Monday, the university said."),
        # an age is no contrary of "young"
        ("A 45-year-old man was arrested in Leeds after the attack on the mosque, police said.",
         "A young man was arrested in Leeds after the attack on the mosque, police said."),
    ],
    ids=["negated", "both-words", "different-things", "year-old"],
)
def test_detect_contraries_no_conflict(analyzer, texts):
    assert _other(analyzer, *texts) == []


def test_detect_contraries_table_reads_both_ways():
    table = contrary_table()
    assert "young" in table["old"] and "old" in table["young"] and "снижение" in table["рост"]
    assert "blue" not in table.get("red", frozenset())
