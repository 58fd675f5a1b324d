"""A .json file is one JSON document: an article object or an array of them; a bad item gets its
own coded error (E018 and the per-article codes) and the other items are read."""

from __future__ import annotations

import io
import json
import sys

import pytest

from rashomon.errors import RashomonError
from rashomon.ingest import expand_sources, read_bytes, read_source, read_sources
from rashomon.model import Article
from rashomon.settings import load_options

OPTS = load_options().ingest
FIRST = {"id": "first", "text": "The mayor of Kestrel Bay said the ferry would run.", "title": "Ferry", "outlet": "Bay News"}
LAST = {"id": "last", "text": "Мэр заявил, что паром будет ходить.", "published": "2024-05-01"}


def _split(items: list) -> tuple[list[Article], list[RashomonError]]:
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, RashomonError)]


def test_ingest_json_document_one_object(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(FIRST, indent=2), encoding="utf-8")
    (art,) = list(read_source(str(path), OPTS))
    assert (art.id, art.text, art.title, art.outlet, art.source) == ("first", FIRST["text"], "Ferry", "Bay News", str(path))


# (case, the middle item, expected code). Each sits between two good items of an array.
BAD_ITEMS = [
    ("no-text", {"title": "no text"}, "E018"),
    ("blank-text", {"text": "   "}, "E018"),
    ("text-not-string", {"text": ["a", "b"]}, "E018"),
    ("string", "just a string", "E018"),
    ("number", 7, "E018"),
    ("null", None, "E018"),
    ("paragraphs-empty", {"body-paragraphs": []}, "E018"),
    ("paragraphs-blank", {"body-paragraphs": [["  "], [""]]}, "E018"),
    ("paragraphs-not-strings", {"body-paragraphs": [["One sentence."], [7]]}, "E018"),
    ("paragraphs-not-list", {"paragraphs": "One sentence."}, "E018"),
    ("blank-text-beside-paragraphs", {"text": "", "paragraphs": ["One sentence."]}, "E018"),
    ("no-letters", {"text": "12345 678"}, "E011"),
    ("id-traversal", {"id": "../x", "text": "Some text."}, "E014"),
    ("too-long", {"text": "word " * 1_080_000}, "E012"),
]


@pytest.mark.parametrize("case,item,code", BAD_ITEMS, ids=[c[0] for c in BAD_ITEMS])
def test_ingest_json_document_bad_item_among_good(tmp_path, case, item, code):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([FIRST, item, LAST], ensure_ascii=False), encoding="utf-8")
    arts, errs = _split(list(read_sources([str(path)], OPTS)))
    assert [a.id for a in arts] == ["first", "last"]
    assert [a.source for a in arts] == [f"{path}#1", f"{path}#3"]
    (err,) = errs
    assert err.code == code
    assert "\n" not in str(err) and len(str(err)) < 400 and str(path) in str(err)
    if code == "E018":
        assert "item 2" in str(err)


@pytest.mark.parametrize(
    "case,data,code",
    [
        ("not-json", b'[{"text": "A line."},\n  {oops}]', "E007"),
        ("empty-array", b"[]", "E002"),
        ("empty-file", b"", "E002"),
        ("scalar", b"42", "E018"),
        ("binary", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)), "E003"),
        ("nested-100k", b"[" * 100_000 + b"]" * 100_000, "E007"),
    ],
)
def test_ingest_json_document_bad_whole_file(tmp_path, case, data, code):
    path = tmp_path / "bad.json"
    path.write_bytes(data)
    (err,) = list(read_sources([str(path)], OPTS))
    assert isinstance(err, RashomonError) and err.code == code, err
    if case == "not-json":
        assert "line 2" in str(err)


def test_ingest_json_document_cp1251(tmp_path):
    # Not UTF-8 as JSON should be, but decoded like a .txt file rather than refused.
    path = tmp_path / "ru.json"
    path.write_bytes(json.dumps(LAST, ensure_ascii=False).encode("cp1251"))
    (art,) = list(read_source(str(path), OPTS))
    assert art.text == LAST["text"] and art.published == "2024-05-01"


def test_ingest_json_document_listed_in_folders(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(FIRST), encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4")
    assert [p.rsplit("/", 1)[-1] for p in expand_sources([str(tmp_path)])] == ["a.json"]


@pytest.mark.parametrize(
    "data,ids",
    [
        (json.dumps([FIRST, LAST]).encode(), ["first", "last"]),  # an array
        (json.dumps(FIRST, indent=2).encode(), ["first"]),  # "{" alone on the first line
        ((json.dumps(FIRST) + "\n" + json.dumps(LAST) + "\n").encode(), ["first", "last"]),  # JSON Lines
    ],
    ids=["array", "pretty-object", "jsonl"],
)
def test_ingest_json_document_sniffed(monkeypatch, data, ids):
    assert [a.id for a in read_bytes(data, "upload", OPTS)] == ids
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)), encoding="utf-8"))
    assert [a.id for a in read_sources(["-"], OPTS)] == ids


# A news-dataset record (BASIL's layout): the body is a list of paragraphs, each a list of
# sentences; `date` is the publication day and `source` the outlet.
RECORD = {"source": "bay", "title": "Ferry to run", "date": "2016-07-28", "uuid": "x1",
          "body-paragraphs": [["The mayor of Kestrel Bay said the ferry would run.", " It sails at noon. "],
                              [], ["  "], ["Critics disagreed."]]}


def test_ingest_json_document_paragraph_record(tmp_path):
    path = tmp_path / "record.json"
    path.write_text(json.dumps(RECORD), encoding="utf-8")
    (art,) = list(read_source(str(path), OPTS))
    assert art.text == ("The mayor of Kestrel Bay said the ferry would run. It sails at noon.\n\n"
                        "Critics disagreed.")
    assert (art.title, art.published, art.outlet, art.source) == ("Ferry to run", "2016-07-28", "bay", str(path))


@pytest.mark.parametrize(
    "record,text",
    [
        ({"paragraphs": ["First paragraph.", "Second one."]}, "First paragraph.\n\nSecond one."),
        ({"paragraphs": [["A.", "B."]], "body-paragraphs": [["Chosen first."]]}, "Chosen first."),
        ({"text": "Given text wins.", "paragraphs": ["Not this."]}, "Given text wins."),
    ],
    ids=["strings", "body-paragraphs-first", "text-first"],
)
def test_ingest_json_document_paragraph_layouts(tmp_path, record, text):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    (art,) = list(read_source(str(path), OPTS))
    assert art.text == text


def test_ingest_json_document_text_keeps_its_metadata_names(tmp_path):
    # An article object with `text` is not a record: `source` stays its label, `date` is not read.
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "The ferry runs.", "source": "feed-7", "date": "2016-07-28"}), encoding="utf-8")
    (art,) = list(read_source(str(path), OPTS))
    assert (art.source, art.published, art.outlet) == ("feed-7", None, None)
