"""Rule layer: en/ru cue lexicons fire on what they list, across inflections, and not on neutral news."""

import pytest

from rashomon.techniques.lexicon import FAMILIES, lexicon


def labels_of(text: str, lang: str) -> set[str]:
    return {h.label for h in lexicon(lang).find(text)}


@pytest.mark.parametrize(
    "text, label",
    [
        ("The so-called reforms changed nothing for the villagers.", "Doubt"),
        ("The minister allegedly met the envoy twice.", "Doubt"),
        ("It is no coincidence that the strike began the same week.", "Causal_Oversimplification"),
        ("The illegitimate ruler addressed a half-empty hall.", "Name_Calling-Labeling"),
        ("The governor and his camarilla divided the contracts.", "Loaded_Language"),
        ("There is more at stake than a seat in parliament.", "Appeal_to_Fear-Prejudice"),
        ("And what about the bombing of the port last year?", "Whataboutism"),
    ],
)
def test_lexicon_rules_english_cues_fire(text, label):
    assert label in labels_of(text, "en")


@pytest.mark.parametrize(
    "text, label",
    [
        ("Депутат якобы получил письмо от министра.", "Doubt"),
        ("Так называемые реформы ничего не изменили.", "Doubt"),
        ("Неслучайно забастовка началась именно сейчас.", "Causal_Oversimplification"),
        ("Власть захватила военная хунта.", "Name_Calling-Labeling"),
        ("Страной правит хунтой назначенный совет.", "Name_Calling-Labeling"),
        ("Нелегитимный правитель выступил с обращением.", "Name_Calling-Labeling"),
    ],
)
def test_lexicon_rules_russian_cues_fire_across_inflections(text, label):
    assert label in labels_of(text, "ru")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The ministry said on Tuesday that the meeting would take place in Vienna.", "en"),
        ("The committee will publish its report in March.", "en"),
        ("Министерство сообщило во вторник, что встреча пройдет в Вене.", "ru"),
    ],
)
def test_lexicon_rules_neutral_sentences_have_no_cue(text, lang):
    assert labels_of(text, lang) == set()


def test_lexicon_rules_hits_slice_the_text_and_name_their_list():
    text = "Reporters met the self-proclaimed mayor on Monday."
    (hit,) = lexicon("en").find(text)
    assert text[hit.start : hit.end] == "self-proclaimed mayor"
    assert hit.family == "name_calling" and hit.label == FAMILIES["name_calling"][0]


def test_lexicon_rules_lemmas_from_the_parser_extend_matches():
    text = "They saw several usurpers."
    lemmas = {(text.index("usurpers"), text.index("usurpers") + 8): "usurper"}
    assert any(h.family == "name_calling" for h in lexicon("en").find(text, lemmas))


@pytest.mark.parametrize(
    ("with_lemma", "expected"),
    [(True, ["не совпадения"]), (False, [])],
)
def test_lexicon_rules_second_word_matches_by_its_lemma(with_lemma, expected):
    """An entry's second word is checked before the entry is tried, by the word and by its lemma."""
    text = "Это вовсе не совпадения итог."
    i = text.index("совпадения")
    lemmas = {(i, i + len("совпадения")): "совпадение"} if with_lemma else None
    assert [text[h.start : h.end] for h in lexicon("ru").find(text, lemmas) if h.family == "conspiracy"] == expected


def test_lexicon_rules_repeated_words_same_hits():
    """Candidates are remembered per word: a text read twice, or repeating its words, finds the same."""
    text = "The only way out. The real reason. The only way out. The real reason."
    first = [(h.family, h.start, h.end) for h in lexicon("en").find(text)]
    assert first == [(h.family, h.start, h.end) for h in lexicon("en").find(text)]
    assert len(first) == 4
