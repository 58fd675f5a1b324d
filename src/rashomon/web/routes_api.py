"""REST API under /api/: the same data as the pages, as JSON (OpenAPI docs at /docs)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from ..errors import RashomonError
from ..ingest.ids import article_id
from ..model import Article
from ..store import Filters, refresh_clusters
from ..store.entities import entity_detail
from ..store.queries import article_summaries, entity_list, facets, overview
from ..store.search import search
from .deps import ARTICLE_ID, CLUSTER_ID, article_ids, make_filters, state

router = APIRouter(prefix="/api")
MAX_TEXT = 500_000  # characters of an uploaded article


class ArticleIn(BaseModel):
    """An article to analyse and store."""

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    title: str | None = Field(default=None, max_length=1000)
    outlet: str | None = Field(default=None, max_length=200)
    published: str | None = Field(default=None, max_length=64)
    source: str | None = Field(default=None, max_length=1000, description="A label only; never opened.")


@router.get("/overview", tags=["corpus"], summary="Counts by outlet, language, date; techniques; speakers; entities")
def api_overview(request: Request) -> dict[str, Any]:
    """Corpus overview."""
    return overview(state(request).store)


@router.get("/facets", tags=["corpus"], summary="Values for the search filters")
def api_facets(request: Request) -> dict[str, list[str]]:
    """Outlets, languages, technique labels and speakers present in the corpus."""
    return facets(state(request).store)


@router.get("/articles", tags=["articles"], summary="List articles, newest first, with filters")
def api_articles(request: Request, filters: Filters = Depends(make_filters),
                 limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Article summaries with layer counts."""
    rows, total = article_summaries(state(request).store, filters, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "articles": rows}


@router.get("/articles/{article_id}", tags=["articles"], summary="One article in the JSON output contract")
def api_article(request: Request, article_id: str = Path(pattern=ARTICLE_ID)) -> dict[str, Any]:
    """The stored article: text and every layer."""
    doc = state(request).store.get_doc(article_id)
    if doc is None:
        raise HTTPException(404, "no such article")
    return doc


@router.post("/articles", tags=["articles"], status_code=201, summary="Analyse and store an article")
async def api_add_article(request: Request, body: ArticleIn) -> dict[str, Any]:
    """Analyse the text and store it; storing the same text again changes nothing."""
    st = state(request)

    def work() -> dict[str, Any]:
        art = Article(id=article_id(body.text), text=body.text, source=body.source or "<api>", title=body.title,
                      published=body.published, outlet=body.outlet)
        try:
            with st.analyze_lock:
                analysed = st.analyzer().analyze(art)
        except RashomonError as err:
            raise HTTPException(422, str(err)) from None
        added = st.store.add(analysed)
        if added:
            refresh_clusters(st.store)
        return {"id": analysed.id, "added": added}

    return await run_in_threadpool(work)


@router.get("/entities", tags=["entities"], summary="Corpus entity clusters, most mentioned first")
def api_entities(request: Request, limit: int = Query(100, ge=1, le=1000),
                 offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Entity clusters across articles."""
    return {"entities": entity_list(state(request).store, limit=limit, offset=offset)}


@router.get("/entities/{cluster_id}", tags=["entities"], summary="One entity: variants, mentions, quotes")
def api_entity(request: Request, cluster_id: str = Path(pattern=CLUSTER_ID)) -> dict[str, Any]:
    """Variants by script, mentions in context, what it said, what others said about it."""
    detail = entity_detail(state(request).store, cluster_id)
    if detail is None:
        raise HTTPException(404, "no such entity")
    return detail


@router.get("/search", tags=["search"], summary="Full-text search with filters")
def api_search(request: Request, q: str = Query("", max_length=500), filters: Filters = Depends(make_filters),
               limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Matching articles with highlighted snippets (FTS5 or tsvector)."""
    with state(request).store.read() as conn:
        hits, total = search(conn, q, filters, limit=limit, offset=offset)
    return {"q": q, "total": total, "hits": [h.as_dict() for h in hits]}


@router.get("/compare", tags=["compare"], summary="Compare articles: stories, conflicts, agreements, unique")
def api_compare(request: Request, ids: list[str] = Query(..., description="2-4 article ids")) -> dict[str, Any]:
    """The `rashomon compare` JSON document for the stored articles (cached per server process)."""
    wanted = article_ids(ids)
    if len(wanted) < 2:
        raise HTTPException(422, "compare needs at least 2 article ids")
    arts = state(request).store.load_articles(wanted)
    if len(arts) != len(wanted):
        raise HTTPException(404, "no such article")
    return {"articles": wanted, "result": state(request).compare(wanted, arts)}
