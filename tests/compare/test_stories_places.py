"""Stories tell events apart by the places their leads name at one administrative level: two
reports that read alike but whose leads name different regions ("Omsk region" vs "Amur region")
stay apart; the same region, a region on one side only, different levels, a lower-case or
sentence-initial modifier, a capitalised level word ("United States") or a place named after the
lead change nothing. The place term is held as sums in StoryGroup, so average linkage stays exact."""

from __future__ import annotations

import pytest

from rashomon.compare.stories import StoryGroup, StoryOptions, _lead_places, group_stories
from rashomon.model import Article, Paragraph, Sentence, Token

from tests.compare.story_fakes import FakeEmbed, merged_groups

# Only the embedding and the place term count here (no lemma or entity weight, no days).
PLAIN = StoryOptions(threshold=0.75, lex_weight=0.0, entity_weight=0.0, day_weight=0.0)


def _article(name: str, words: list[tuple[str, str, str, int]], language: str = "ru") -> Article:
    """Tokens given as (text, lemma, pos, head offset from the token); sentences end at '.'."""
    text, tokens, sentences, start = "", [], [], 0
    for k, (word, lemma, pos, head) in enumerate(words):
        if text and word != ".":
            text += " "
        tokens.append(Token(len(text), len(text) + len(word), word, lemma, pos, "dep", k + head, len(sentences)))
        text += word
        if word == ".":
            sentences.append(Sentence(start, len(text), text[start:]))
            start = len(text) + 1
    return Article(id=name, text=text, title=name, language=language,
                   paragraphs=[Paragraph(0, len(text), text, language)], sentences=sentences, tokens=tokens)


def _lead(*place: tuple[str, str, str, int], third: bool = False) -> list[tuple[str, str, str, int]]:
    """"Синоптики обещают снег в <place>. Ветер умеренный." (the place in a third sentence if `third`)."""
    opening = [("Синоптики", "синоптик", "NOUN", 1), ("обещают", "обещать", "VERB", 0), ("снег", "снег", "NOUN", -1)]
    place_part = [("в", "в", "ADP", len(place)), *place, (".", ".", "PUNCT", 0)]
    wind = [("Ветер", "ветер", "NOUN", 1), ("умеренный", "умеренный", "ADJ", 0), (".", ".", "PUNCT", 0)]
    if third:
        return opening + [(".", ".", "PUNCT", 0)] + wind + [("Снег", "снег", "NOUN", 0)] + place_part
    return opening + place_part + wind


OMSK = (("Омской", "омский", "ADJ", 1), ("области", "область", "NOUN", 0))
OMSK_NOM = (("Омская", "омский", "ADJ", 1), ("область", "область", "NOUN", 0))
AMUR = (("Амурской", "амурский", "ADJ", 1), ("области", "область", "NOUN", 0))
DISTRICT = (("Беляевском", "беляевский", "ADJ", 1), ("районе", "район", "NOUN", 0))
HUBEI = (("провинции", "провинция", "NOUN", 0), ("Хубэй", "хубэя", "PROPN", -1))
HUBEI_NOM = (("провинция", "провинция", "NOUN", 0), ("Хубэй", "хубэй", "PROPN", -1))
WESTERN = (("западных", "западный", "ADJ", 1), ("районах", "район", "NOUN", 0))
STATES = (("Соединённых", "соединённый", "ADJ", 1), ("Штатах", "штат", "NOUN", 0))
NO_PLACE = (("городе", "город", "NOUN", 0),)


@pytest.mark.parametrize(
    "words,places",
    [
        (_lead(*OMSK), {"область|омск"}),
        (_lead(*DISTRICT), {"район|беля"}),
        (_lead(*HUBEI), {"провинция|хубэ"}),  # a name after the level noun; stems of its lemma
        (_lead(*WESTERN), set()),  # no capitalised modifier: not a name
        (_lead(*STATES), set()),  # a capitalised level word is part of a name
        (_lead(*NO_PLACE), set()),  # not a level noun
        (_lead(*OMSK, third=True), set()),  # named after the lead's two sentences
        ([*OMSK_NOM, ("выросла", "вырасти", "VERB", 0), (".", ".", "PUNCT", 0)], set()),  # sentence start only
    ],
)
def test_stories_places_lead_places(words, places):
    assert _lead_places(_article("A", words), 2) == places


