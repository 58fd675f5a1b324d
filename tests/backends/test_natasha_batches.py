"""Paragraphs parsed together by the natasha backend get exactly the parse each gets alone through natasha's Doc."""

from __future__ import annotations

import pytest

from tests.conftest import DATA, FIXTURES, need

TRICKY = [
    "Привет.",
    "ЖИТЕЛИ В ВОСТОРГЕ. А.Б. Лукашенко заявил: «Нет!» — и ушёл.",
    "𗀀 Тангут и Минск",  # a letter without a Unicode name: lemma and normal form fall back
    "x" * 50,
    "Президент России Владимир Путин прибыл в Минск, где встретился с Александром Лукашенко.",
]


@pytest.fixture(scope="module")
def backend():
    from rashomon.backends.natasha_ru import NatashaBackend

    return NatashaBackend()


def alone(backend, text):
    """One paragraph as natasha's README runs a document, converted as the backend converts."""
    from natasha import Doc

    doc = Doc(text)
    doc.segment(backend.segmenter)
    doc.tag_morph(backend.morph)
    doc.parse_syntax(backend.syntax)
    doc.tag_ner(backend.ner)
    return backend._convert(doc)


@pytest.mark.slow
def test_natasha_batches_same_as_alone(backend, monkeypatch):
    paras = list(TRICKY) + (FIXTURES / "ru_summit.txt").read_text(encoding="utf-8").splitlines()
    files = sorted(need(DATA / "semeval2023" / "ru" / "train-articles-subtask-3").glob("article*.txt"))[:12]
    paras += [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    paras = [p for p in paras if p.strip()]  # the parser never sends blank text (parse.chunk_spans)
    assert len(paras) > 100
    want = [alone(backend, p) for p in paras]
    assert backend.parse_many(paras) == want
    monkeypatch.setattr("rashomon.backends.natasha_ru.BATCH_CHARS", 300)  # many groups, cut anywhere
    assert backend.parse_many(paras) == want
    assert [backend.parse(p) for p in paras[:5]] == want[:5]
