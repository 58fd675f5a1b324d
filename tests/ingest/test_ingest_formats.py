"""Readers: plain-text titles, HTML metadata, URLs over loopback, stdin sniffing."""

from __future__ import annotations

import http.server
import threading

import pytest

from rashomon.errors import RashomonError
from rashomon.ingest import read_source
from rashomon.ingest.text import title_of
from rashomon.settings import load_options

OPTS = load_options().ingest
# The test server listens on loopback, which URL ingest refuses (E016) unless allowed.
LOOPBACK = load_options(ingest={"allow_private": True}).ingest


@pytest.mark.parametrize(
    "text,title",
    [
        ("Headline here\n\nBody text.", "Headline here"),
        ("Headline here\r\n\r\nBody text.", "Headline here"),
        ("  Spaced headline  \n \nBody.", "Spaced headline"),
        ("No blank line\nBody text.", None),
        ("Single line only", None),
        ("\n\nStarts blank\n\nBody", None),
    ],
)
def test_ingest_text_title_from_first_line(text, title):
    assert title_of(text) == title


PAGE = b"""<!DOCTYPE html><html><head><title>Coup claims | Example News</title>
<meta property="og:title" content="Coup claims questioned">
<meta name="author" content="Jane Roe"><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-04-22T10:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Coup claims questioned</h1>
<p>Officials in Minsk said on Thursday that a group had planned to seize power. Independent analysts doubted the account and asked for evidence.</p>
<p>The security service published a video, which critics called staged. Few people believe in this story, one expert said.</p>
</article><footer>Copyright</footer></body></html>"""


def test_ingest_html_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE)
    (art,) = list(read_source(str(path), OPTS))
    assert "Officials in Minsk" in art.text
    assert "Copyright" not in art.text
    assert art.title == "Coup claims questioned"
    assert art.author == "Jane Roe"
    assert art.outlet == "Example News"
    assert art.published == "2021-04-22"


@pytest.fixture()
def loopback_server(tmp_path):
    (tmp_path / "article.html").write_bytes(PAGE)
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **k)  # noqa: E731
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_ingest_url_fetches_over_loopback(loopback_server):
    (art,) = list(read_source(f"{loopback_server}/article.html", LOOPBACK))
    assert "Officials in Minsk" in art.text
    assert art.source.endswith("/article.html")


def test_ingest_url_error_is_coded(loopback_server):
    with pytest.raises(RashomonError) as info:
        list(read_source(f"{loopback_server}/missing.html", LOOPBACK))
    assert info.value.code == "E009"


def test_ingest_url_loopback_refused_by_default(loopback_server):
    with pytest.raises(RashomonError) as info:
        list(read_source(f"{loopback_server}/article.html", OPTS))
    assert info.value.code == "E016" and "127.0.0.1" in str(info.value)
