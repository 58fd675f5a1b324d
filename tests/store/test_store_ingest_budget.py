"""Ingest follows the batch rule: an article over budget, failing, or clashing on its id is one
failed item; the good articles of the same batch are stored."""

from __future__ import annotations

import json

import pytest

from rashomon import Analyzer, load_options
from rashomon.model import Article
from tests import budget_hooks
from tests.budget_hooks import CRASH, SLEEP

LIGHT = {"components": ["segment", "misbehave"]}


@pytest.fixture(autouse=True)
def _hook(monkeypatch):
    monkeypatch.setenv("RASHOMON_TEST_WORKER_SETUP", "tests.budget_hooks:register")
    budget_hooks.register()


def _ingest(store, inputs, opts, jobs=1, on_item=None):
    return store.add_many(Analyzer(opts).pipe(inputs, jobs=jobs, exclude=store.known_hashes), on_item=on_item)


def _stored_ids(store) -> set[str]:
    from sqlalchemy import select

    from rashomon.store import schema

    with store.read() as conn:
        return set(conn.execute(select(schema.articles.c.id)).scalars())


@pytest.mark.parametrize("jobs", [1, 2])
def test_store_ingest_budget_good_articles_stored(store, tmp_path, jobs):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = {
        "a.txt": "First article.\n\nIt is ordinary.",
        "b.txt": f"Stuck article.\n\n{SLEEP} here.",
        "c.txt": f"Broken article.\n\n{CRASH} here.",
        "d.txt": "Last article.\n\nAlso ordinary.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    opts = load_options(analysis={"max_seconds": 2}, pipeline=LIGHT)
    seen: list[tuple[str, object]] = []
    report = _ingest(store, [str(folder)], opts, jobs=jobs, on_item=lambda s, w: seen.append((s, w)))
    assert [e.code for e in report.failed] == ["E041", "E044"]
    assert [e.path.rsplit("/", 1)[-1] for e in report.failed] == ["b.txt", "c.txt"]
    assert len(report.added) == 2 and _stored_ids(store) == set(report.added)
    assert len(seen) == 4
    again = _ingest(store, [str(folder)], opts, jobs=jobs)
    assert len(again.skipped) == 2 and not again.added and len(again.failed) == 2  # failed ones retried


@pytest.mark.parametrize(
    ("lines", "added", "codes"),
    [
        # same id, different text within one batch: the second is E015, the batch goes on
        ([("dup", "One text about the port."), ("dup", "Another text entirely."), ("z1", "Third text here.")],
         ["dup", "z1"], ["E015"]),
        # an id already stored for a different text: E073 for that line only
        ([("stored", "A new text under an old id."), ("z2", "Fourth text here.")], ["z2"], ["E073"]),
        # the same text again under its stored id is simply skipped
        ([("stored", "The stored text."), ("z3", "Fifth text here.")], ["z3"], []),
    ],
)
def test_store_ingest_budget_id_clashes_are_per_item(store, tmp_path, lines, added, codes):
    store.add(Article(id="stored", text="The stored text.", source="old.txt"))
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in lines), encoding="utf-8")
    report = _ingest(store, [str(path)], load_options(pipeline=LIGHT))
    assert report.added == added
    assert [e.code for e in report.failed] == codes
    assert _stored_ids(store) == {"stored", *added}
