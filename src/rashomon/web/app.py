"""The FastAPI application factory: pages, /api/, static files, guards."""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..store import Store
from .security import MAX_BODY, Guard

HERE = Path(__file__).resolve().parent
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]
COMPARE_CACHE = 32  # comparisons kept per server process


def _templates():  # noqa: ANN202 - starlette Jinja2Templates
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from starlette.templating import Jinja2Templates

    # Autoescape every template: article text, titles and names are untrusted input.
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True))
    from .. import __version__

    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


class AppState:
    """Shared by requests: the store, templates, and an Analyzer built on first upload."""

    def __init__(self, store: Store, analyzer: Any = None) -> None:
        self.store = store
        self.templates = _templates()
        self._analyzer = analyzer
        # spaCy pipelines are not safe to call from several threads at once.
        self.analyze_lock = threading.Lock()
        # Article ids are content hashes and stored articles never change, so a comparison of
        # the same ids is the same forever: keep the last few (the engine takes ~1-2 s).
        self.compare_cache: OrderedDict[tuple[str, ...], dict[str, Any]] = OrderedDict()
        self.compare_lock = threading.Lock()

    def compare(self, ids: list[str], articles: list[Any]) -> dict[str, Any]:
        """The rashomon.compare document for these articles, cached by their ids."""
        from ..compare import compare_articles

        key = tuple(ids)
        with self.compare_lock:
            if key in self.compare_cache:
                self.compare_cache.move_to_end(key)
                return self.compare_cache[key]
        result = compare_articles(articles)
        with self.compare_lock:
            self.compare_cache[key] = result
            while len(self.compare_cache) > COMPARE_CACHE:
                self.compare_cache.popitem(last=False)
        return result

    def analyzer(self) -> Any:
        """The Analyzer, loading models on first use (call with analyze_lock held)."""
        if self._analyzer is None:
            from ..api import Analyzer

            self._analyzer = Analyzer()
        return self._analyzer


def create_app(store: Store, *, token: str | None = None, max_body: int = MAX_BODY,
               allowed_hosts: list[str] | None = None, analyzer: Any = None):  # noqa: ANN201 - ASGI app
    """Build the web app over a store; `allowed_hosts` guards against DNS rebinding."""
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from .. import __version__
    from .routes_api import router as api_router
    from .routes_pages import install_error_pages
    from .routes_pages import router as page_router

    app = FastAPI(title="rashomon", version=__version__,
                  description="Who says what, and where accounts diverge, across a corpus of news articles.")
    app.state.rashomon = AppState(store, analyzer)
    app.include_router(api_router)
    app.include_router(page_router)
    # StaticFiles resolves names inside this one directory and refuses anything outside it.
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    install_error_pages(app)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    # Outermost: refuse unauthorised or oversized requests before anything else runs.
    return Guard(app, token=token, max_body=max_body)
