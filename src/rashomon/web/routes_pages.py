"""HTML pages: overview, article, compare, stories, story, entities, entity, search."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import RashomonError
from ..render.compare_view import CONFIG_HINT, comparison_rows, hidden_note
from ..store import Filters
from ..store.entities import entity_detail
from ..store.queries import article_summaries, entity_list, facets, overview
from ..store.search import search
from ..store.story_queries import story_list
from .deps import ARTICLE_ID, CLUSTER_ID, MAX_COMPARE, MAX_OFFSET, article_ids, make_filters, state
from .views import LAYERS, article_view, changed_rows, feed_rows, story_page

router = APIRouter(include_in_schema=False)
PAGE = 50


def _render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return state(request).templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/", response_class=HTMLResponse)
def page_overview(request: Request) -> HTMLResponse:
    """Corpus overview and article list."""
    st = state(request)
    rows, total = st.corpus.get("home", lambda: article_summaries(st.store, limit=200))
    ov = st.corpus.get("overview", lambda: overview(st.store))
    # Not cached per corpus version: a poll changes feed state without changing the corpus.
    feeds = feed_rows(st.store)
    return _render(request, "overview.html", ov=ov, articles=rows, total=total, feeds=feeds, nav="overview")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def page_article(request: Request, article_id: str = Path(pattern=ARTICLE_ID)) -> HTMLResponse:
    """One article with highlighted layers, legend, toggles and explanations."""
    st = state(request)
    art = st.store.load_article(article_id)
    if art is None:
        raise HTTPException(404, "no such article")
    return _render(request, "article.html", view=article_view(st.store, art), layers=LAYERS, nav="article")


@router.get("/compare", response_class=HTMLResponse)
def page_compare(request: Request, ids: list[str] = Query([]),
                 entity: str | None = Query(None, pattern=CLUSTER_ID)) -> HTMLResponse:
    """Pick articles (or an entity's story) and see them side by side with the comparison table."""
    st = state(request)
    wanted = article_ids(ids)
    story = None
    if entity and not wanted:
        story = entity_detail(st.store, entity)
        if story is None:
            raise HTTPException(404, "no such entity")
        wanted = [a["id"] for a in story["articles"]][:MAX_COMPARE]
    arts = st.store.load_articles(wanted) if wanted else []
    if len(arts) != len(wanted):
        raise HTTPException(404, "no such article")
    comparison = st.compare(arts) if len(arts) >= 2 else None
    rows = comparison_rows(comparison) if comparison else []
    hidden = hidden_note(comparison, CONFIG_HINT) if comparison else ""
    views = [article_view(st.store, a, prefix=f"c{i}:") for i, a in enumerate(arts)]
    choices, _ = st.corpus.get("choices", lambda: article_summaries(st.store, limit=500))
    stories = st.corpus.get("stories", lambda: entity_list(st.store, limit=50))
    return _render(request, "compare.html", views=views, rows=rows, hidden=hidden, choices=choices,
                   chosen=wanted, story=story, stories=stories, layers=LAYERS,
                   max_compare=MAX_COMPARE, nav="compare")


@router.get("/stories", response_class=HTMLResponse)
def page_stories(request: Request, since: str | None = Query(None, max_length=40),
                 offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> HTMLResponse:
    """Stories, largest first; with `since`, those an article joined since that day."""
    st = state(request)
    try:
        rows, total = story_list(st.store, since=since, limit=PAGE, offset=offset)
    except RashomonError as err:
        raise HTTPException(422, str(err)) from None
    return _render(request, "stories.html", stories=rows, total=total, since=since or "", offset=offset, page=PAGE,
                   nav="stories")


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def page_story(request: Request, story_id: str = Path(max_length=40),
               since: str | None = Query(None, max_length=40)) -> HTMLResponse:
    """One story: its articles (those joined since `since` marked) and their comparison, with
    conflicts and agreements involving a new article first under "Changed since"."""
    try:
        story, ids, comparison = story_page(state(request), story_id, since)
    except RashomonError as err:
        raise HTTPException(404 if err.code == "E161" else 422, str(err)) from None
    rows = comparison_rows(comparison) if comparison else []
    changed, rest = changed_rows(rows, {a["id"] for a in story["articles"] if a["new"]})
    hidden = hidden_note(comparison, CONFIG_HINT) if comparison else ""
    return _render(request, "story.html", story=story, compared=ids, changed=changed, rows=rest, hidden=hidden,
                   comparison=comparison, max_compare=MAX_COMPARE, nav="stories")


@router.get("/entities", response_class=HTMLResponse)
def page_entities(request: Request) -> HTMLResponse:
    """Corpus entities, most mentioned first."""
    st = state(request)
    ents = st.corpus.get("entities", lambda: entity_list(st.store, limit=500))
    return _render(request, "entities.html", entities=ents, nav="entities")


@router.get("/entities/{cluster_id}", response_class=HTMLResponse)
def page_entity(request: Request, cluster_id: str = Path(pattern=CLUSTER_ID)) -> HTMLResponse:
    """One entity: variants and scripts, mentions, what it said, what others said about it."""
    detail = entity_detail(state(request).store, cluster_id)
    if detail is None:
        raise HTTPException(404, "no such entity")
    return _render(request, "entity.html", e=detail, nav="entities")


@router.get("/search", response_class=HTMLResponse)
def page_search(request: Request, q: str = Query("", max_length=500), filters: Filters = Depends(make_filters),
                offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> HTMLResponse:
    """Full-text search with outlet, language, date, technique and speaker filters."""
    st = state(request)
    try:
        with st.store.read() as conn:
            hits, total = search(conn, q, filters, limit=PAGE, offset=offset)
    except RashomonError as err:
        raise HTTPException(422, str(err)) from None
    params = {k: v for k, v in request.query_params.items() if k != "offset"}
    return _render(request, "search.html", q=q, f=filters, hits=hits, total=total, offset=offset, page=PAGE,
                   facets=st.corpus.get("facets", lambda: facets(st.store)), params=params, nav="search")


def install_error_pages(app: FastAPI) -> None:
    """HTML error pages for browsers, JSON for /api/."""

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):  # noqa: ANN202
        if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return _render(request, "error.html", status=exc.status_code, code=exc.status_code, message=exc.detail)
