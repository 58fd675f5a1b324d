"""Streaming writers: the JSON document equals the batch contract; HTML names stay inside the folder."""

from __future__ import annotations

import json

import pytest

from rashomon.errors import RashomonError
from rashomon.ingest.ids import file_stem
from rashomon.model import Article
from rashomon.render import open_writer, write_output
from rashomon.serialize import analysis_dict

ERRORS = [RashomonError("E001", path="missing.txt"), RashomonError("E041", seconds=2, path="slow.txt")]


def _arts(*ids: str) -> list[Article]:
    return [Article(id=i, text=f"Text of «{i}».\n\nSecond line.", source=f"{i}.txt", title=f"T {i}") for i in ids]


@pytest.mark.parametrize("n", [0, 1, 3])
@pytest.mark.parametrize("errors", [[], ERRORS])
def test_render_streaming_json_equals_whole_document(tmp_path, n, errors):
    arts = _arts(*[f"a{i}" for i in range(n)])
    out = tmp_path / "sub" / "out.json"
    write_output(iter(arts), errors, "json", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    expected = analysis_dict(arts, [{"code": e.code, "message": str(e), "path": e.path or ""} for e in errors])
    assert doc == json.loads(json.dumps(expected, ensure_ascii=False))


def test_render_streaming_json_to_stdout_written_per_article(capsys):
    writer = open_writer("json", None)
    writer.add(_arts("first")[0])
    partial = capsys.readouterr().out
    assert '"first"' in partial  # on its way before the batch ends
    writer.add(_arts("second")[0])
    writer.close([])
    doc = json.loads(partial + capsys.readouterr().out)
    assert [a["id"] for a in doc["articles"]] == ["first", "second"]


@pytest.mark.parametrize(
    "bad_id",
    ["../../x", "a/b/c", "..", "/etc/passwd", "<script>", "a\\b", "", "x" * 300, "ok.id"],
)
def test_render_streaming_html_names_stay_in_folder(tmp_path, bad_id):
    pages = tmp_path / "deep" / "pages"
    write_output(_arts(bad_id, "other"), [], "html", pages)
    written = sorted(p.name for p in pages.iterdir())
    assert written == sorted([f"{file_stem(bad_id)}.html", "other.html"])
    everything = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert all(pages in p.parents for p in everything)  # nothing written outside the folder


@pytest.mark.parametrize(("n", "kind"), [(1, "file"), (2, "dir")])
def test_render_streaming_html_single_file_or_folder(tmp_path, n, kind):
    out = tmp_path / "page.html"
    write_output(_arts(*[f"p{i}" for i in range(n)]), [], "html", out)
    assert out.is_file() if kind == "file" else out.is_dir() and len(list(out.glob("*.html"))) == n


def test_render_streaming_text_and_unknown_format(tmp_path):
    out = tmp_path / "out.txt"
    write_output(_arts("x1", "x2"), [], "text", out)
    body = out.read_text(encoding="utf-8")
    assert "T x1" in body and "T x2" in body
    with pytest.raises(RashomonError) as info:
        open_writer("yaml", None)
    assert info.value.code == "E050"
