"""The FastAPI application factory: pages, /api/, static files, guards."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, AsyncIterator

from ..ingest.ids import content_hash
from ..settings import Options, load_options
from ..store import Store
from .coalesce import Coalescer, LruCache, VersionedCache
from .jobs import UploadQueue
from .security import MAX_BODY, Guard

if TYPE_CHECKING:
    from ..compare.result import Comparison

HERE = Path(__file__).resolve().parent
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]
COMPARE_CACHE = 32  # comparisons kept per server process
COMPARISONS = 2  # comparisons computed at once (each takes ~1-2 s and a few hundred MB)
CORPUS_QUERIES = 4  # distinct corpus-wide queries computed at once


def _templates():  # noqa: ANN202 - starlette Jinja2Templates
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from starlette.templating import Jinja2Templates

    # Autoescape every template: article text, titles and names are untrusted input.
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True))
    from .. import __version__

    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


class AppState:
    """Shared by requests: the store, templates, caches, and the upload queue."""

    def __init__(self, store: Store, options: Options, *, analyzer: Any = None, queue_size: int = 8,
                 aliases: Any = None) -> None:
        self.store = store
        self.options = options
        # Alias rules (rashomon.resolve.load_aliases) forcing or forbidding merges, as `compare --aliases`.
        self.aliases = aliases
        self.templates = _templates()
        self.uploads = UploadQueue(store, options, size=queue_size, analyzer=analyzer)
        # Corpus-wide answers (overview, facets, lists) are cached per corpus version, so
        # their cost does not grow with the corpus while nothing changes.
        self.corpus = VersionedCache(store, Coalescer(CORPUS_QUERIES))
        # A comparison depends only on the articles' texts: keep the last few, keyed by
        # content hash; identical concurrent requests share one computation.
        self.compare_cache = LruCache(COMPARE_CACHE)
        self._comparisons = Coalescer(COMPARISONS)

    def compare(self, articles: list[Any]) -> Comparison:
        """The comparison of these articles under the app's options and aliases, computed once per set of texts.

        The same call `rashomon compare` makes: with whole stored articles (the store is lossless)
        the two give the same document.
        """
        from ..compare import compare_articles

        key = tuple(content_hash(a.text) for a in articles)
        cached = self.compare_cache.get(key)
        if cached is not None:
            return cached

        def compute() -> Comparison:
            found = self.compare_cache.get(key)  # finished while we waited for a slot
            if found is None:
                # The app's options decide the confidence threshold, as the config does for the CLI.
                found = compare_articles(articles, aliases=self.aliases, options=self.options)
                self.compare_cache.put(key, found)
            return found

        return self._comparisons.run(key, compute)


def create_app(store: Store, *, token: str | None = None, max_body: int = MAX_BODY,
               allowed_hosts: list[str] | None = None, analyzer: Any = None, options: Options | None = None,
               queue_size: int = 8, aliases: Any = None):  # noqa: ANN201 - ASGI app
    """Build the web app over a store; `allowed_hosts` guards against DNS rebinding.

    `options` are the settings uploads are read and analysed with and comparisons use (defaults
    if None); `aliases` are alias rules for comparisons (`rashomon.resolve.load_aliases`);
    `queue_size` bounds the uploads waiting for analysis (E084 beyond).
    """
    from fastapi import FastAPI
    from fastapi.concurrency import run_in_threadpool
    from fastapi.staticfiles import StaticFiles
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from .. import __version__
    from .docs import ASSETS, install_docs
    from .routes_api import router as api_router
    from .routes_pages import install_error_pages
    from .routes_pages import router as page_router

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        # Let the upload worker finish its article and stop its analysis process.
        await run_in_threadpool(app.state.rashomon.uploads.close)

    # Our own /docs (see web/docs.py): FastAPI's loads its scripts from a CDN.
    app = FastAPI(title="rashomon", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Who says what, and where accounts diverge, across a corpus of news articles.")
    app.state.rashomon = AppState(store, options or load_options(), analyzer=analyzer, queue_size=queue_size,
                                  aliases=aliases)
    app.include_router(api_router)
    app.include_router(page_router)
    install_docs(app)
    # StaticFiles resolves names inside one directory and refuses anything outside it.
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.mount("/docs-assets", StaticFiles(directory=str(ASSETS)), name="docs-assets")
    install_error_pages(app)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    # Outermost: refuse unauthorised or oversized requests before anything else runs.
    return Guard(app, token=token, max_body=max_body)
