"""Token (header or login-link cookie), size limits, host check, and no path from a request on disk."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from tests.web.conftest import TOKEN

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore:Using `httpx`")]


def _status(url: str, headers: dict[str, str] | None = None, data: bytes | None = None) -> int:
    req = urllib.request.Request(url, headers=headers or {}, data=data)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status
    except urllib.error.HTTPError as err:
        return err.code


@pytest.fixture(scope="module")
def client(web_db):
    """An in-process app (small limits) for checks a browser cannot make."""
    from starlette.testclient import TestClient

    from rashomon.store import Store
    from rashomon.web.app import LOOPBACK_HOSTS, create_app

    store = Store(web_db)
    app = create_app(store, token=TOKEN, max_body=4096, allowed_hosts=LOOPBACK_HOSTS)
    with TestClient(app, base_url="http://127.0.0.1") as tc:
        yield tc
    store.close()


def test_web_security_token_required_everywhere(token_server):
    for path in ("/", "/api/overview", "/api/articles", "/openapi.json", "/static/style.css", "/search?q=x"):
        assert _status(token_server + path) == 401, path
    assert _status(token_server + "/api/overview", {"Authorization": f"Bearer {TOKEN}"}) == 200
    assert _status(token_server + "/api/overview", {"Authorization": "Bearer wrong-token-000000000"}) == 401
    assert _status(token_server + "/?token=wrong") == 401


def test_web_security_login_link_sets_cookie_in_browser(page, token_server):
    response = page.goto(f"{token_server}/search?q=Minsk&token={TOKEN}")
    assert response.status == 200
    assert "token" not in page.url and "q=Minsk" in page.url
    cookie = next(c for c in page.context.cookies() if c["name"] == "rashomon_token")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    page.click("nav.top a[href='/entities']")
    assert page.locator("#entity-list").is_visible()


def test_web_security_headers(client):
    res = client.get("/", headers={"Authorization": f"Bearer {TOKEN}"})
    assert "script-src 'self'" in res.headers["content-security-policy"]
    assert res.headers["x-content-type-options"] == "nosniff"
    assert res.headers["x-frame-options"] == "DENY"


def test_web_security_request_size_limits(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = json.dumps({"text": "x" * 10_000})
    res = client.post("/api/articles", content=big, headers={**auth, "Content-Type": "application/json"})
    assert res.status_code == 413
    # A chunked body has no Content-Length: it is counted as it streams.
    res = client.post("/api/articles", content=iter([b"{\"text\": \"" + b"x" * 3000, b"y" * 3000 + b"\"}"]),
                      headers={**auth, "Content-Type": "application/json"})
    assert res.status_code == 413
    assert client.get("/search?q=" + "a" * 9000, headers=auth).status_code == 414


def test_web_security_host_header_checked(client):
    res = client.get("/", headers={"Authorization": f"Bearer {TOKEN}", "Host": "evil.example"})
    assert res.status_code == 400


def test_web_security_no_request_path_reaches_the_filesystem(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for path in ("/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/errors.py",
                 "/articles/..%2f..%2fetc%2fpasswd", "/api/articles/..%2F..%2Fetc%2Fpasswd",
                 "/entities/..%2fE1", "/compare?ids=../../etc/passwd"):
        res = client.get(path, headers=auth)
        assert res.status_code in (404, 422), (path, res.status_code)
        assert "root:" not in res.text and "RashomonError" not in res.text
