"""Numeric thread pools: one thread per analysing process unless the user set a number."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import ctypes, json, numpy
from rashomon.threads import loaded_openblas, single_threaded
{call}
libs = loaded_openblas()
get = [getattr(ctypes.CDLL(p), n, None) for p in libs
       for n in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads")]
get = [g for g in get if g is not None]
print(json.dumps({{"libs": len(libs), "threads": get[0]() if get else None}}))
"""


def _probe(call: str, env_threads: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    if env_threads is not None:
        env["OPENBLAS_NUM_THREADS"] = env_threads
    out = subprocess.run([sys.executable, "-c", PROBE.format(call=call)], env=env, capture_output=True,
                         text=True, timeout=120, check=True)
    return json.loads(out.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                    reason="OpenBLAS pools are found through /proc/self/maps and need 2+ cores to differ")
@pytest.mark.parametrize("call,env_threads,expected", [
    ("single_threaded()", None, 1),  # numpy already imported with a pool per core: resized
    ("", "1", 1),
    ("single_threaded()", "2", 2),  # the user's own setting wins
    ("from rashomon.components import build_pipeline\n"
     "from rashomon.settings import load_options\n"
     "build_pipeline(load_options(), ['segment'])", None, 1),  # the in-process path pins
])
def test_threads_pin(call, env_threads, expected):
    got = _probe(call, env_threads)
    if not got["libs"]:
        pytest.skip("this numpy has no OpenBLAS")
    assert got["threads"] == expected


def test_threads_pin_without_pin_uses_more():
    """The probe can tell: left alone, OpenBLAS starts a thread per core."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core")
    got = _probe("", None)
    if not got["libs"]:
        pytest.skip("this numpy has no OpenBLAS")
    assert got["threads"] > 1


def test_threads_pin_ignores_garbage(monkeypatch):
    from rashomon.threads import single_threaded

    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "many")
    assert single_threaded() == 0
