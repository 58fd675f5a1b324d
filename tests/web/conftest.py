"""Web fixtures: a corpus ingested with the real CLI, `rashomon serve` on a free loopback port,
and pages in Debian's Chromium (the session `chromium` fixture from tests/conftest.py).

The corpus holds the seeds when ../shared/seeds exists, small English and Russian texts, and
a hostile article whose title and text carry <script>, event handlers and javascript: links.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import SEEDS

XSS_TEXT = (
    "Breaking <script>window.__xss = 1; document.title = 'pwned'</script> news from Minsk\n\n"
    "Alexander Lukashenko said that <img src=x onerror=\"window.__xss = 2; document.title = 'pwned'\"> "
    "the plot was real. <a href=\"javascript:window.__xss = 3\">Click here</a> for details.\n\n"
    "\"<b onmouseover=\"window.__xss = 4\">Nothing</b> happened in Minsk <svg onload=\"window.__xss = 5\">,\" "
    "said Anatol Lyabedzka. See javascript:alert(1) and <iframe src=\"javascript:window.__xss = 6\"></iframe>.\n"
)
SMALL = {
    "b_kyiv.txt": "Kyiv reacts to the Minsk affair\n\nOfficials in Kyiv said that only 33 people were detained "
                  "in Minsk.\n\nAndrey Parotnikau told reporters: \"Few people believe Lukashenka.\"\n",
    "c_ru.txt": "Заговор в Минске\n\nАлександр Лукашенко заявил, что в Минске задержаны 33 человека.\n",
}
TOKEN = "test-token-0123456789abcdef"


def free_port() -> int:
    """A port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Poll the URL until it answers (any HTTP status), bounded in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server did not answer at {url} within {timeout}s")


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "rashomon.cli", *args]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    """A corpus ingested by `rashomon ingest` (real CLI, one subprocess)."""
    root = tmp_path_factory.mktemp("web")
    src = root / "articles"
    src.mkdir()
    if SEEDS.exists():
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, src / seed.name)
    (src / "a_xss.txt").write_text(XSS_TEXT, encoding="utf-8")
    for name, text in SMALL.items():
        (src / name).write_text(text, encoding="utf-8")
    db = root / "corpus.sqlite"
    res = subprocess.run(_cli("ingest", str(src), "--db", str(db), "--no-progress"), capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    assert "failed 0" in res.stderr
    return db


def _serve(db: Path, *extra: str):  # noqa: ANN202 - generator of base URLs
    port = free_port()
    proc = subprocess.Popen(_cli("serve", "--db", str(db), "--port", str(port), *extra),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(base + "/static/style.css", proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.fixture(scope="session")
def server(web_db):
    """`rashomon serve` on 127.0.0.1 and a free port; yields the base URL."""
    yield from _serve(web_db)


@pytest.fixture(scope="session")
def token_server(web_db):
    """`rashomon serve --token ...`; yields the base URL."""
    yield from _serve(web_db, "--token", TOKEN)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where screenshots go: $RASHOMON_SCREENSHOTS or a session tmp dir."""
    target = os.environ.get("RASHOMON_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        return Path(target)
    return tmp_path_factory.mktemp("screens")


@pytest.fixture
def page(chromium):
    """A fresh browser page that records script errors; asserts none happened."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert errors == [], errors


@pytest.fixture(scope="session")
def articles(server) -> dict[str, dict]:
    """Stored article summaries keyed by the first 3 characters of the source file name."""
    import json

    with urllib.request.urlopen(server + "/api/articles?limit=500", timeout=10) as resp:
        rows = json.load(resp)["articles"]
    out = {}
    for row in rows:
        with urllib.request.urlopen(f"{server}/api/articles/{row['id']}", timeout=10) as resp:
            doc = json.load(resp)
        out[Path(doc["source"]).name[:3]] = doc
    return out


# ---- light, in-process apps: real store, real worker processes, a segment-only pipeline -----

LIGHT = {"components": ["segment", "misbehave"]}


def light_options(**analysis):  # noqa: ANN201 - rashomon.settings.Options
    """Options with a pipeline that loads no model (segmentation plus the budget test hook)."""
    from rashomon import load_options

    return load_options(pipeline=LIGHT, analysis=analysis or {"max_seconds": 30})


@pytest.fixture
def light_hook(monkeypatch):
    """Worker processes register the misbehaving test component (tests/budget_hooks.py)."""
    from tests import budget_hooks

    monkeypatch.setenv("RASHOMON_TEST_WORKER_SETUP", "tests.budget_hooks:register")
    budget_hooks.register()


class LiveApp:
    """An ASGI app served by uvicorn in a thread on a free loopback port (real HTTP, real threads)."""

    def __init__(self, app) -> None:  # noqa: ANN001
        import threading

        import uvicorn

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveApp":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(60)


def http(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 60):  # noqa: ANN201 - (status, headers, parsed JSON or text)
    """One request; returns (status, headers, JSON body or text) for any status."""
    import json

    req = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, hdrs, raw = resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        status, hdrs, raw = err.code, err.headers, err.read()
    try:
        return status, hdrs, json.loads(raw)
    except ValueError:
        return status, hdrs, raw.decode("utf-8", "replace")


def wait_job(base: str, url: str, timeout: float = 120) -> dict:
    """Poll a job status URL until it is done or error (bounded)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, _, job = http("GET", base + url)
        assert status == 200, job
        if job["status"] in ("done", "error"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {url} not finished within {timeout}s")
