"""The login link redirects to a path on this site only, whatever the request path holds."""

from __future__ import annotations

import http.client
import re
import subprocess
from urllib.parse import urlsplit

import pytest

from rashomon.web.security import local_location
from tests.web.conftest import TOKEN, _cli, free_port, wait_up

# Raw request paths (as sent on the wire) that once, or in other servers, led off-site.
HOSTILE = [
    "/%5Cevil.example", "/%5C%5Cevil.example", "/%09/evil.example", "/%0A/evil.example", "/%0D/evil.example",
    "//evil.example", "///evil.example", "/%2F/evil.example", "/%2F%2Fevil.example", "/%5C/evil.example",
    "/%20/evil.example", "/%00/evil.example", "/%E2%80%8B/evil.example", "/%E2%80%AE/evil.example",
    "/%09%5Cevil.example", "/%5C%09evil.example", "/.%2F%2Fevil.example", "/%3A%2F%2Fevil.example",
    "/https:%2F%2Fevil.example", "/http://evil.example", "/%68ttps://evil.example", "/@evil.example",
    "/%40evil.example", "/%0B%0C/evil.example", "/%1F/evil.example", "/%7F/evil.example",
]


def browser_target(location: str, base: str = "http://127.0.0.1:8000/") -> tuple[str, str]:
    """(host, path) a WHATWG browser goes to: it drops tab/CR/LF and reads '\\' as '/' in http URLs."""
    cleaned = re.sub(r"^[\x00-\x20]+|[\x00-\x20]+$", "", re.sub(r"[\t\n\r]", "", location)).replace("\\", "/")
    if cleaned.startswith("//"):
        return urlsplit("http:" + cleaned).netloc, ""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", cleaned):
        return urlsplit(cleaned).netloc, ""
    return urlsplit(base).netloc, cleaned


@pytest.mark.parametrize("raw", HOSTILE)
def test_security_local_location_same_origin(raw):
    from urllib.parse import unquote

    location = local_location(unquote(raw), "q=Minsk")
    host, path = browser_target(location)
    assert host == "127.0.0.1:8000", (raw, location)
    assert path.startswith("/") and not path.startswith("//"), (raw, location)
    assert location.endswith("?q=Minsk")
    assert all(0x21 <= ord(c) < 0x7F for c in location), location  # percent-encoded, printable ASCII


@pytest.mark.parametrize(("path", "expected"), [
    ("/", "/"), ("/search", "/search"), ("/articles/7", "/articles/7"), ("/entities/E1", "/entities/E1"),
    ("/a b", "/a%20b"), ("/Минск", "/%D0%9C%D0%B8%D0%BD%D1%81%D0%BA"), ("/a?b#c", "/a%3Fb%23c"),
])
def test_security_local_location_keeps_ordinary_paths(path, expected):
    assert local_location(path) == expected


@pytest.fixture(scope="module")
def token_live(tmp_path_factory):
    """`rashomon serve --token` over an empty database (no model is loaded)."""
    db = tmp_path_factory.mktemp("redirect") / "empty.sqlite"
    port = free_port()
    proc = subprocess.Popen(_cli("serve", "--db", str(db), "--port", str(port), "--token", TOKEN),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_up(f"http://127.0.0.1:{port}/static/style.css", proc)
        yield port
    finally:
        proc.terminate()
        proc.wait(15)


@pytest.mark.parametrize("raw", HOSTILE)
def test_security_login_link_never_leaves_the_site(token_live, raw):
    conn = http.client.HTTPConnection("127.0.0.1", token_live, timeout=10)
    conn.putrequest("GET", f"{raw}?token={TOKEN}&q=Minsk", skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", f"127.0.0.1:{token_live}")
    conn.endheaders()
    resp = conn.getresponse()
    location = resp.getheader("location")
    conn.close()
    if resp.status != 303:
        assert resp.status in (400, 404, 422) and location is None, (raw, resp.status)
        return
    host, path = browser_target(location, f"http://127.0.0.1:{token_live}/")
    assert host == f"127.0.0.1:{token_live}", (raw, location)
    assert path.startswith("/") and not path.startswith("//") and "token" not in location


@pytest.mark.slow
@pytest.mark.parametrize("raw", ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "/%5C%09evil.example"])
def test_security_login_link_in_chromium_stays_on_site(chromium, token_live, raw):
    context = chromium.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda req: requested.append(req.url))
    # Nothing may leave the machine: any other host is refused before it is reached.
    page.route(re.compile(r"^(?!http://127\.0\.0\.1:).*"), lambda route: route.abort())
    page.goto(f"http://127.0.0.1:{token_live}{raw}?token={TOKEN}")
    try:
        assert urlsplit(page.url).netloc == f"127.0.0.1:{token_live}", page.url
        assert all(urlsplit(u).netloc == f"127.0.0.1:{token_live}" for u in requested), requested
    finally:
        context.close()
