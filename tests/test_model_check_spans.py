"""The invariant check itself must fail on a bad span (so the property test can fail)."""

from __future__ import annotations

import pytest

from rashomon.errors import RashomonError
from rashomon.model import Article, Entity, Mention, Sentence


@pytest.mark.parametrize(
    "start,end,text,ok",
    [(0, 5, "Hello", True), (0, 5, "hello", False), (3, 2, "", False), (6, 20, "world", False), (6, 11, "world", True)],
)
def test_model_check_spans_detects_mismatch(start, end, text, ok):
    art = Article(id="x", text="Hello world")
    art.sentences = [Sentence(start, end, text)]
    if ok:
        art.check_spans()
    else:
        with pytest.raises(RashomonError) as info:
            art.check_spans()
        assert info.value.code == "E040"


def test_model_check_spans_covers_entity_mentions():
    art = Article(id="x", text="Hello world")
    art.entities = [Entity("e1", "W", "OTHER", [], [Mention(6, 11, "World", "OTHER", "World")])]
    with pytest.raises(RashomonError):
        art.check_spans()
