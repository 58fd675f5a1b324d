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
