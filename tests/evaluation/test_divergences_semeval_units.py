"""Divergence units over SemEval-2023 articles: `semeval/<lang>/<ID>+<ID>...` loads each article
with exactly the text (and so the offsets) the techniques corpus reader gives it."""

from __future__ import annotations

import pytest

from rashomon.evaluation.divergences import unit_documents
from rashomon.techniques.formats import read_articles
from tests.conftest import DATA, need

RU = DATA / "semeval2023" / "ru" / "train-articles-subtask-3"


@pytest.mark.parametrize(
    "unit,ids,crlf",
    [
        ("semeval/ru/24147+24148", ["24147", "24148"], True),  # CRLF files
        ("semeval/ru/24177+24178+24179", ["24177", "24178", "24179"], True),
        ("semeval/ru/24123", ["24123"], False),  # an LF file
    ],
)
def test_divergences_semeval_units_read_as_the_techniques_reader(unit, ids, crlf):
    texts = read_articles(need(RU))
    docs = unit_documents(DATA, unit)
    assert [d.id for d in docs] == [f"semeval/ru/{i}" for i in ids]
    for doc, article in zip(docs, ids):
        assert doc.text == texts[article] and ("\r\n" in doc.text) == crlf  # CRs kept: offsets count them
        assert doc.title == texts[article].split("\n", 1)[0].strip() and doc.title
        assert doc.language == "ru" and doc.outlet is None and doc.published is None


@pytest.mark.parametrize(
    "unit",
    [
        "semeval/ru/99999999+24147",  # no such article
        "semeval/ru/24147+",  # empty id
        "semeval/ru/../24147",  # not a number
        "semeval/de/24147",  # no such language
        "semeval/ru/article24147",  # the bare number, not the file stem
    ],
)
def test_divergences_semeval_units_reject_unknown_ids(unit):
    need(RU)
    with pytest.raises(KeyError):
        unit_documents(DATA, unit)
