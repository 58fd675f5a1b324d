"""Stories across languages with the real encoder and analysis: an English and a Russian report
of one event form one story; unrelated reports in either language stay apart."""

from __future__ import annotations

from collections import defaultdict

import pytest

from rashomon.compare.embed import Embedder
from rashomon.compare.stories import group_stories
from rashomon.resolve import cluster_entities

pytestmark = pytest.mark.slow

# Written for this test (not corpus text): one event in two languages, and two others.
TEXTS = {
    "flood_en": ("Flooding closes Danube port in Vienna\n"
                 "The port of Vienna on the Danube was closed on Tuesday after heavy rain pushed the river "
                 "two metres above its normal level. Austrian authorities evacuated 300 residents from "
                 "riverside homes, and Chancellor Karl Nehammer visited the flooded district.\n"),
    "flood_ru": ("Наводнение закрыло порт Вены на Дунае\n"
                 "Порт Вены на Дунае закрыли во вторник после сильных дождей, поднявших уровень реки на "
                 "два метра выше обычного. Власти Австрии эвакуировали 300 жителей прибрежных домов, "
                 "канцлер Карл Нехаммер посетил затопленный район.\n"),
    "apple_en": ("Apple reports record iPhone sales\n"
                 "Apple said on Thursday that quarterly iPhone sales reached a record, lifting revenue to "
                 "120 billion dollars. Chief executive Tim Cook credited strong demand in India and China.\n"),
    "metro_ru": ("В Новосибирске открыли новую станцию метро\n"
                 "В Новосибирске в субботу открылась новая станция метро «Спортивная». Мэр города Анатолий "
                 "Локоть назвал её самым ожидаемым объектом десятилетия.\n"),
}


def test_stories_crosslingual_translation_pair_merges(analyzer):
    arts = []
    for name, text in TEXTS.items():
        art = analyzer.analyze_text(text, name)
        art.id = name
        arts.append(art)
    assert {a.language for a in arts} == {"en", "ru"}
    clusters_of: dict[str, set[str]] = defaultdict(set)
    for c in cluster_entities(arts):
        for art_id, _ in c.members:
            clusters_of[art_id].add(c.id)
    stories = group_stories(arts, dict(clusters_of), {}, Embedder())
    story = {a: s.id for s in stories for a in s.articles}
    assert story["flood_en"] == story["flood_ru"]
    assert len({story["flood_en"], story["apple_en"], story["metro_ru"]}) == 3
    assert sorted(len(s.articles) for s in stories) == [1, 1, 2]
