"""JSONL is read per line: each bad line gets its own coded error and the other lines go on."""

from __future__ import annotations

import codecs
import io
import json
import sys

import pytest

from rashomon.errors import RashomonError
from rashomon.ingest import read_bytes, read_source, read_sources
from rashomon.model import Article
from rashomon.settings import load_options

OPTS = load_options().ingest
GOOD1 = json.dumps({"text": "The mayor of Kestrel Bay said the ferry would run.", "id": "first"})
GOOD2 = json.dumps({"text": "Мэр заявил, что паром будет ходить.", "id": "last"})

# (case, the middle line, expected code). Each is written between two good lines.
BAD_LINES = [
    # 5.4 million characters: spaCy raised E088 on it and the batch was lost
    ("text-5.4M-chars", json.dumps({"text": "word " * 1_080_000}), "E012"),
    ("nested-100k-lists", "[" * 100_000 + "]" * 100_000, "E013"),
    ("nested-100k-objects", '{"a":' * 100_000 + "1" + "}" * 100_000, "E013"),
    ("nested-in-text-field", '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "E013"),
    ("array", '["a list", "not an object"]', "E013"),
    ("string", '"just a string"', "E013"),
    ("number", "7", "E013"),
    ("null", "null", "E013"),
    ("int-over-4300-digits", '{"text": "x", "n": ' + "1" * 5000 + "}", "E007"),
    ("not-json", "{not json", "E007"),
    ("no-text", '{"title": "no text"}', "E008"),
    ("text-not-string", '{"text": ["a", "b"]}', "E008"),
    ("paragraphs-empty", '{"body-paragraphs": []}', "E008"),
    ("paragraphs-not-strings", '{"paragraphs": [["A sentence."], [1]]}', "E008"),
    ("paragraphs-no-letters", '{"paragraphs": ["12345", "678"]}', "E011"),
    ("no-letters", '{"text": "12345 678"}', "E011"),
    ("id-traversal", json.dumps({"id": "../../../../tmp/x", "text": "Some text."}), "E014"),
    ("id-slashes", json.dumps({"id": "a/b/c", "text": "Some text."}), "E014"),
    ("id-script", json.dumps({"id": "<script>", "text": "Some text."}), "E014"),
    ("id-empty", json.dumps({"id": "", "text": "Some text."}), "E014"),
    ("id-dotfile", json.dumps({"id": ".hidden", "text": "Some text."}), "E014"),
    ("id-dotdot", json.dumps({"id": "a..b", "text": "Some text."}), "E014"),
    ("id-too-long", json.dumps({"id": "x" * 129, "text": "Some text."}), "E014"),
    ("id-bool", json.dumps({"id": True, "text": "Some text."}), "E014"),
    ("id-list", json.dumps({"id": [1], "text": "Some text."}), "E014"),
    ("id-float", json.dumps({"id": 1.5, "text": "Some text."}), "E014"),
    ("id-nul", json.dumps({"id": "a\u0000b", "text": "Some text."}), "E014"),
    ("id-newline", json.dumps({"id": "a\nb", "text": "Some text."}), "E014"),
]


@pytest.mark.parametrize("case,line,code", BAD_LINES, ids=[c[0] for c in BAD_LINES])
def test_ingest_jsonl_bad_line_among_good(tmp_path, case, line, code):
    path = tmp_path / "batch.jsonl"
    path.write_text(f"{GOOD1}\n{line}\n{GOOD2}\n", encoding="utf-8")
    items = list(read_sources([str(path)], OPTS))
    assert [i.id for i in items if isinstance(i, Article)] == ["first", "last"]
    (err,) = [i for i in items if isinstance(i, RashomonError)]
    assert err.code == code
    message = str(err)
    assert "\n" not in message and len(message) < 400  # one line, never the whole input echoed
    assert f"{path}:2" in message or ("line 2" in message and str(path) in message)


@pytest.mark.parametrize(
    "given,expected",
    [(7, "7"), (0, "0"), ("7", "7"), ("my-id_2.v1", "my-id_2.v1"), ("A" * 128, "A" * 128), (None, None)],
)
def test_ingest_jsonl_valid_ids_kept(given, expected):
    body = {"text": "The council met on Tuesday."}
    if given is not None:
        body["id"] = given
    (art,) = list(read_bytes(json.dumps(body).encode(), "up.jsonl", OPTS, kind="jsonl"))
    assert isinstance(art, Article)
    assert art.id == expected if expected is not None else len(art.id) == 12  # content hash


def test_ingest_jsonl_line_separators_are_not_line_ends(tmp_path):
    # U+2028/U+2029 (and NEL, form feed, \r alone) are valid inside a JSON string, written raw by
    # ensure_ascii=False, e.g. by `rashomon export`: they must not split the line.
    texts = ["First\u2028line two\u2029para.", "Second\x85with NEL\x0cand FF\rand CR."]
    data = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    path = tmp_path / "export.jsonl"
    path.write_bytes(data.encode("utf-8"))
    items = list(read_source(str(path), OPTS))
    assert [a.text for a in items] == texts


def test_ingest_jsonl_crlf_line_ends(tmp_path):
    path = tmp_path / "win.jsonl"
    path.write_bytes(b'{"text": "One line."}\r\n\r\n{"text": "Two lines."}\r\n')
    assert [a.text for a in read_source(str(path), OPTS)] == ["One line.", "Two lines."]


def test_ingest_jsonl_max_bytes_applies_per_line(tmp_path):
    small = load_options(ingest={"max_bytes": 200}).ingest
    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"text": f"Article number {i} about the harbour."}) for i in range(50)]
    lines[10] = json.dumps({"text": "word " * 100})  # one line over 200 bytes
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 2000  # the file as a whole is far over the limit
    items = list(read_source(str(path), small))
    errs = [i for i in items if isinstance(i, RashomonError)]
    assert [e.code for e in errs] == ["E005"] and f"{path}:11" in str(errs[0])
    assert len([i for i in items if isinstance(i, Article)]) == 49


