"""URL ingest: no private addresses on any hop unless allowed (E016), one total deadline (E009).

Every server here listens on 127.0.0.1; no test sends traffic anywhere else.
"""

from __future__ import annotations

import http.server
import ipaddress
import threading
import time

import pytest

from rashomon.errors import RashomonError
from rashomon.ingest import read_source, url
from rashomon.settings import load_options

PAGE = (b"<!DOCTYPE html><html><head><title>Ferry timetable</title></head><body><article>"
        b"<p>The harbour council in Kestrel Bay voted on Tuesday to run ferries every forty minutes.</p>"
        b"<p>Maria Delgado, who chairs the transport committee, said islanders had asked for it.</p>"
        b"</article></body></html>")
DEFAULT = load_options().ingest
ALLOW = load_options(ingest={"allow_private": True}).ingest


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: list[str]

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.server.hits.append(self.path)
        if self.path.startswith("/to/"):  # /to/<url>: redirect there
            self.send_response(302)
            self.send_header("Location", self.path[len("/to/"):])
            self.end_headers()
        elif self.path == "/drip":  # a byte every 50 ms, for far longer than any timeout
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(PAGE[:40])
            try:
                for _ in range(2000):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
        elif self.path == "/silent":  # never answers
            time.sleep(8)
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
            except OSError:
                pass
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)


@pytest.fixture()
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.daemon_threads = True
    srv.hits = []
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv, f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


@pytest.fixture()
def only_first_host(monkeypatch):
    """Treat exactly 127.0.0.1 as public, so a redirect elsewhere exercises the per-hop check."""
    real = url.is_public_address
    monkeypatch.setattr(url, "is_public_address", lambda ip: str(ip) == "127.0.0.1" or real(ip))
    connected: list[tuple] = []
    original = url._Fetch.connect

    def recording(self, address, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        connected.append(address)
        return original(self, address, *args, **kwargs)

    monkeypatch.setattr(url._Fetch, "connect", recording)
    return connected


def test_ingest_url_allowed_fetch(server):
    srv, base = server
    (art,) = list(read_source(f"{base}/page.html", ALLOW))
    assert "Maria Delgado" in art.text


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "2130706433", "0.0.0.0"])
def test_ingest_url_private_refused_before_sending(server, host):
    srv, base = server
    port = srv.server_address[1]
    with pytest.raises(RashomonError) as info:
        list(read_source(f"http://{host}:{port}/page.html", DEFAULT))
    assert info.value.code == "E016" and "--allow-private" in str(info.value)
    assert srv.hits == []  # refused before any request reached the server


@pytest.mark.parametrize(
    "target",
    ["http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1/", "http://[fe80::1]/",
     "http://127.0.0.2:{port}/page.html", "http://[::1]:{port}/"],
)
def test_ingest_url_redirect_hop_refused(server, only_first_host, target):
    srv, base = server
    target = target.format(port=srv.server_address[1])
    with pytest.raises(RashomonError) as info:
        list(read_source(f"{base}/to/{target}", DEFAULT))
    assert info.value.code == "E016"
    assert srv.hits == [f"/to/{target}"]  # the first hop was fetched, the redirect was not
    assert all(addr[0] == "127.0.0.1" for addr in only_first_host)  # no connection attempted elsewhere


def test_ingest_url_redirect_hop_to_allowed_host_followed(server, only_first_host):
    srv, base = server
    (art,) = list(read_source(f"{base}/to/{base}/page.html", DEFAULT))
    assert "Kestrel Bay" in art.text and srv.hits == [f"/to/{base}/page.html", "/page.html"]


@pytest.mark.parametrize("target", ["ftp://127.0.0.1/x.html", "file:///etc/passwd"])
def test_ingest_url_redirect_to_other_scheme_refused(server, target):
    srv, base = server
    with pytest.raises(RashomonError) as info:
        list(read_source(f"{base}/to/{target}", ALLOW))
    assert info.value.code == "E009"  # urllib refuses file: itself; ftp: is refused by rashomon
    assert srv.hits == [f"/to/{target}"]


def test_ingest_url_total_deadline_for_dripping_server(server):
    srv, base = server
    opts = load_options(ingest={"allow_private": True, "url_timeout": 1.0}).ingest
    started = time.monotonic()
    with pytest.raises(RashomonError) as info:
        list(read_source(f"{base}/drip", opts))
    elapsed = time.monotonic() - started
    assert info.value.code == "E009" and "url_timeout" in str(info.value)
    assert elapsed < 5  # hang guard: per-read timeouts alone would accept the drip for 100 s


def test_ingest_url_deadline_for_silent_server(server):
    srv, base = server
    opts = load_options(ingest={"allow_private": True, "url_timeout": 0.5}).ingest
    started = time.monotonic()
    with pytest.raises(RashomonError) as info:
        list(read_source(f"{base}/silent", opts))
    assert info.value.code == "E009" and time.monotonic() - started < 5


def test_ingest_url_size_limit(server):
    srv, base = server
    opts = load_options(ingest={"allow_private": True, "max_bytes": 100_000}).ingest
    with pytest.raises(RashomonError) as info:
        list(read_source(f"{base}/huge", opts))
    assert info.value.code == "E005"


def test_ingest_url_max_chars(server):
    srv, base = server
    opts = load_options(ingest={"allow_private": True, "max_chars": 50}).ingest
    with pytest.raises(RashomonError) as info:
        list(read_source(f"{base}/page.html", opts))
    assert info.value.code == "E012"


@pytest.mark.parametrize(
    "address,public",
    [
        ("8.8.8.8", True), ("93.184.216.34", True), ("2606:4700:4700::1111", True),
        ("127.0.0.1", False), ("127.255.0.9", False), ("10.0.0.1", False), ("172.16.5.4", False),
        ("192.168.1.1", False), ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False),
        ("224.0.0.1", False), ("239.255.255.250", False), ("240.0.0.1", False), ("255.255.255.255", False),
        ("192.0.2.1", False), ("::1", False), ("::", False), ("fe80::1", False), ("fc00::1", False),
        ("ff02::1", False), ("::ffff:127.0.0.1", False), ("::ffff:10.1.2.3", False),
        ("64:ff9b::a00:1", False), ("2002:7f00:1::", False), ("2002:0a00:0001::", False),
    ],
)
def test_ingest_url_is_public_address(address, public):
    assert url.is_public_address(ipaddress.ip_address(address)) is public
