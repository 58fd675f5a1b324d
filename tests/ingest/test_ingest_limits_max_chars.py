"""ingest.max_chars (E012) holds at every door: text, HTML, JSONL, stdin, uploads (read_bytes)."""

from __future__ import annotations

import io
import sys

import pytest

from rashomon.errors import RashomonError
from rashomon.ingest import read_bytes, read_source, read_sources
from rashomon.model import Article
from rashomon.settings import load_options

SMALL = load_options(ingest={"max_chars": 60}).ingest
LONG = "The council met on Tuesday and voted for a new ferry timetable. " * 3  # 195 characters
SHORT = "The council met on Tuesday."
DOORS = {
    "text": lambda t: t.encode(),
    "html": lambda t: f"<html><body><article><p>{t}</p></article></body></html>".encode(),
    "jsonl": lambda t: ('{"text": "%s"}\n' % t).encode(),
}


@pytest.mark.parametrize("kind", sorted(DOORS))
@pytest.mark.parametrize("door", ["file", "upload", "stdin"])
def test_ingest_limits_max_chars_every_door(tmp_path, monkeypatch, kind, door):
    results = {}
    for label, text in (("long", LONG), ("short", SHORT)):
        data = DOORS[kind](text)
        if door == "file":
            path = tmp_path / f"{label}.{'txt' if kind == 'text' else kind}"
            path.write_bytes(data)
            items = list(read_sources([str(path)], SMALL))
        elif door == "upload":
            try:
                items = list(read_bytes(data, "upload", SMALL, kind=kind))
            except RashomonError as err:
                items = [err]
        else:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
            items = list(read_sources(["-"], SMALL))
        results[label] = items
    (err,) = results["long"]
    assert isinstance(err, RashomonError) and err.code == "E012" and "max_chars" in str(err)
    (art,) = results["short"]
    assert isinstance(art, Article) and art.text.strip() == SHORT


def test_ingest_limits_max_chars_default_is_spacy_limit(tmp_path):
    opts = load_options().ingest
    assert opts.max_chars == 1_000_000
    path = tmp_path / "huge.txt"
    path.write_text("word " * 200_001, encoding="utf-8")  # 1,000,005 characters, within max_bytes
    with pytest.raises(RashomonError) as info:
        list(read_source(str(path), opts))
    assert info.value.code == "E012" and "1000005" in str(info.value)
