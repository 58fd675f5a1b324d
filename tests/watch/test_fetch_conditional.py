"""Feed download: conditional GET (the server sees the validators and answers 304), failures
as E142, the private-address guard of URL ingest (E016). A local server, nothing else."""

from __future__ import annotations

import pytest

from rashomon.errors import RashomonError
from rashomon.watch.fetch import fetch_feed
from tests.watch.conftest import http_date, rss


def _get(url: str, etag=None, last_modified=None, timeout=2.0, max_bytes=1_000_000,  # noqa: ANN001, ANN202
         allow_private=True):
    return fetch_feed(url, etag=etag, last_modified=last_modified, timeout=timeout, max_bytes=max_bytes,
                      allow_private=allow_private)


def test_fetch_conditional_etag_304(feed_server):
    feed_server.set("/f", body=rss([("http://x.example/1", "one")]), ctype="application/rss+xml", etag='"v1"')
    first = _get(feed_server.url("/f"))
    assert first.status == 200 and first.etag == '"v1"' and b"<rss" in first.body
    again = _get(feed_server.url("/f"), etag=first.etag)
    assert again.status == 304 and again.body == b"" and again.etag == '"v1"'
    seen = feed_server.requests("/f")
    assert [s.status for s in seen] == [200, 304]
    assert "If-None-Match" not in seen[0].headers and seen[1].headers["If-None-Match"] == '"v1"'


def test_fetch_conditional_last_modified_304(feed_server):
    stamp = http_date(-3600)
    feed_server.set("/f", body=rss([]), ctype="application/rss+xml", last_modified=stamp)
    first = _get(feed_server.url("/f"))
    assert first.status == 200 and first.last_modified == stamp and first.etag is None
    again = _get(feed_server.url("/f"), last_modified=first.last_modified)
    assert again.status == 304 and again.last_modified == stamp
    assert feed_server.requests("/f")[1].headers["If-Modified-Since"] == stamp


@pytest.mark.parametrize(("route", "needle"), [
    ({"status": 500, "body": b"oops"}, "HTTP 500"),
    ({"status": 404, "body": b"gone"}, "HTTP 404"),
    ({"delay": 1.5, "body": b"<rss/>"}, "took longer than url_timeout=0.5 s"),
    ({"body": b"x" * 5000}, "larger than ingest.max_bytes=1000"),
])
def test_fetch_conditional_failures_are_e142(feed_server, route, needle):
    feed_server.set("/f", **route)
    with pytest.raises(RashomonError) as info:
        _get(feed_server.url("/f"), timeout=0.5, max_bytes=1000)
    assert info.value.code == "E142" and needle in str(info.value)


def test_fetch_conditional_refused_connection_is_e142(feed_server):
    url = feed_server.url("/f")
    feed_server.httpd.shutdown()
    feed_server.httpd.server_close()
    with pytest.raises(RashomonError) as info:
        _get(url)
    assert info.value.code == "E142"


def test_fetch_conditional_private_address_guard(feed_server):
    feed_server.set("/f", body=rss([]), ctype="application/rss+xml")
    with pytest.raises(RashomonError) as info:
        _get(feed_server.url("/f"), allow_private=False)
    assert info.value.code == "E016"
    assert feed_server.requests("/f") == []  # refused before anything was sent
