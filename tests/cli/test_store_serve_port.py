"""`rashomon serve` on a port already in use fails with E082 before creating or migrating a database."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest


@pytest.mark.parametrize("host", ["127.0.0.1", "::1"])
def test_store_serve_port_in_use_creates_no_database(tmp_path, host):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        busy = socket.socket(family, socket.SOCK_STREAM)
        busy.bind((host, 0))
    except OSError:
        pytest.skip(f"{host} is not available on this machine")
    busy.listen(1)
    port = busy.getsockname()[1]
    db = tmp_path / "sub" / "never.sqlite"
    try:
        res = subprocess.run([sys.executable, "-m", "rashomon.cli", "serve", "--db", str(db), "--host", host,
                              "--port", str(port)], capture_output=True, text=True, timeout=120)
    finally:
        busy.close()
    assert res.returncode != 0
    assert "E082" in res.stderr and f"{port}" in res.stderr and "Traceback" not in res.stderr
    assert not db.exists() and not (tmp_path / "sub").exists()


def test_store_serve_unknown_host_is_e082(tmp_path):
    db = tmp_path / "never.sqlite"
    res = subprocess.run([sys.executable, "-m", "rashomon.cli", "serve", "--db", str(db), "--host", "127.0.0.256",
                          "--token", "x" * 20], capture_output=True, text=True, timeout=120)
    assert res.returncode != 0 and "E082" in res.stderr and "Traceback" not in res.stderr
    assert not db.exists()