def test_ingest_jsonl_oversized_last_line_without_newline(tmp_path):
    small = load_options(ingest={"max_bytes": 100}).ingest
    path = tmp_path / "tail.jsonl"
    path.write_text('{"text": "Short one."}\n' + json.dumps({"text": "x" * 5000}), encoding="utf-8")
    items = list(read_source(str(path), small))
    assert isinstance(items[0], Article) and items[1].code == "E005"


def test_ingest_jsonl_max_chars_per_line(tmp_path):
    opts = load_options(ingest={"max_chars": 100}).ingest
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": "a" * 101}) + "\n" + json.dumps({"text": "a" * 100}) + "\n", encoding="utf-8")
    items = list(read_source(str(path), opts))
    assert items[0].code == "E012" and "101" in str(items[0]) and isinstance(items[1], Article)


@pytest.mark.parametrize(
    "case,data,code",
    [
        ("blank-lines-only", b"\n \n\r\n", "E002"),
        ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "E003"),
    ],
)
def test_ingest_jsonl_bad_whole_file(tmp_path, case, data, code):
    path = tmp_path / "f.jsonl"
    path.write_bytes(data)
    with pytest.raises(RashomonError) as info:
        list(read_source(str(path), OPTS))
    assert info.value.code == code


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "cp1251"])
def test_ingest_jsonl_encodings(tmp_path, encoding):
    text = "Президент заявил:\u2028«Это важно»."
    raw = (json.dumps({"text": text}, ensure_ascii=False) + "\n" + json.dumps({"text": "Second."}) + "\n")
    if encoding == "cp1251":
        raw = raw.replace("\u2028", " ")
        text = text.replace("\u2028", " ")
    path = tmp_path / "e.jsonl"
    path.write_bytes(raw.encode(encoding))
    assert [a.text for a in read_source(str(path), OPTS)] == [text, "Second."]


def test_ingest_jsonl_utf8_bom_with_separators():
    data = codecs.BOM_UTF8 + json.dumps({"text": "A\u2028B"}, ensure_ascii=False).encode()
    (art,) = list(read_bytes(data, "upload", OPTS))
    assert art.text == "A\u2028B"


def test_ingest_jsonl_stdin_streams_per_line(monkeypatch):
    lines = [GOOD1, "[" * 100_000, json.dumps({"text": "Third\u2028article."}, ensure_ascii=False), GOOD2]
    stdin = io.TextIOWrapper(io.BufferedReader(io.BytesIO("\n".join(lines).encode())), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    items = list(read_sources(["-"], OPTS))
    assert [type(i).__name__ for i in items] == ["Article", "RashomonError", "Article", "Article"]
    assert items[1].code == "E013" and items[2].text == "Third\u2028article."


def test_ingest_jsonl_paragraph_record_line(tmp_path):
    # BASIL's layout on one line: paragraphs of sentences, its `date` and its outlet in `source`.
    record = {"source": "bay", "date": "2016-07-28", "title": "Ferry",
              "body-paragraphs": [["The ferry runs.", "It sails at noon."], ["Critics disagreed."]]}
    path = tmp_path / "records.jsonl"
    path.write_text(f"{GOOD1}\n{json.dumps(record)}\n", encoding="utf-8")
    first, second = list(read_sources([str(path)], OPTS))
    assert first.id == "first"
    assert second.text == "The ferry runs. It sails at noon.\n\nCritics disagreed."
    assert (second.published, second.outlet, second.title, second.source) == ("2016-07-28", "bay", "Ferry", f"{path}:2")
