"""Stories tell events apart by the days their leads name: two reports that read alike but
name different days in their lead sentences (a forecast for 8 November and one for 16 November;
a ranking «ко Дню Победы» and one for 4 May)
stay apart; the same day, no day, a day named only later in the text, or a weekday alone change
nothing. The day term is held as sums in StoryGroup, so average linkage stays exact."""

from __future__ import annotations

import pytest

from rashomon.compare.stories import StoryGroup, StoryOptions, group_stories
from rashomon.dates import extract_dates
from rashomon.model import Article, Paragraph, Sentence

from tests.compare.story_fakes import FakeEmbed, merged_groups

# Only the embedding and the day term count here: no lemmas (no tokens), no entities.
PLAIN = StoryOptions(threshold=0.75, lex_weight=0.0, entity_weight=0.0)


def _article(name: str, text: str, language: str, published: str | None = None) -> Article:
    """One paragraph; sentences split after each '. '; dates found by the real date extractor."""
    sentences, start = [], 0
    for k, ch in enumerate(text):
        if ch == "." and (k + 1 == len(text) or text[k + 1] == " "):
            sentences.append(Sentence(start, k + 1, text[start:k + 1]))
            start = k + 2
    art = Article(id=name, text=text, title=name, published=published, language=language,
                  paragraphs=[Paragraph(0, len(text), text, language)], sentences=sentences)
    art.dates = extract_dates(art)
    return art


def _together(a: Article, b: Article, degrees: float = 5) -> bool:
    stories = group_stories([a, b], {}, {}, FakeEmbed({a.id: 0, b.id: degrees}), options=PLAIN)
    story = {x: s.id for s in stories for x in s.articles}
    return story[a.id] == story[b.id]


RU_8 = "Синоптики обещают снег в пятницу, 8 ноября. Ветер северо-западный. Температура до -20."
RU_16 = "Синоптики обещают снег в субботу, 16 ноября. Ветер северо-западный. Температура до -20."
RU_NONE = "Синоптики обещают снег. Ветер северо-западный. Температура до -20."
RU_LATE = "Синоптики обещают снег. Ветер северо-западный. Похолодание ожидается с 16 ноября."
EN_8 = "Forecasters expect snow on Nov. 8. Winds will be light. Temperatures fall to -20."
EN_16 = "Forecasters expect snow on Nov. 16. Winds will be light. Temperatures fall to -20."
EN_TUE = "Forecasters expect snow on Tuesday. Winds will be light. Temperatures fall to -20."
EN_WED = "Forecasters expect snow on Wednesday. Winds will be light. Temperatures fall to -20."
EN_NUM = "Forecasters expect snow on 16.11.2019. Winds will be light. Temperatures fall to -20."
EN_BOTH = "Talks were postponed on Nov. 8 until Nov. 9. Both sides agreed. Monitors will watch."
EN_9 = "Talks will resume on Nov. 9. Both sides agreed. Monitors will watch."
RU_HOLIDAY = "Индекс самоизоляции в Казани упал ко Дню Победы. Людей на улицах много. Мэрия просит остаться дома."
RU_4_MAY = "Индекс самоизоляции в Казани упал 4 мая. Людей на улицах много. Мэрия просит остаться дома."
RU_9_MAY = "Индекс самоизоляции в Казани упал 9 мая. Людей на улицах много. Мэрия просит остаться дома."
RU_BY_APR = "Правительство должно представить план до 5 апреля. Его обсудят депутаты. Оппозиция против."
RU_BY_MAY = "Правительство должно представить план до 5 мая. Его обсудят депутаты. Оппозиция против."
RU_LATEST_MAY = "Правительство должно представить план не позднее 5 мая. Его обсудят депутаты. Оппозиция против."
RU_ON_APR = "Правительство представило план 5 апреля. Его обсудят депутаты. Оппозиция против."
RU_ON_MAY = "Правительство представило план 5 мая. Его обсудят депутаты. Оппозиция против."
EN_BY_APR = "The government must present the plan by 5 April. Lawmakers will debate it. The opposition objects."
EN_BY_MAY = "The government must present the plan by 5 May. Lawmakers will debate it. The opposition objects."
EN_UNTIL_MAY = "The government may delay the plan until 5 May. Lawmakers will debate it. The opposition objects."
EN_ON_APR = "The government presented the plan on 5 April. Lawmakers will debate it. The opposition objects."
EN_ON_MAY = "The government presented the plan on 5 May. Lawmakers will debate it. The opposition objects."


