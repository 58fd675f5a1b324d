"""Bad input gets a clear, coded error and loses nothing; odd-but-valid input is read exactly."""

from __future__ import annotations

import codecs

import pytest

from rashomon.errors import RashomonError
from rashomon.ingest import read_source, read_sources
from rashomon.model import Article
from rashomon.settings import load_options

RU = "Президент заявил, что переговоры продолжатся. «Это важно», — сказал он.\nВторая строка.\n"
# KOI8-R has no « » or em dash, so its case uses straight quotes.
RU_KOI = "Президент заявил, что переговоры продолжатся. \"Это важно\", - сказал он.\nВторая строка.\n"
EN = "The minister said talks would go on.\r\nA second line with “curly quotes”.\n"

OPTS = load_options().ingest

# (case id, file name, bytes, expected error code or None, expected text or None)
CASES = [
    ("empty", "a.txt", b"", "E002", None),
    ("whitespace-only", "a.txt", b"  \n\t\r\n ", "E002", None),
    ("binary-png", "a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "E003", None),
    ("binary-nul", "a.txt", b"text\x00\x00\x01\x02more", "E003", None),
    ("digits-only", "a.txt", b"12345 678\n", "E011", None),
    ("unsupported-suffix", "a.pdf", b"%PDF-1.4", "E010", None),
    ("utf8", "a.txt", RU.encode("utf-8"), None, RU),
    ("utf8-bom", "a.txt", codecs.BOM_UTF8 + RU.encode("utf-8"), None, RU),
    ("utf16-bom", "a.txt", RU.encode("utf-16"), None, RU),
    ("utf16le-no-bom", "a.txt", EN.encode("utf-16-le"), None, EN),
    ("cp1251", "a.txt", RU.encode("cp1251"), None, RU),
    ("koi8-r", "a.txt", RU_KOI.encode("koi8-r"), None, RU_KOI),
    ("crlf-kept", "a.txt", EN.encode("utf-8"), None, EN),
    ("unbalanced-quotes", "a.txt", "He said “this never ends. And «then.\n".encode(), None, "He said “this never ends. And «then.\n"),
    ("mixed-languages", "a.txt", (EN + RU).encode(), None, EN + RU),
    ("broken-html", "a.html", b"<html><body><p>Minister <b>said talks <i>would go on</p><div>unclosed", None, None),
    ("html-no-text", "a.html", b"<html><head><script>var a=1;</script></head><body></body></html>", "E006", None),
    ("html-empty", "a.htm", b"", "E002", None),
    ("jsonl-empty", "a.jsonl", b"\n\n", "E002", None),
    # a lone surrogate escape: kept as U+FFFD, one character for one (offsets unchanged)
    ("jsonl-lone-surrogate", "a.jsonl", b'{"text": "Putin said \\ud800 it.", "title": "x\\udfff"}\n', None,
     "Putin said \ufffd it."),
]


@pytest.mark.parametrize("case,name,data,code,text", CASES, ids=[c[0] for c in CASES])
def test_ingest_bad_inputs_table(tmp_path, case, name, data, code, text):
    path = tmp_path / name
    path.write_bytes(data)
    if code is not None:
        with pytest.raises(RashomonError) as info:
            list(read_source(str(path), OPTS))
        assert info.value.code == code
        assert str(path) in str(info.value)  # one line naming the file
        assert "\n" not in str(info.value)
        return
    (art,) = list(read_source(str(path), OPTS))
    assert isinstance(art, Article)
    if text is not None:
        assert art.text == text
    else:
        assert "Minister" in art.text


def test_ingest_bad_inputs_missing_file(tmp_path):
    with pytest.raises(RashomonError) as info:
        list(read_source(str(tmp_path / "nope.txt"), OPTS))
    assert info.value.code == "E001"


def test_ingest_bad_inputs_oversized(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 400, encoding="utf-8")
    small = load_options(ingest={"max_bytes": 1000}).ingest
    with pytest.raises(RashomonError) as info:
        list(read_source(str(path), small))
    assert info.value.code == "E005"
    assert "1000" in str(info.value)


def test_ingest_bad_inputs_directory_keeps_going(tmp_path):
    (tmp_path / "a_good.txt").write_text("First good article about a summit.\n", encoding="utf-8")
    (tmp_path / "b_bad.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c_good.txt").write_text("Второй материал о встрече.\n", encoding="utf-8")
    (tmp_path / "sub" / "d_empty.txt").write_bytes(b"")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # unknown suffix inside a directory: skipped
    items = list(read_sources([str(tmp_path)], OPTS))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, RashomonError)]
    assert [a.text.split()[0] for a in arts] == ["First", "Второй"]
    assert sorted(e.code for e in errs) == ["E002", "E003"]


def test_ingest_bad_inputs_jsonl_bad_line_among_good(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"text": "One article.", "title": "T1", "outlet": "Daily"}\n'
        "{not json\n"
        '{"title": "no text"}\n'
        '{"text": "Two article.", "id": "my-id", "published": "2021-04-22"}\n',
        encoding="utf-8",
    )
    items = list(read_source(str(path), OPTS))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, RashomonError)]
    assert [a.text for a in arts] == ["One article.", "Two article."]
    assert arts[0].title == "T1" and arts[0].outlet == "Daily"
    assert arts[1].id == "my-id" and arts[1].published == "2021-04-22"
    assert [e.code for e in errs] == ["E007", "E008"]


def test_ingest_bad_inputs_lone_surrogate_is_analysed(analyzer):
    art = analyzer.analyze_text("Vladimir Putin said \ud800 the talks in Minsk failed.")
    assert art.text == "Vladimir Putin said \ufffd the talks in Minsk failed."
    assert art.meta["replaced_surrogates"] == 1 and art.entities
