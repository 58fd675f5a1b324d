"""Test-only components that misbehave on a marker text, to push one article over its budget.

`register` adds them to the component registry; the supervisor's test hook
(RASHOMON_TEST_WORKER_SETUP=tests.budget_hooks:register) calls it inside each worker.
"""

from __future__ import annotations

import os
import signal
import time

from rashomon import components
from rashomon.model import Article

SLEEP = "RASHOMON-TEST-SLEEP"  # sleeps far past any test budget
HOG = "RASHOMON-TEST-HOG"  # holds ~600 MB, then sleeps
CRASH = "RASHOMON-TEST-CRASH"  # raises an unexpected exception
DIE = "RASHOMON-TEST-DIE"  # the worker kills itself with SIGKILL
GROW = "RASHOMON-TEST-GROW"  # keeps ~300 MB alive after the article (in LEAK) and returns
PIDFILE = "pidfile="  # "SLEEP pidfile=/some/path": the sleeping worker writes its pid there first


LEAK: list[bytearray] = []


def _resident(mb: int) -> bytearray:
    block = bytearray(mb * 1024 * 1024)
    for i in range(0, len(block), 4096):  # touch every page so it is resident
        block[i] = 1
    return block


class Misbehave:
    """Passes ordinary articles through untouched; misbehaves on a marker."""

    name = "misbehave"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, article: Article) -> Article:
        text = article.text
        if SLEEP in text:
            if PIDFILE in text:
                path = text.split(PIDFILE, 1)[1].split()[0]
                with open(path + ".tmp", "w", encoding="ascii") as fh:
                    fh.write(str(os.getpid()))
                os.replace(path + ".tmp", path)
            time.sleep(60)
        if HOG in text:
            block = _resident(600)
            time.sleep(60)
            del block
        if GROW in text:
            LEAK.append(_resident(300))
        if CRASH in text:
            raise ValueError("marker says crash")
        if DIE in text:
            os.kill(os.getpid(), signal.SIGKILL)
        article.meta["worker_pid"] = os.getpid()
        return article


def register() -> None:
    """Make 'misbehave' available to build_pipeline in this process."""
    components.REGISTRY["misbehave"] = lambda opts: Misbehave()
