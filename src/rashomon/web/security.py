"""Request guards: optional bearer token (header or login-link cookie), size limits, headers.

Written as plain ASGI middleware so a too-large body is refused while it streams in,
before any route reads it.
"""

from __future__ import annotations

import hmac
import json
import re
import unicodedata
from typing import Any, Awaitable, Callable
from urllib.parse import parse_qsl, quote, urlencode

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "rashomon_token"
MAX_BODY = 2 * 1024 * 1024  # bytes; an uploaded article is text, this is generous
MAX_URL = 8 * 1024  # bytes of path + query string
MIN_TOKEN = 16

# Article text is untrusted: no inline script may ever run on our pages.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# /docs runs Swagger UI from our own packaged files (web/docs.py), which set inline styles.
# Nothing is loaded from elsewhere.
DOCS_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs",)
# C0 controls and DEL in a query value (a NUL once made the speaker filter match everything).
_QUERY_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Characters left as they are in a redirect path; everything else is percent-encoded.
_PATH_SAFE = "/!$&'()*+,;=:@-._~"


def _headers(scope: Scope) -> dict[bytes, bytes]:
    return {k.lower(): v for k, v in scope.get("headers", [])}


def _cookies(raw: bytes) -> dict[str, str]:
    out = {}
    for part in raw.decode("latin-1").split(";"):
        name, _, value = part.strip().partition("=")
        if name:
            out[name] = value
    return out


def _same(a: str, b: str) -> bool:
    # Constant-time comparison so the token cannot be guessed byte by byte.
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


class Guard:
    """Token check, URL and body size limits, and security headers on every response."""

    def __init__(self, app: ASGIApp, *, token: str | None = None, max_body: int = MAX_BODY,
                 max_url: int = MAX_URL) -> None:
        self.app = app
        self.token = token or None
        self.max_body = max_body
        self.max_url = max_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one request."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        send = self._with_headers(send, DOCS_CSP if path.startswith(DOCS_PATHS) else CSP)
        if len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"") > self.max_url:
            await _reply(send, 414, path, "request URL too long")
            return
        if _bad_query(scope.get("query_string") or b""):
            await _reply(send, 422, path, "query parameters must not contain control characters")
            return
        headers = _headers(scope)
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _reply(send, 413, path, f"request body larger than {self.max_body} bytes")
            return
        if self.token is not None:
            query = dict(parse_qsl((scope.get("query_string") or b"").decode("latin-1")))
            offered = query.get("token")
            if offered is not None and scope["method"] == "GET":
                await self._login(scope, send, offered, query)
                return
            if not self._authorised(headers):
                await _reply(send, 401, path, "token required: send 'Authorization: Bearer TOKEN' "
                                              "or open the login link printed by 'rashomon serve'")
                return
        state = {"replied": False}
        await self.app(scope, self._limited(receive, send, state, path), self._unless_replied(send, state))

    def _authorised(self, headers: dict[bytes, bytes]) -> bool:
        assert self.token is not None
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if auth[:7].lower() == "bearer " and _same(auth[7:].strip(), self.token):
            return True
        cookie = _cookies(headers.get(b"cookie", b"")).get(COOKIE)
        return cookie is not None and _same(cookie, self.token)

    async def _login(self, scope: Scope, send: Send, offered: str, query: dict[str, str]) -> None:
        """A ?token= link: set the cookie and redirect to the same page without the token."""
        assert self.token is not None
        if not _same(offered, self.token):
            await _reply(send, 401, scope.get("path", ""), "wrong token")
            return
        rest = urlencode({k: v for k, v in query.items() if k != "token"})
        location = local_location(scope.get("path", "/"), rest)
        cookie = f"{COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
        await send({"type": "http.response.start", "status": 303,
                    "headers": [(b"location", location.encode("utf-8")), (b"set-cookie", cookie.encode("latin-1")),
                                (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})

    def _limited(self, receive: Receive, send: Send, state: dict[str, bool], path: str) -> Receive:
        """Count body bytes as they arrive (chunked uploads carry no Content-Length)."""
        seen = 0
        limit = self.max_body

        async def wrapped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    # Answer 413 ourselves and tell the app the client went away.
                    if not state["replied"]:
                        state["replied"] = True
                        await _reply(send, 413, path, f"request body larger than {limit} bytes")
                    return {"type": "http.disconnect"}
            return message

        return wrapped

    @staticmethod
    def _unless_replied(send: Send, state: dict[str, bool]) -> Send:
        async def wrapped(message: Message) -> None:
            if not state["replied"]:
                await send(message)

        return wrapped

    @staticmethod
    def _with_headers(send: Send, csp: str) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"content-security-policy", csp.encode()), (b"x-content-type-options", b"nosniff"),
                         (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer")]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        return wrapped


def local_location(path: str, query: str = "") -> str:
    """A redirect target that can only be a path on this site, whatever the request path was.

    Browsers read "//host", "/\\host" and "/<tab>/host" as another site, so leading slashes,
    backslashes, whitespace and control characters are dropped and the rest percent-encoded:
    the result is "/" followed by anything but a slash or backslash.
    """
    start = 0
    while start < len(path) and (path[start] in "/\\" or path[start].isspace()
                                 or unicodedata.category(path[start]) in ("Cc", "Cf")):
        start += 1
    location = "/" + quote(path[start:], safe=_PATH_SAFE)
    return location + (f"?{query}" if query else "")


def _bad_query(raw: bytes) -> bool:
    """True if any query name or value holds a control character once percent-decoded."""
    if not raw:
        return False
    pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True, encoding="utf-8", errors="replace")
    return any(_QUERY_CONTROL.search(k) or _QUERY_CONTROL.search(v) for k, v in pairs)


async def _reply(send: Send, status: int, path: str, message: str) -> None:
    """A short error answer: JSON under /api/, plain text elsewhere."""
    if path.startswith("/api/"):
        body, ctype = json.dumps({"detail": message}).encode(), b"application/json"
    else:
        body, ctype = f"{status}: {message}\n".encode(), b"text/plain; charset=utf-8"
    headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
