"""RSS and Atom items through feedparser; anything else is E143."""

from __future__ import annotations

import pytest

from rashomon.errors import RashomonError
from rashomon.watch.parse import Entry, item_url, parse_feed

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title> First </title><link>/news/1#comments</link><pubDate>Wed, 02 Dec 2026 06:00:00 GMT</pubDate></item>
<item><title>Again</title><link>https://site.example/news/1</link></item>
<item><title>No link</title></item>
<item><title>Mail</title><link>mailto:desk@site.example</link></item>
<item><link>https://other.example/2</link></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
<entry><title>E</title><link href="https://site.example/e"/><updated>2026-12-01T10:00:00Z</updated></entry></feed>"""


def test_parse_feed_rss_items_absolute_once():
    assert parse_feed(RSS, "https://site.example/feed.xml", 100) == [
        Entry("https://site.example/news/1", "First", "2026-12-02T06:00:00Z"),
        Entry("https://other.example/2", None, None),
    ]


def test_parse_feed_atom_and_limit():
    assert parse_feed(ATOM, "https://site.example/atom", 5) == [
        Entry("https://site.example/e", "E", "2026-12-01T10:00:00Z")]
    assert len(parse_feed(RSS, "https://site.example/feed.xml", 1)) == 1


@pytest.mark.parametrize("body", [
    b"<!doctype html><html><head><title>Blocked</title></head><body><p>Access denied</p></body></html>",
    bytes(range(256)) * 4,
    b"",
    b'{"items": []}',
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
])
def test_parse_feed_not_a_feed_is_e143(body):
    with pytest.raises(RashomonError) as info:
        parse_feed(body, "https://site.example/feed.xml", 100)
    assert info.value.code == "E143" and "\n" not in str(info.value)


@pytest.mark.parametrize(("link", "expected"), [
    ("/a?b=1#top", "https://site.example/a?b=1"),
    ("  https://x.example/y ", "https://x.example/y"),
    ("rel/path", "https://site.example/dir/rel/path"),
    ("javascript:alert(1)", None),
    ("ftp://x.example/y", None),
    ("//cdn.example/z", "https://cdn.example/z"),
])
def test_parse_feed_item_url(link, expected):
    assert item_url(link, "https://site.example/dir/feed.xml") == expected
