"""Full-text search (FTS5 / tsvector) with filters, identical on both backends."""

from __future__ import annotations

import pytest

from rashomon.store import Filters
from rashomon.store.search import HIT_END, HIT_START, search, split_snippet

pytestmark = pytest.mark.slow


@pytest.fixture
def filled(store, analysed):
    for art in analysed.values():
        store.add(art)
    return store


def _ids(store, query: str = "", **filters) -> set[str]:
    with store.read() as conn:
        hits, total = search(conn, query, Filters(**filters))
    assert total == len(hits)
    return {h.title for h in hits}


def test_store_search_words_and_snippets(filled):
    assert _ids(filled, "militants") == {"Coup claims in Minsk"}
    assert _ids(filled, "minsk") == {"Coup claims in Minsk", "Kyiv reacts to the Minsk affair"}
    assert _ids(filled, "Минске") == {"Заговор в Минске"}
    assert _ids(filled, "militants Kyiv") == set()
    with filled.read() as conn:
        hits, _ = search(conn, "militants", Filters())
    assert any(hit and text.lower() == "militants" for text, hit in hits[0].snippet)


def test_store_search_filters(filled):
    assert _ids(filled, outlet="Belsat") == {"Coup claims in Minsk"}
    assert _ids(filled, language="ru") == {"Заговор в Минске"}
    assert _ids(filled, date_from="2021-04-19", date_to="2021-04-21") == {"Coup claims in Minsk"}
    assert _ids(filled, date_from="2021-04-22") == {"Kyiv reacts to the Minsk affair"}
    assert _ids(filled, "minsk", outlet="Kyiv Post") == {"Kyiv reacts to the Minsk affair"}
    assert _ids(filled, speaker="lyabedzka") == {"Coup claims in Minsk"}
    assert _ids(filled, technique="No_Such_Label") == set()


def test_store_search_technique_filter(filled, analysed):
    labels = {t.label for a in analysed.values() for t in a.techniques}
    if not labels:
        pytest.skip("the techniques layer found nothing in the small texts")
    label = sorted(labels)[0]
    expected = {a.title for a in analysed.values() if any(t.label == label for t in a.techniques)}
    assert _ids(filled, technique=label) == expected


@pytest.mark.parametrize("query", ['"', "minsk*", "AND (", "NEAR(a b)", "-minsk", "title:x", "' OR 1=1 --", "ü"])
def test_store_search_user_syntax_is_never_interpreted(filled, query):
    with filled.read() as conn:
        search(conn, query, Filters())


def test_store_search_split_snippet():
    assert split_snippet(f"a {HIT_START}b{HIT_END} c") == [("a ", False), ("b", True), (" c", False)]
