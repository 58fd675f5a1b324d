"""The attribution dev-set reader: offsets into corpus texts read at run time, split by article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon.evaluation.attribution_set import (article_key, check_attribution_set, document_text,
                                                 read_attribution_set, split_of)

SEMEVAL = "Глава ведомства заявил, что решение примут завтра.\r\nВторой абзац: «Мы готовы», — сказал он.\n"
TG_FIRST = "По словам министра, поставки возобновятся в мае."
TG_SECOND = "Как сообщает агентство, поставки возобновятся летом."


@pytest.fixture()
def corpora(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "semeval2023" / "ru" / "train-articles-subtask-3"
    folder.mkdir(parents=True)
    (folder / "article1.txt").write_bytes(SEMEVAL.encode("utf-8"))  # CRLF kept: offsets count it
    tg = tmp_path / "data" / "tgcontest_ru_dev"
    tg.mkdir()
    lines = [{"lang": "ru", "first_text": "Другое.", "second_text": "Ещё другое."},
             {"lang": "ru", "first_text": TG_FIRST, "second_text": TG_SECOND}]
    (tg / "pairs.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    return tmp_path / "data"


def _span(text: str, part: str) -> list[int]:
    start = text.index(part)
    return [start, start + len(part)]


def _write(folder: Path, records: list[dict]) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "x.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("doc, expected", [
    ("semeval-ru/article1", SEMEVAL),
    ("tg/2/first", TG_FIRST),
    ("tg/2/second", TG_SECOND),
])
def test_attribution_set_document_text(corpora: Path, doc: str, expected: str) -> None:
    assert document_text(corpora, doc) == expected


@pytest.mark.parametrize("doc", ["semeval-ru/missing", "tg/9/first", "tg/2/third", "other/1", "semeval-ru/a/b"])
def test_attribution_set_document_text_unknown(corpora: Path, doc: str) -> None:
    with pytest.raises((KeyError, OSError)):
        document_text(corpora, doc)


def test_attribution_set_read_offsets(corpora: Path, tmp_path: Path) -> None:
    att = {"doc": "semeval-ru/article1", "source": [_span(SEMEVAL, "Глава ведомства")],
           "cue": [_span(SEMEVAL, "заявил")], "content": [_span(SEMEVAL, "решение примут завтра")]}
    quote = {"doc": "semeval-ru/article1", "source": [_span(SEMEVAL, "он")], "cue": [_span(SEMEVAL, "сказал")],
             "content": [_span(SEMEVAL, "«Мы готовы»")]}
    folder = _write(tmp_path / "set", [{"doc": "semeval-ru/article1", "annotated": True}, att, quote,
                                       {"doc": "tg/2/first", "annotated": True}])
    docs = list(read_attribution_set(corpora, folder))
    assert [d.name for d in docs] == ["semeval-ru/article1", "tg/2/first"]
    first = docs[0]
    s, e = first.attributions[1].content[0]
    assert first.text[s:e] == "«Мы готовы»"  # past a CRLF: no newline translation
    assert docs[1].attributions == []  # declared, none found: still scored
    assert list(check_attribution_set(corpora, folder)) == []


@pytest.mark.parametrize("record, problem", [
    ({"doc": "tg/2/first", "cue": [[0, 9]], "content": [[100, 120]]}, "bad content span"),
    ({"doc": "tg/2/first", "cue": [[0, 9]], "content": []}, "no content"),
    ({"doc": "tg/2/first", "cue": [[0, 10]], "content": [[11, 20]]}, "white space"),
    ({"doc": "tg/2/second", "cue": [[0, 3]], "content": [[4, 10]]}, "not declared"),
])
def test_attribution_set_check_finds(corpora: Path, tmp_path: Path, record: dict, problem: str) -> None:
    folder = _write(tmp_path / "set", [{"doc": "tg/2/first", "annotated": True}, record])
    assert any(problem in p for p in check_attribution_set(corpora, folder))


def test_attribution_set_check_unknown_document(corpora: Path, tmp_path: Path) -> None:
    folder = _write(tmp_path / "set", [{"doc": "tg/7/first", "annotated": True}])
    assert list(check_attribution_set(corpora, folder)) == ["tg/7/first: unknown document"]


def test_attribution_set_split_by_article() -> None:
    assert article_key("tg/12/first") == article_key("tg/12/second") == "tg/12"
    assert split_of("tg/12/first") == split_of("tg/12/second")
    docs = [f"semeval-ru/article{n}" for n in range(200)]
    tune = sum(split_of(d) == "tune" for d in docs)
    assert 70 < tune < 130  # about half each, fixed by the id
    assert {split_of(d) for d in docs} == {"tune", "test"}


_ROOT = Path(__file__).resolve().parents[2]
_DATA = _ROOT.parent / "shared" / "data"


@pytest.mark.skipif(not (_DATA / "semeval2023").is_dir(), reason="../shared/data is absent: the sets point into it")
@pytest.mark.parametrize("folder", ["attribution_ru", "attribution_ru_fresh/study", "attribution_ru_fresh/hold",
                                    "attribution_ru_fresh/hold2", "attribution_ru_fresh/hold3",
                                    "attribution_ru_fresh/hold4", "attribution_ru_fresh/hold5",
                                    "attribution_ru_fresh/hold6", "attribution_ru_fresh/hold7"])
def test_attribution_set_shipped_sets_check(folder: str) -> None:
    # Every shipped record points at a real document with spans inside it, and nothing but
    # offsets and labels is stored.
    path = _ROOT / "benchmarks" / folder
    assert list(check_attribution_set(_DATA, path)) == []
    for line in "".join(p.read_text(encoding="utf-8") for p in sorted(path.glob("*.jsonl"))).splitlines():
        assert set(json.loads(line)) <= {"doc", "annotated", "source", "cue", "content"}


def test_attribution_set_fresh_documents_are_new() -> None:
    # The fresh set holds only articles the dev set never annotated.
    def docs(folder: str) -> set[str]:
        return {json.loads(line)["doc"] for p in (_ROOT / "benchmarks" / folder).glob("*.jsonl")
                for line in p.read_text(encoding="utf-8").splitlines() if line.strip()}
    parts = [docs(f"attribution_ru_fresh/{p}") for p in ("study", "hold", "hold2", "hold3", "hold4", "hold5", "hold6", "hold7")]
    fresh = set().union(*parts)
    assert len(fresh) == sum(len(p) for p in parts) == 47  # no article in two parts; every SemEval-2023 ru article is annotated
    assert not fresh & docs("attribution_ru")
