"""One check for the quote tables written as (speaker name or None, content, cue)."""

from __future__ import annotations

from rashomon.model import Article


def assert_quotes(art: Article, expected: list[tuple[str | None, str, str | None]]) -> None:
    """The article's quotes are exactly `expected`, in order: content and cue equal, the speaker
    name containing the expected one (None: no speaker); every content span cuts the text."""
    got = [(q.speaker_name, q.content.text, q.cue.text if q.cue else None) for q in art.quotes]
    assert len(got) == len(expected), got
    for (speaker, content, cue), (gs, gc, gcue) in zip(expected, got):
        assert gc == content and gcue == cue, got
        if speaker is None:
            assert gs is None, got
        else:
            assert gs is not None and speaker in gs, got
    for q in art.quotes:  # spans are sacred
        assert art.text[q.content.start : q.content.end] == q.content.text