@pytest.mark.parametrize(
    "a,b,lang,published,together",
    [
        (RU_8, RU_16, "ru", None, False),  # different days in the leads: different events
        (RU_8, RU_8, "ru", None, True),  # the same day
        (RU_8, RU_NONE, "ru", None, True),  # one lead names no day
        (RU_NONE, RU_LATE, "ru", None, True),  # a day named after the lead does not count
        (RU_8, RU_LATE, "ru", None, True),  # ... even against a lead that names one
        (EN_8, EN_16, "en", None, False),
        (EN_16, EN_NUM, "en", "2019-11-15", True),  # "Nov. 16" and "16.11.2019" are one day
        (EN_8, EN_NUM, "en", "2019-11-15", False),
        (EN_TUE, EN_WED, "en", "2019-11-15", True),  # weekdays shift with the writing day: ignored
        (EN_BOTH, EN_9, "en", None, False),  # sharing one of two days: 1 - cos 0.71 still costs 0.88
        (RU_HOLIDAY, RU_4_MAY, "ru", "2020-05-10", False),  # a holiday names its day: 9 May against 4 May
        (RU_HOLIDAY, RU_9_MAY, "ru", "2020-05-10", True),
        # A deadline limits the event rather than dating it: two reports giving one deadline two
        # ways are one story (the date conflict is compare's to find), two days of the act are not.
        (RU_BY_APR, RU_BY_MAY, "ru", None, True),
        (RU_BY_APR, RU_LATEST_MAY, "ru", None, True),
        (RU_ON_APR, RU_ON_MAY, "ru", None, False),
        (EN_BY_APR, EN_BY_MAY, "en", None, True),
        (EN_BY_APR, EN_UNTIL_MAY, "en", None, True),
        (EN_ON_APR, EN_ON_MAY, "en", None, False),
    ],
)
def test_stories_event_days_pair_rules(a, b, lang, published, together):
    assert _together(_article("A", a, lang, published), _article("B", b, lang, published)) is together


def test_stories_event_days_zero_weight_ignores_days():
    opts = StoryOptions(threshold=0.75, lex_weight=0.0, entity_weight=0.0, day_weight=0.0)
    arts = [_article("A", RU_8, "ru"), _article("B", RU_16, "ru")]
    stories = group_stories(arts, {}, {}, FakeEmbed({"A": 0, "B": 5}), options=opts)
    assert [sorted(s.articles) for s in stories] == [["A", "B"]]


def test_stories_event_days_group_sums_exact():
    # A merged group's link is the mean of its members' pair links, the day term included.
    texts = {"A": RU_8, "B": RU_16, "C": RU_NONE, "D": EN_BOTH, "E": EN_9}
    arts = {n: _article(n, t, "ru" if t.startswith("С") else "en") for n, t in texts.items()}
    left, right, pairwise = merged_groups(arts, PLAIN)
    assert left.link(right, PLAIN) == pytest.approx(sum(pairwise) / len(pairwise))
    assert left.lead_dated == 2 and right.lead_dated == 2
    # Stored sums give the same link; without the day sums, no day term applies.
    stored = StoryGroup.from_sums(left.members, left.vec, left.ents, left.lemmas, left.langs, left.first,
                                  left.last, lead_days=left.lead_days, lead_dated=left.lead_dated)
    assert stored.link(right, PLAIN) == pytest.approx(left.link(right, PLAIN))
    bare = StoryGroup.from_sums(left.members, left.vec, left.ents, left.lemmas, left.langs, left.first,
                                left.last)
    no_days = StoryOptions(threshold=0.75, lex_weight=0.0, entity_weight=0.0, day_weight=0.0)
    assert bare.link(right, PLAIN) == pytest.approx(left.link(right, no_days))
