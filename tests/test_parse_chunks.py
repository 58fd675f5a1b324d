"""Long paragraphs reach the backends in pieces no longer than the bound, with exact offsets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.backends import ParsedText, ParsedToken
from rashomon.model import Article
from rashomon.parse import MAX_PARSE_CHARS, Parser, chunk_spans
from rashomon.segment import ParagraphSegmenter
from rashomon.settings import load_options
from rashomon.trees import tree_problems

_TOKEN = re.compile(r"\w+|[^\w\s]")
_SENTENCE = re.compile(r"[^.!?\s][^.!?]*[.!?]*")


@pytest.mark.parametrize("text, limit, want", [
    ("short text", 100, [(0, 10)]),
    ("", 10, []),
    ("   ", 2, []),
    ("abcdefghij", 10, [(0, 10)]),
    # a line break (U+2028) wins over sentence punctuation and spaces in the window
    ("One. Two\u2028three four five", 16, [(0, 9), (9, 24)]),
    # sentence punctuation (with a closing quote) wins over a later plain space
    ("Aa bb.» Cc dd ee ff gg", 14, [(0, 8), (8, 22)]),
    # only spaces: cut after the last one in the window
    ("aaaa bbbb cccc dddd", 12, [(0, 10), (10, 19)]),
    # no boundary at all: hard cut at the limit
    ("x" * 25, 10, [(0, 10), (10, 20), (20, 25)]),
    # a boundary in the first half of the window is not used (pieces stay at least half full)
    ("a. " + "b" * 20, 10, [(0, 10), (10, 20), (20, 23)]),
    # whitespace-only pieces are dropped
    ("abcd" + " " * 30 + "efgh", 10, [(0, 10), (30, 38)]),
])
def test_parse_chunks_table(text, limit, want):
    assert chunk_spans(text, limit) == want


def test_parse_chunks_rejects_tiny_limit():
    with pytest.raises(ValueError):
        chunk_spans("abc", 1)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .!?»\u2028\t\u00a0", max_size=300), st.integers(2, 40))
def test_parse_chunks_property_pieces_tile_the_text(text, limit):
    spans = chunk_spans(text, limit)
    pos = 0
    for s, e in spans:
        assert 0 < e - s <= limit
        assert not text[s:e].isspace()
        assert text[pos:s].strip() == ""  # only whitespace is left out between pieces
        pos = e
    assert text[pos:].strip() == ""


class SpyBackend:
    """A correct little parser (regex sentences and tokens, the first token heads each
    sentence) that records the length of every text it is given."""

    def __init__(self) -> None:
        self.lengths: list[int] = []

    def parse_many(self, texts: list[str]) -> list[ParsedText]:
        """Parse each text, remembering its length."""
        self.lengths += [len(t) for t in texts]
        return [self.parse(t) for t in texts]

    @staticmethod
    def parse(text: str) -> ParsedText:
        """Regex sentences; within each, every token hangs from the first."""
        out = ParsedText()
        for m in _SENTENCE.finditer(text):
            words = list(_TOKEN.finditer(text, m.start(), m.end()))
            si, base = len(out.sentences), len(out.tokens)
            out.sentences.append((words[0].start(), words[-1].end()))
            for w in words:
                out.tokens.append(ParsedToken(w.start(), w.end(), w.group().lower(), "X", "dep", base, si))
        return out


def _parsed(text: str, backend, limit: int = MAX_PARSE_CHARS) -> Article:  # noqa: ANN001
    art = ParagraphSegmenter()(Article(id="long", text=text))
    for para in art.paragraphs:
        para.language = "en"
    parser = Parser(load_options().models, max_chars=limit)
    parser._en = backend
    return parser(art)


def _long_line(n_chars: int) -> str:
    words = ["Officials", "said", "the", "bridge", "was", "closed", "on", "Monday", "after", "storms"]
    out, i, size = [], 0, 0
    while size < n_chars:
        out.append(words[i % len(words)] + ("." if i % 13 == 12 else ""))
        size += len(out[-1]) + 1
        i += 1
    return " ".join(out)


@pytest.mark.parametrize("n_chars, limit", [(100, 1000), (5_000, 1_000), (50_000, MAX_PARSE_CHARS),
                                            (203_000, MAX_PARSE_CHARS)])
def test_parse_chunks_spy_backend_offsets_exact(n_chars, limit):
    line = _long_line(n_chars)
    text = "Headline\n\n" + line + "\nLast line."
    spy = SpyBackend()
    art = _parsed(text, spy, limit)
    assert max(spy.lengths) <= limit
    assert -(-len(line) // limit) <= len(spy.lengths) - 2 <= -(-len(line) // (limit // 2)) + 1
    art.check_spans()
    # Cuts fall between tokens and between sentences: the pieces' parse equals a whole parse.
    assert [t.text for t in art.tokens] == _TOKEN.findall(text)
    assert [s.text for s in art.sentences] == [m.group().strip() for line_ in text.splitlines() for m in
                                              _SENTENCE.finditer(line_)]
    assert all(text[t.start : t.end] == t.text for t in art.tokens)
    assert tree_problems([t.head for t in art.tokens], [t.sent for t in art.tokens]) == []


def test_parse_chunks_hard_cut_keeps_offsets():
    text = "x" * 45_000 + " tail"
    spy = SpyBackend()
    art = _parsed(text, spy, 20_000)
    assert spy.lengths == [20_000, 20_000, 5_005]
    art.check_spans()
    assert "".join(t.text for t in art.tokens) == text.replace(" ", "")


@pytest.mark.slow
@pytest.mark.parametrize("language, sentence", [
    ("en", "The minister said on Monday that the bridge over the river was closed after the storms. "),
    ("ru", "Министр заявил в понедельник, что мост через реку закрыт после штормов. "),
])
def test_parse_chunks_real_backends_never_get_more_than_the_bound(analyzer, language, sentence):
    parser = next(c for c in analyzer.pipeline.components if c.name == "parse")
    real = parser.en if language == "en" else parser.ru
    lengths: list[int] = []

    class Spy:
        def parse_many(self, texts: list[str]) -> list[ParsedText]:
            lengths.extend(len(t) for t in texts)
            return real.parse_many(texts)

    limit = 4_000  # the default bound (20,000) works the same way; a smaller one keeps the test quick
    text = (sentence * (10_000 // len(sentence))).strip()
    art = Article(id="long", text=text)
    art = ParagraphSegmenter()(art)
    art.paragraphs[0].language = language
    saved = parser._en, parser._ru, parser.max_chars
    try:
        parser._en = parser._ru = Spy()
        parser.max_chars = limit
        parser(art)
    finally:
        parser._en, parser._ru, parser.max_chars = saved
    assert len(lengths) == 3 and max(lengths) <= limit
    art.check_spans()
    starts = {s.start for s in art.sentences}
    assert all(s in starts for s, _ in chunk_spans(text, limit)[1:])  # pieces are cut between sentences
    assert tree_problems([t.head for t in art.tokens], [t.sent for t in art.tokens]) == []
