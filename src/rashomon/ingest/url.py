"""URL reader: fetch over http(s), then the HTML reader.

Two guards, because a URL is chosen by whoever wrote the list of inputs:
- no private, loopback, link-local, multicast or reserved address, for the first request and
  every redirect hop (E016), unless `allow_private`. The check runs before each request and
  again on the address actually connected to, so a name cannot re-resolve in between;
- one total deadline (`timeout`) for the whole download, redirects included: the body is read
  in chunks against a monotonic clock, so a server dripping bytes cannot hold a batch.
"""

from __future__ import annotations

import functools
import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

from ..errors import RashomonError
from ..model import Article
from .html import read_html_bytes
from .text import read_text_bytes

_AGENT = "rashomon/0.1 (+https://pypi.org/project/rashomon)"
_CHUNK = 65536
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_url(value: str) -> bool:
    """True for http:// and https:// addresses."""
    return value.startswith(("http://", "https://"))


def is_public_address(ip: Address) -> bool:
    """True for a globally routable unicast address (IPv4 embedded in IPv6 judged as IPv4)."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None and not is_public_address(embedded):
            return False
    bad = ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
    return ip.is_global and not bad and not ip.is_unspecified


def _addresses(host: str, port: int) -> list[tuple]:
    """getaddrinfo results for a TCP connection to host:port."""
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)


def _refuse_private(url: str, host: str, infos: list[tuple]) -> None:
    """E016 if any address `host` resolves to is not public (checked via the module function)."""
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        if not is_public_address(ip):
            raise RashomonError("E016", path=url, detail=f"{host} is {ip}")


class _Fetch:
    """The state of one download: its deadline, whether private addresses are allowed, proxies."""

    def __init__(self, url: str, timeout: float, allow_private: bool) -> None:
        self.url = url
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self.allow_private = allow_private
        self.proxies = {urllib.parse.urlsplit(p).hostname for p in urllib.request.getproxies().values()}

    def remaining(self) -> float:
        """Seconds left before the deadline; E009 when it has passed."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise RashomonError("E009", path=self.url, detail=f"took longer than url_timeout={self.timeout:g} s")
        return left

    def connect(self, address: tuple[str, int], timeout: float, source_address=None) -> socket.socket:  # noqa: ANN001
        """Like socket.create_connection, but only to addresses that pass the check."""
        host, port = address
        infos = _addresses(host, port)
        if not self.allow_private and host not in self.proxies:
            _refuse_private(self.url, host, infos)
        error: OSError | None = None
        for family, kind, proto, _, sockaddr in infos:
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(min(timeout, self.remaining()))
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
                return sock
            except OSError as exc:
                sock.close()
                error = exc
        raise error or OSError("no address to connect to")


class _Guarded:
    """Mixin for http.client connections: connect through the guard, within the deadline."""

    def __init__(self, *args, fetch: _Fetch, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self._create_connection = fetch.connect
        self._fetch = fetch

    def connect(self) -> None:
        self.timeout = self._fetch.remaining()
        super().connect()


class _GuardedConnection(_Guarded, http.client.HTTPConnection):
    pass


class _GuardedHTTPSConnection(_Guarded, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, fetch: _Fetch) -> None:
        super().__init__()
        self._fetch = fetch

    def http_open(self, req: urllib.request.Request):  # noqa: ANN201
        return self.do_open(functools.partial(_GuardedConnection, fetch=self._fetch), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, fetch: _Fetch) -> None:
        super().__init__()
        self._fetch = fetch

    def https_open(self, req: urllib.request.Request):  # noqa: ANN201
        return self.do_open(functools.partial(_GuardedHTTPSConnection, fetch=self._fetch), req,
                            context=self._context)


class _Guard(urllib.request.BaseHandler):
    """Checks every request, the first and each redirect hop, before anything is sent."""

    handler_order = 100

    def __init__(self, fetch: _Fetch) -> None:
        self._fetch = fetch

    def http_request(self, req: urllib.request.Request) -> urllib.request.Request:
        parts = urllib.parse.urlsplit(req.full_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise RashomonError("E009", path=self._fetch.url, detail=f"not an http(s) URL: {req.full_url[:200]}")
        self._fetch.remaining()
        if not self._fetch.allow_private:
            port = parts.port or (443 if parts.scheme == "https" else 80)
            _refuse_private(self._fetch.url, parts.hostname, _addresses(parts.hostname, port))
        return req

    https_request = http_request


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows http(s) redirects only (urllib would also follow ftp://)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201, PLR0913
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise RashomonError("E009", path=req.full_url, detail=f"redirected to a non-http(s) URL {newurl[:200]}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(fetch: _Fetch) -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        _HTTPHandler(fetch),
        _HTTPSHandler(fetch),
        urllib.request.HTTPDefaultErrorHandler(),
        _Redirects(),
        urllib.request.HTTPErrorProcessor(),
        _Guard(fetch),
    ):
        opener.add_handler(handler)
    return opener


def _read_body(resp: http.client.HTTPResponse, fetch: _Fetch, max_bytes: int) -> bytes:
    """The response body in chunks, against the total deadline and the size limit."""
    sock = getattr(getattr(getattr(resp, "fp", None), "raw", None), "_sock", None)
    chunks: list[bytes] = []
    size = 0
    while True:
        left = fetch.remaining()
        if sock is not None:
            sock.settimeout(left)  # one slow read cannot outlast the deadline either
        chunk = resp.read1(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise RashomonError("E005", path=fetch.url, size=f">{max_bytes}", limit=max_bytes)
        chunks.append(chunk)


def fetch_bytes(url: str, *, timeout: float, max_bytes: int, allow_private: bool = False) -> tuple[bytes, str]:
    """(body, Content-Type) of a URL: bounded in size (E005) and total time, guarded (E016), else E009."""
    fetch = _Fetch(url, timeout, allow_private)
    request = urllib.request.Request(url, headers={"User-Agent": _AGENT})
    try:
        with _opener(fetch).open(request, timeout=fetch.remaining()) as resp:
            data = _read_body(resp, fetch, max_bytes)
            ctype = resp.headers.get("Content-Type", "")
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        if isinstance(reason, TimeoutError) or isinstance(exc, TimeoutError):
            reason = f"took longer than url_timeout={timeout:g} s"
        raise RashomonError("E009", path=url, detail=str(reason)[:200]) from None
    return data, ctype


def read_url(url: str, *, timeout: float, max_bytes: int, allow_private: bool = False) -> Article:
    """Download a page (bounded in size and total time, public addresses only) and extract its article."""
    data, ctype = fetch_bytes(url, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)
    if "text/plain" in ctype:
        return read_text_bytes(data, url)
    return read_html_bytes(data, url, url=url)
