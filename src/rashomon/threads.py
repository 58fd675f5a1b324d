"""One core per analysing process: numeric thread pools held to one thread unless the user chose.

OpenBLAS (numpy's and scipy's copies) starts a thread per core and keeps them spinning
between calls. natasha's and the sentence encoder's small matrix products gain nothing from
them, and on a 2-core machine the spinning thread takes a core: 4 Russian articles took 11.7
CPU-s across two threads instead of 1.6 CPU-s in one, and `--jobs 2` could not scale.
Worker processes get these variables in their environment (`supervisor.worker_env`); an
analyser built in this process (the library, the web app, `--jobs` unset) calls
`single_threaded()`, which also resizes the pools of libraries that are already loaded.
"""

from __future__ import annotations

import ctypes
import os

THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
# numpy's wheels ship OpenBLAS with prefixed, 64-bit-integer symbols; other builds the plain one.
_SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads64_",
            "openblas_set_num_threads")


def single_threaded() -> int:
    """Default the thread variables to 1 and apply OPENBLAS_NUM_THREADS to loaded OpenBLAS copies; how many."""
    for var in THREAD_VARS:
        os.environ.setdefault(var, "1")  # read by libraries loaded from now on (a user's value wins)
    try:
        n = int(os.environ["OPENBLAS_NUM_THREADS"])
    except ValueError:
        return 0
    return sum(_set_threads(path, n) for path in loaded_openblas()) if n > 0 else 0


def loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries mapped into this process (Linux; elsewhere none)."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            paths = {line.split(None, 5)[-1].strip() for line in maps if "openblas" in line.lower()}
    except OSError:
        return []
    return sorted(p for p in paths if p.startswith("/") and os.path.exists(p))


def _set_threads(path: str, n: int) -> bool:
    """Call the library's own thread setter; False if it has none we know."""
    try:
        lib = ctypes.CDLL(path)  # already loaded: the same handle, nothing initialised twice
    except OSError:
        return False
    for name in _SETTERS:
        setter = getattr(lib, name, None)
        if setter is not None:
            setter.argtypes = [ctypes.c_int]
            setter.restype = None
            setter(n)
            return True
    return False
