"""False technique flags issue 17 saw on the seeds (the seeds are read at run time).

They came from learned weights and thresholds (a country name's word weight, hyphen-dominated
word vectors, a low Russian threshold). The model trained with vec_parts, min_docs 3, the name
penalty on Cyrillic features and per-language threshold floors no longer makes "one-on-one" or
the Russian «в подготовке»; the two Flag_Waving flags go because the seed speaks of America as
a foreign power, not as its own group (techniques/groups.py).
"""

import pytest

from .conftest import SEEDS, need

pytestmark = pytest.mark.slow


def _seed(prefix: str) -> str:
    (path,) = sorted(need(SEEDS).glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def _overlapping(techs, start: int, end: int) -> set[str]:
    return {t.label for t in techs if t.start < end and start < t.end}


@pytest.mark.parametrize(
    ("phrase", "label", "why"),
    [
        ("which America", "Flag_Waving", "a country's name is not an appeal to the reader's group"),
        ("would show interest in preserving", "Flag_Waving", "'interest' after a verb is not 'national interest'"),
        ("one-on-one", "Name_Calling-Labeling", "a hyphenated word is not a label because of its hyphens"),
    ],
)
def test_seeds_false_flags_gone_on_ishchenko(detector, phrase, label, why):
    text = _seed("000")
    start = text.index(phrase)
    techs = detector.predict(text, "000", "en")
    assert label not in _overlapping(techs, start, start + len(phrase)), why


# Written for this test: "в подготовке" (in preparing) is neutral wording, not Loaded_Language.
RU_NEUTRAL = [
    "Ранее Лукашенко обвинил оппозицию в подготовке Майдана. Об этом сообщает агентство БелТА.",
    "Министерство участвует в подготовке доклада о бюджете на следующий год.",
    "Следователи подозревают задержанных в подготовке поджога склада.",
]


@pytest.mark.parametrize("text", RU_NEUTRAL, ids=["accused", "ministry", "investigators"])
def test_seeds_false_flags_ru_preparation_not_loaded(detector, text):
    start = text.index("в подготовке")
    techs = detector.predict(text, "ru-neutral", "ru")
    assert "Loaded_Language" not in _overlapping(techs, start, start + len("в подготовке"))