def _together(a: Article, b: Article, options: StoryOptions = PLAIN) -> bool:
    stories = group_stories([a, b], {}, {}, FakeEmbed({a.id: 0, b.id: 5}), options=options)
    story = {x: s.id for s in stories for x in s.articles}
    return story[a.id] == story[b.id]


@pytest.mark.parametrize(
    "a,b,together",
    [
        (_lead(*OMSK), _lead(*AMUR), False),  # one level, different names: different places
        (_lead(*OMSK), _lead(*OMSK), True),  # the same region
        (_lead(*OMSK), _lead(*OMSK_NOM), True),  # ... in another case (one lemma)
        (_lead(*HUBEI), _lead(*HUBEI_NOM), True),  # a foreign name lemmatised two ways, one stem
        (_lead(*OMSK), _lead(*NO_PLACE), True),  # a region on one side only
        (_lead(*OMSK), _lead(*DISTRICT), True),  # different levels: one may hold the other
        (_lead(*OMSK), _lead(*WESTERN), True),
    ],
)
def test_stories_places_pair_rules(a, b, together):
    assert _together(_article("A", a), _article("B", b)) is together


def test_stories_places_zero_weight_ignores_places():
    no_places = StoryOptions(threshold=0.75, lex_weight=0.0, entity_weight=0.0, day_weight=0.0, place_weight=0.0)
    assert _together(_article("A", _lead(*OMSK)), _article("B", _lead(*AMUR)), no_places)


def test_stories_places_group_sums_exact():
    # A merged group's link is the mean of its members' pair links, the place term included.
    leads = {"A": _lead(*OMSK), "B": _lead(*AMUR), "C": _lead(*DISTRICT), "D": _lead(*OMSK), "E": _lead(*NO_PLACE)}
    arts = {n: _article(n, w) for n, w in leads.items()}
    left, right, pairwise = merged_groups(arts, PLAIN)
    assert left.link(right, PLAIN) == pytest.approx(sum(pairwise) / len(pairwise))
    assert left.place_levels == {"область": 2, "район": 1} and right.place_levels == {"область": 1}
    # Stored sums give the same link; without the place sums, no place term applies.
    stored = StoryGroup.from_sums(left.members, left.vec, left.ents, left.lemmas, left.langs, left.first,
                                  left.last, places=left.places, place_levels=left.place_levels)
    assert stored.link(right, PLAIN) == pytest.approx(left.link(right, PLAIN))
    bare = StoryGroup.from_sums(left.members, left.vec, left.ents, left.lemmas, left.langs, left.first,
                                left.last)
    no_places = StoryOptions(threshold=0.75, lex_weight=0.0, entity_weight=0.0, day_weight=0.0, place_weight=0.0)
    assert bare.link(right, PLAIN) == pytest.approx(left.link(right, no_places))
    assert left.link(right, no_places) - left.link(right, PLAIN) == pytest.approx(1 / 6)  # B against D


# The real parsers on sentences written here: what the lead's tokens give.
REAL = [
    ("Синоптики обещают снег в Омской области. Ветер будет северо-западным.", {"область|омск"}),
    ("Авария произошла в Беляевском районе Одесской области. Погибли два человека.",
     {"район|беля", "область|одес"}),
    ("В отдельных западных районах ожидается снег. Ветер умеренный.", set()),
    ("Соединённые Штаты ввели санкции. Ответ последовал сразу.", set()),
    ("Синоптики обещают снег. Ветер будет северо-западным. В Омской области похолодает.", set()),
    ("Flooding hit homes in Fulton county overnight. Crews were called.", {"county|fult"}),
    ("Schools in Hubei province reopened on Wednesday. Classes resumed.", {"province|hube"}),
    ("The United States struck the Islamic State overnight. Officials confirmed it.", set()),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,places", REAL)
def test_stories_places_real_parse(analyzer, text, places):
    assert _lead_places(analyzer.analyze_text(text), 2) == places
