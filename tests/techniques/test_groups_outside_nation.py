"""A nation the article keeps outside is no in-group: its sentence loses Flag_Waving evidence.

Every text here is written for the test. The checked sentence is marked with [[...]] (the
marks are removed before the check); each case says which sentences' verdict it checks.
"""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.techniques.features import split_sentences
from rashomon.techniques.groups import outside_nation_sentences

# An analyst writing about Belarus, naming America once as a foreign power.
BELARUS = (
    "Belarus is drifting. Minsk wants Belarusian independence, and Belarus cannot rely on Russia. "
    "Belarus will choose. "
)


def _verdict(text: str, lang: str) -> bool:
    """The verdict of the sentence between [[ and ]]."""
    start = text.index("[[")
    clean = text.replace("[[", "").replace("]]", "")
    sents = split_sentences(clean)
    (k,) = [i for i, (s, e) in enumerate(sents) if s <= start < e]
    return outside_nation_sentences(clean, lang, sents)[k]


@pytest.mark.parametrize(
    ("text", "lang", "outside", "why"),
    [
        (BELARUS + "[[In that case America would show interest in preserving the regimes.]]", "en", True,
         "America as a foreign actor in an article about Belarus"),
        (BELARUS + "[[The US prefers to take, not give.]]", "en", True,
         "'US' in capitals is the country, not the pronoun 'us'"),
        # Negative cases: an appeal to the writer's own nation keeps its evidence.
        (BELARUS + "[[We Americans will never bow to anyone.]]", "en", False, "'we' is a group word"),
        (BELARUS + "[[Our nation and America come first.]]", "en", False, "'our nation' is a group word"),
        ("Our America is strong. Russia tests it. Russia waits. [[America will never bow.]]", "en", False,
         "'Our America' makes America the article's own, wherever else it is named"),
        ("America is great. Americans built it. [[America will never bow to Russia.]]", "en", False,
         "the most-named nation is the article's home"),
        (BELARUS + "[[Thank you, fellow Americans.]]", "en", False, "'fellow' makes the nation ours"),
        (BELARUS + "[[The weather turned cold in the evening.]]", "en", False, "no nation named: nothing to judge"),
        (BELARUS + "[[The U.S. prefers to take, not give.]]", "en", True, "an abbreviation with dots is a name"),
        (BELARUS + "[[The Prussian army marched on.]]", "en", False, "'Russian' inside 'Prussian' names no nation"),
        ("Беларусь выбирает. Минск ждёт. Беларусь устала. Белорусские власти молчат. [[США проявят интерес к сохранению режимов.]]", "ru",
         True, "США as a foreign actor in an article about Belarus"),
        ("Беларусь выбирает. Минск ждёт. Беларусь устала. Белорусские власти молчат. [[Наша Россия никогда не отступит.]]", "ru", False,
         "«наша» is a group word"),
    ],
)
def test_groups_outside_nation_verdict(text, lang, outside, why):
    assert _verdict(text, lang) is outside, why


def test_groups_outside_nation_one_verdict_per_sentence():
    text = BELARUS + "America would show interest."
    sents = split_sentences(text)
    out = outside_nation_sentences(text, "en", sents)
    assert len(out) == len(sents)
    # Belarus is the article's home; only the America sentence is outside.
    assert out == [False] * (len(sents) - 1) + [True]


@pytest.mark.parametrize("lang", ["be", "uk", "fr"])
def test_groups_outside_nation_other_languages_do_not_fail(lang):
    text = "Belarus waits. America would show interest."
    assert len(outside_nation_sentences(text, lang, split_sentences(text))) == 2


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "quiet"),
    [
        (BELARUS + "In that case America would show interest in preserving the regimes.", True),
        # Negative case: an American writer's appeal to the nation keeps the model's evidence.
        ("Our nation is strong. Our America will never surrender to Russia.", False),
    ],
)
def test_groups_outside_nation_model_flag_waving(detector, text, quiet):
    """The shipped model's Flag_Waving probability is zero only in a sentence kept outside."""
    import rashomon.techniques.model as model_mod

    model = detector.model
    j = model.labels.index("Flag_Waving")
    sents = split_sentences(text)
    gated = model.score(text, "en", sents)
    saved = model_mod.GROUP_LABELS
    try:
        model_mod.GROUP_LABELS = ()
        plain = model.score(text, "en", sents)
    finally:
        model_mod.GROUP_LABELS = saved
    last = gated.sent_of == len(sents) - 1
    if quiet:
        assert gated.sent_prob[-1, j] < 1e-6 and gated.token_prob[last, j].max() < 1e-6
        assert plain.token_prob[last, j].max() > 1e-3  # the gate, not the model, made it zero
    else:
        np.testing.assert_array_equal(gated.token_prob[:, j], plain.token_prob[:, j])
        np.testing.assert_array_equal(gated.sent_prob[:, j], plain.sent_prob[:, j])
    # Other techniques are never touched.
    others = [k for k in range(len(model.labels)) if k != j]
    np.testing.assert_array_equal(gated.token_prob[:, others], plain.token_prob[:, others])


@pytest.mark.slow
def test_groups_outside_nation_appeal_still_flags(detector):
    """An American writer's appeal to 'our nation' and America is still Flag_Waving."""
    text = "Our great nation will never kneel. God bless America and our troops, and we the people will stand."
    techs = detector.predict(text, "appeal", "en")
    assert "Flag_Waving" in {t.label for t in techs}
