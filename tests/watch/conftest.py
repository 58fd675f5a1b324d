"""Watch fixtures: a local feed server (threading http.server on 127.0.0.1), feed and page
builders, generated article texts, and options with a segment-only pipeline so that fast tests
analyse for real without loading a model. Nothing reaches the internet."""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.store.conftest import db_url, pg_schema_url  # noqa: F401 - the store's backends, as fixtures here

# Words for generated articles: random draws make 5-word overlaps between two texts negligible.
_VOCAB = (
    "minister council harbour river bridge election border village report budget winter court "
    "factory railway market school doctor soldier farmer teacher mayor officer witness senator "
    "ship storm grain price tax road station museum prison hospital army police union church "
    "announced denied reported claimed visited opened closed signed blocked delayed promised "
    "rejected approved warned moved raised cut built repaired inspected questioned praised "
    "quietly suddenly again yesterday later early firmly openly slowly rarely partly mostly "
    "northern southern eastern western local national foreign private public old new large small "
    "cold dry wet busy empty narrow broad distant nearby central regional rural urban coastal"
).split()


def article_text(seed: int, paragraphs: int = 5, words: int = 40) -> list[str]:
    """Paragraphs of a generated article (sentences of random words), the same for the same seed."""
    rng = random.Random(seed)
    out = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(words // 10):
            ws = [rng.choice(_VOCAB) for _ in range(10)]
            sentences.append(" ".join(ws).capitalize() + ".")
        out.append(" ".join(sentences))
    return out


def page(title: str, paragraphs: list[str]) -> bytes:
    """An HTML article page trafilatura can read."""
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>\n{body}</article>"
            f"<footer>Copyright</footer></body></html>").encode("utf-8")


def rss(items: list[tuple[str, str]], title: str = "Feed") -> bytes:
    """An RSS 2.0 document listing (link, title) items."""
    entries = "".join(f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
                      f"<pubDate>Wed, 02 Dec 2026 06:00:00 GMT</pubDate></item>" for link, t in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>http://example.invalid/</link><description>d</description>{entries}</channel></rss>").encode()


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    ctype: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0  # seconds before answering (a slow server)
    etag: str | None = None  # answer 304 to a matching If-None-Match
    last_modified: str | None = None  # answer 304 to a matching If-Modified-Since


@dataclass
class Seen:
    """One request the server answered."""

    path: str
    headers: dict[str, str]
    status: int


class FeedServer:
    """Routes by path (mutable between cycles); every request is recorded with its status."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.on_request = None  # called with each path as it is requested (e.g. to stop a watcher)
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                if server.on_request is not None:
                    server.on_request(self.path)
                with server.lock:
                    route = server.routes.get(self.path)
                status = 404 if route is None else route.status
                body = b"not found" if route is None else route.body
                if route is not None and route.delay:
                    time.sleep(route.delay)
                headers = {k: v for k, v in self.headers.items()}
                if route is not None and status == 200:
                    if route.etag and self.headers.get("If-None-Match") == route.etag:
                        status = 304
                    if route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified:
                        status = 304
                with server.lock:
                    server.seen.append(Seen(self.path, headers, status))
                try:
                    self.send_response(status)
                    if route is not None and route.etag:
                        self.send_header("ETag", route.etag)
                    if route is not None and route.last_modified:
                        self.send_header("Last-Modified", route.last_modified)
                    if status == 304:
                        self.end_headers()
                        return
                    self.send_header("Content-Type", route.ctype if route else "text/plain")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """The absolute URL of a path on this server."""
        return self.base + path

    def set(self, path: str, **route: object) -> None:
        """Serve `path` with these Route fields from now on."""
        with self.lock:
            self.routes[path] = Route(**route)

    def requests(self, path: str) -> list[Seen]:
        """The requests seen for one path, in order."""
        with self.lock:
            return [s for s in self.seen if s.path == path]

    def serve_article(self, path: str, seed: int, title: str | None = None) -> list[str]:
        """Serve a generated article page at `path`; returns its paragraphs."""
        paras = article_text(seed)
        self.set(path, body=page(title or f"Article {seed}", paras))
        return paras

    def serve_feed(self, path: str, links: list[str], **route: object) -> None:
        """Serve an RSS feed listing these paths (absolute links to this server)."""
        self.set(path, body=rss([(self.url(p), f"Item {p}") for p in links]), ctype="application/rss+xml",
                 **route)


@pytest.fixture
def feed_server():
    """A FeedServer running on 127.0.0.1 and a free port for one test."""
    srv = FeedServer()
    srv.thread.start()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


def watch_options(**watch: object):  # noqa: ANN201 - rashomon.settings.Options
    """Options for tests: loopback allowed, a 1 s download limit, short intervals, segment-only pipeline."""
    from rashomon import load_options

    settings = {"interval": 0.05, "max_backoff": 0.4, "max_items": 50, "item_attempts": 3, "near_duplicate": 0.8}
    settings.update(watch)
    return load_options(ingest={"allow_private": True, "url_timeout": 1.0}, pipeline={"components": ["segment"]},
                        watch=settings)


@pytest.fixture
def light_analyzer():
    """A real Analyzer whose pipeline only segments (no model): analysis in this process."""
    from rashomon import Analyzer

    opts = watch_options()
    return Analyzer(opts, components=["segment"])


@pytest.fixture
def store(db_url):  # noqa: F811 - db_url is the imported fixture
    """A migrated, empty Store on each backend (SQLite; PostgreSQL when RASHOMON_TEST_PG_URL is set)."""
    from rashomon.store import Store

    st = Store(db_url)
    yield st
    st.close()


def http_date(offset: float = 0.0) -> str:
    """An HTTP date (Last-Modified)."""
    return formatdate(time.time() + offset, usegmt=True)
