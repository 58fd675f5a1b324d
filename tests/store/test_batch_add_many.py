"""`Store.add_many` only persists: each article in its own transaction, errors and skips reported,
an id stored for another text (E073) one failed item, clusters rebuilt once at the end."""

from __future__ import annotations

import pytest

from rashomon.batch import Skipped
from rashomon.errors import RashomonError
from rashomon.model import Article
from rashomon.store.clusters import clusters_stale


def _art(name: str, text: str) -> Article:
    return Article(id=name, text=text, source=f"{name}.txt")


@pytest.mark.parametrize(
    ("items", "added", "skipped", "failed"),
    [
        ([_art("a", "Text a."), _art("b", "Text b.")], ["a", "b"], [], []),
        ([_art("a", "Text a."), Skipped(_art("s", "Text s.")), RashomonError("E001", path="gone.txt")],
         ["a"], ["s"], ["E001"]),
        ([_art("stored", "The stored text.")], [], ["stored"], []),  # already stored: skipped, not added
        ([_art("stored", "Another text, same id."), _art("c", "Text c.")], ["c"], [], ["E073"]),
        ([], [], [], []),
    ],
)
def test_batch_add_many_reports_each_item(store, items, added, skipped, failed):
    store.add(_art("stored", "The stored text."))
    store.add_many([])  # clusters fresh before the batch
    seen: list[tuple[str, object]] = []
    report = store.add_many(items, on_item=lambda source, what: seen.append((source, what)))
    assert (report.added, report.skipped, [e.code for e in report.failed]) == (added, skipped, failed)
    assert len(seen) == len(items)
    assert [what for _, what in seen if isinstance(what, str)] == ["skipped"] * sum(
        isinstance(i, Skipped) for i in items)
    assert set(store.article_ids()) == {"stored", *added}
    assert (report.clusters is not None) == bool(added)  # rebuilt only when something was added
    assert not clusters_stale(store)


def test_batch_add_many_keeps_what_was_committed_when_the_stream_breaks(store):
    def items():
        yield _art("first", "The first text.")
        raise RuntimeError("the producer died")

    with pytest.raises(RuntimeError):
        store.add_many(items())
    assert store.article_ids() == ["first"]  # committed on arrival, not at the end
