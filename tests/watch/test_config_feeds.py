"""FEEDS.toml: feeds with defaults from [watch]; every bad file is one coded error (E140/E141)."""

from __future__ import annotations

import pytest

from rashomon import load_options
from rashomon.errors import RashomonError
from rashomon.watch import Feed, read_feeds

DEFAULTS = load_options().watch


def test_config_feeds_reads_feeds_with_defaults(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text('[[feed]]\nurl = "https://a.example/rss"\nname = "A"\ninterval = 60\nlanguage = "ru"\n\n'
                    '[[feed]]\nurl = " http://b.example/atom.xml "\n', encoding="utf-8")
    assert read_feeds(path, DEFAULTS) == [
        Feed("https://a.example/rss", "A", 60.0, "ru"),
        Feed("http://b.example/atom.xml", "http://b.example/atom.xml", DEFAULTS.interval, None),
    ]


@pytest.mark.parametrize(("content", "code", "needle"), [
    (None, "E140", "No such file"),
    (b"\xff\xfe not utf-8", "E140", "not UTF-8"),
    (b"[[feed]\nurl = 1", "E140", ""),
    (b"x" * 1_000_001, "E140", "larger than"),
    (b"", "E141", "feed"),
    (b'[[feed]]\nname = "no url"\n', "E141", "url"),
    (b'[[feed]]\nurl = "ftp://a.example/rss"\n', "E141", "not an http(s) URL"),
    (b'[[feed]]\nurl = "file:///etc/passwd"\n', "E141", "not an http(s) URL"),
    (b'[[feed]]\nurl = "https://a.example/rss"\ninterval = 0\n', "E141", "interval"),
    (b'[[feed]]\nurl = "https://a.example/rss"\ninterval = -5\n', "E141", "interval"),
    (b'[[feed]]\nurl = "https://a.example/rss"\nintervall = 5\n', "E141", "intervall"),
    (b'[[feed]]\nurl = "https://a.example/rss"\nlanguage = "English"\n', "E141", "language"),
    (b'[[feed]]\nurl = "https://a.example/rss"\n[[feed]]\nurl = "https://a.example/rss"\n', "E141", "twice"),
    (b'[feeds]\nurl = "https://a.example/rss"\n', "E141", "feeds"),
])
def test_config_feeds_bad_file_is_one_coded_error(tmp_path, content, code, needle):
    path = tmp_path / "feeds.toml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(RashomonError) as info:
        read_feeds(path, DEFAULTS)
    assert info.value.code == code
    assert needle in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(("key", "value"), [("interval", 0), ("max_backoff", -1), ("max_items", 0),
                                            ("item_attempts", 0), ("near_duplicate", 1.5)])
def test_config_feeds_watch_options_are_bounded(key, value):
    with pytest.raises(RashomonError) as info:
        load_options(watch={key: value})
    assert info.value.code == "E031" and key in str(info.value)
