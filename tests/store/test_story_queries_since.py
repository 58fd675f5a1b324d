"""Reading stories: the list and one story, with `since` marking the articles that joined on or
after a date; bad dates are E160 and unknown stories E161."""

from __future__ import annotations

import pytest

from rashomon.errors import RashomonError
from rashomon.store import schema
from rashomon.store.story_queries import parse_since, story_detail, story_list
from tests.store.test_stories_incremental import FIRST, SECOND, _story_of

OLD = "2021-01-01T08:00:00+00:00"


@pytest.mark.parametrize("value, want", [
    (None, None), ("", None), ("2024-02-29", "2024-02-29"),
    ("2023-02-29", "E160"), ("2024-13-01", "E160"), ("2024-1-01", "E160"), ("yesterday", "E160"),
    ("2024-01-01T00:00", "E160"), ("2024-01-01; DROP TABLE stories", "E160"), (" 2024-01-01", "E160"),
])
def test_story_queries_parse_since(value, want):
    if want == "E160":
        with pytest.raises(RashomonError) as err:
            parse_since(value)
        assert err.value.code == "E160"
    else:
        assert parse_since(value) == want


@pytest.fixture
def two_batches(store):
    """FIRST ingested 'long ago' (its joined_at moved back), then SECOND today."""
    store.add_many(FIRST)
    with store.engine.begin() as conn:
        conn.execute(schema.story_members.update().values(joined_at=OLD))
    store.add_many(SECOND)
    return store


def test_story_queries_since_marks_new(two_batches):
    store = two_batches
    story = _story_of(store)
    detail = story_detail(store, story["a1"], since="2021-06-01")
    assert detail["since"] == "2021-06-01" and detail["n_new"] == 1 and detail["n_articles"] == 3
    assert [(a["id"], a["new"]) for a in detail["articles"]] == [("a1", False), ("a2", False), ("b1", True)]
    assert not any(a["new"] for a in story_detail(store, story["a1"])["articles"])
    rows, total = story_list(store)
    assert total == len(set(story.values())) == len(rows) and rows[0]["id"] == story["a1"]  # largest first
    changed, n = story_list(store, since="2021-06-01")
    # The Minsk story gained b1; b2 and b3 started stories of their own; the volcano did not change.
    assert n == 3 and {r["id"] for r in changed} == {story["b1"], story["b2"], story["b3"]}
    assert {r["id"]: r["n_new"] for r in changed}[story["a1"]] == 1
    assert story_list(store, since="2030-01-01") == ([], 0)
    # Joined on the day itself counts: joined_at is a timestamp within it.
    assert story_detail(store, story["a1"], since="2021-01-01")["n_new"] == 3


@pytest.mark.parametrize("story_id, code", [("S999999", "E161"), ("x' OR 1=1 --", "E161"), ("", "E161"),
                                            ("S1", None)])
def test_story_queries_unknown_story(two_batches, story_id, code):
    if code is None:
        assert story_detail(two_batches, story_id)["id"] == story_id
        return
    with pytest.raises(RashomonError) as err:
        story_detail(two_batches, story_id)
    assert err.value.code == code


def test_story_queries_bad_since(two_batches):
    for call in (lambda: story_list(two_batches, since="2021-02-30"),
                 lambda: story_detail(two_batches, "S1", since="soon")):
        with pytest.raises(RashomonError) as err:
            call()
        assert err.value.code == "E160"
