"""`Analyzer.pipe` reads mixed sources in order, skips what `exclude` knows (asked per chunk),
counts inputs for progress, and never builds the pipeline in this process for `jobs=N`."""

from __future__ import annotations

import pytest

from rashomon import batch
from rashomon.api import Analyzer
from rashomon.batch import Skipped
from rashomon.errors import RashomonError
from rashomon.ingest.ids import content_hash
from rashomon.model import Article
from rashomon.settings import load_options

LIGHT = ["segment"]


def _art(name: str, text: str) -> Article:
    return Article(id=name, text=text, source=f"{name}.txt")


def _summary(results) -> list[str]:
    out = []
    for r in results:
        if isinstance(r, Skipped):
            out.append(f"skip:{r.article.id}")
        elif isinstance(r, RashomonError):
            out.append(r.code)
        else:
            out.append(r.id)
    return out


@pytest.fixture()
def folder(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("Alpha article.\n\nFirst text.", encoding="utf-8")
    (src / "sub" / "b.txt").write_text("Beta article.\n\nSecond text.", encoding="utf-8")
    (src / "notes.md").write_text("not an input suffix", encoding="utf-8")
    return src


@pytest.mark.parametrize("jobs", [None, 1])
def test_batch_pipe_mixed_sources_in_input_order(folder, tmp_path, jobs):
    ready = _art("ready", "A ready article.\n\nIts second paragraph.")
    sources = [ready, folder, str(tmp_path / "missing.txt"), RashomonError("E002", path="x.txt"),
               folder / "a.txt"]
    results = list(Analyzer(load_options(), LIGHT).pipe(sources, jobs=jobs))
    names = [r.source.rsplit("/", 1)[-1] if isinstance(r, Article) else r.code for r in results]
    assert names == ["ready.txt", "a.txt", "b.txt", "E001", "E002", "a.txt"]
    assert all(r.done == LIGHT and r.paragraphs for r in results if isinstance(r, Article))


@pytest.mark.parametrize("jobs", [None, 1])
@pytest.mark.parametrize(
    ("known", "expected"),
    [
        (set(), ["one", "two", "skip:two-again", "three"]),  # a repeat in the batch is skipped too
        ({"Text two."}, ["one", "skip:two", "skip:two-again", "three"]),
        ({"Text one.", "Text two.", "Text three."}, ["skip:one", "skip:two", "skip:two-again", "skip:three"]),
    ],
)
def test_batch_pipe_exclude_skips_known_and_repeated_texts(jobs, known, expected):
    items = [_art("one", "Text one."), _art("two", "Text two."), _art("two-again", "Text two."),
             _art("three", "Text three.")]
    stored = {content_hash(t) for t in known}
    analyzer = Analyzer(load_options(), LIGHT)
    results = list(analyzer.pipe(items, jobs=jobs, exclude=lambda hashes: stored & set(hashes)))
    assert _summary(results) == expected
    if jobs is None and not any(isinstance(r, Article) for r in results):
        assert analyzer._pipeline is None  # nothing new: no pipeline (no model) was built


def test_batch_pipe_without_exclude_analyses_repeats():
    items = [_art("one", "Text one."), _art("again", "Text one.")]
    assert _summary(Analyzer(load_options(), LIGHT).pipe(items)) == ["one", "again"]


def test_batch_pipe_exclude_is_asked_per_chunk_as_the_stream_goes():
    asked: list[int] = []
    pulled: list[int] = []

    def source():
        for i in range(3 * batch.CHUNK + 5):
            pulled.append(i)
            yield _art(f"a{i}", f"Article number {i}.")

    def exclude(hashes):
        hashes = list(hashes)
        asked.append(len(hashes))
        return set()

    stream = Analyzer(load_options(), LIGHT).pipe(source(), exclude=exclude)
    assert next(stream).id == "a0"
    assert asked == [batch.CHUNK] and len(pulled) <= batch.CHUNK + 1  # one chunk read ahead, not the batch
    assert len(list(stream)) == 3 * batch.CHUNK + 4
    assert asked == [batch.CHUNK] * 3 + [5]


def test_batch_pipe_exclude_comes_before_the_id_check():
    # The stored text under its id is skipped, so a new text reusing that id meets no E015 here
    # (the store refuses it with E073 when it comes to storing).
    items = [_art("same", "Stored text."), _art("same", "A new text."), _art("same", "A third text.")]
    stored = {content_hash("Stored text.")}
    results = Analyzer(load_options(), LIGHT).pipe(items, exclude=lambda hashes: stored & set(hashes))
    assert _summary(results) == ["skip:same", "same", "E015"]


def test_batch_pipe_workers_leave_this_process_without_a_pipeline():
    analyzer = Analyzer(load_options(), LIGHT)
    results = list(analyzer.pipe([_art("one", "Text one.")], jobs=1))
    assert _summary(results) == ["one"] and results[0].done == LIGHT
    assert analyzer._pipeline is None


@pytest.mark.parametrize(
    ("sources", "n"),
    [
        (["in"], 2),  # a folder: its two .txt files, not notes.md
        (["in", "in/a.txt", "missing.txt"], 4),  # a missing file still counts: it yields an error
        ([_art("x", "X."), RashomonError("E001", path="y")], 2),
        ([], 0),
    ],
)
def test_batch_pipe_count_for_progress(folder, monkeypatch, sources, n):
    monkeypatch.chdir(folder.parent)
    assert batch.count(sources) == n


def test_batch_pipe_every_reused_id_found_far_past_the_id_tables_cache(monkeypatch):
    """3,000 articles through an 8 KiB id table (most of it on disk): every reuse of an id with
    another text is E015, also of the very first id at the very end; the same text passes;
    repeated texts are skipped against an equally small text table."""
    from rashomon import seen

    monkeypatch.setattr(seen, "CACHE_KIB", 8)
    n = 3000
    items = [_art(f"a{i}", f"Text {i}.") for i in range(n)]
    reused = [0, 1, 7, n // 2, n - 2]
    items += [_art(f"a{i}", f"Another text {i}.") for i in reused]  # E015
    items += [_art(f"a{i}", f"Text {i}.") for i in reused]  # the same text again: passes
    codes = [r.code if isinstance(r, RashomonError) else r.id for r in batch._unique_ids(iter(items))]
    assert codes == [f"a{i}" for i in range(n)] + ["E015"] * len(reused) + [f"a{i}" for i in reused]
    skipped = [isinstance(r, Skipped) for r in batch._excluding(iter(items), lambda hashes: set())]
    assert skipped == [False] * (n + len(reused)) + [True] * len(reused)
