"""REST API under /api/: the same data as the pages, as JSON (OpenAPI docs at /docs)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError
from starlette.requests import ClientDisconnect

from ..errors import RashomonError
from ..ingest import read_bytes
from ..model import Article
from ..store import Filters
from ..store.entities import entity_detail
from ..store.queries import article_summaries, entity_list, facets, overview
from ..store.search import search
from ..store.story_queries import story_list
from .deps import ARTICLE_ID, CLUSTER_ID, MAX_OFFSET, article_ids, make_filters, state

router = APIRouter(prefix="/api")
JOB_ID = r"^[0-9a-f]{32}$"


class ArticleIn(BaseModel):
    """An article to analyse and store; its text is checked exactly as `rashomon ingest` checks a .txt file."""

    text: str
    title: str | None = Field(default=None, max_length=1000)
    outlet: str | None = Field(default=None, max_length=200)
    published: str | None = Field(default=None, max_length=64)
    source: str | None = Field(default=None, max_length=1000, description="A label only; never opened.")


_UPLOAD_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string", "format": "binary"},
                           "description": "The raw bytes of a text file, any encoding the CLI reads; "
                                          "metadata in the query string."},
        },
    }
}


def coded(err: RashomonError, status: int = 422) -> HTTPException:
    """An HTTP error carrying a coded error's message (and its code for clients)."""
    return HTTPException(status, {"code": err.code, "message": str(err)})


def read_upload(st: Any, data: bytes, meta: ArticleIn) -> Article:
    """The article of an upload, through the one reader every door uses (rashomon.ingest.read_bytes)."""
    label = meta.source or "<api>"
    try:
        items = list(read_bytes(data, label, st.options.ingest, kind="text"))
    except RashomonError as err:
        raise coded(err) from None
    if len(items) != 1:
        raise HTTPException(422, "one article per upload")
    if isinstance(items[0], RashomonError):
        raise coded(items[0])
    art = items[0]
    art.title = meta.title or art.title
    art.outlet = meta.outlet
    art.published = meta.published
    return art


@router.get("/overview", tags=["corpus"], summary="Counts by outlet, language, date; techniques; speakers; entities")
def api_overview(request: Request) -> dict[str, Any]:
    """Corpus overview."""
    st = state(request)
    return st.corpus.get("overview", lambda: overview(st.store))


@router.get("/facets", tags=["corpus"], summary="Values for the search filters")
def api_facets(request: Request) -> dict[str, list[str]]:
    """Outlets, languages, technique labels and speakers present in the corpus."""
    st = state(request)
    return st.corpus.get("facets", lambda: facets(st.store))


@router.get("/articles", tags=["articles"], summary="List articles, newest first, with filters")
def api_articles(request: Request, filters: Filters = Depends(make_filters),
                 limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
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


@router.post("/articles", tags=["articles"], status_code=202, openapi_extra=_UPLOAD_DOC,
             summary="Queue an article for analysis; answers with a status URL")
async def api_add_article(request: Request, title: str | None = Query(None, max_length=1000),
                          outlet: str | None = Query(None, max_length=200),
                          published: str | None = Query(None, max_length=64),
                          source: str | None = Query(None, max_length=1000)) -> JSONResponse:
    """Check the text as the CLI does (E002/E003/E004/E005/E011/E012 are a 422), queue it, answer 202.

    JSON bodies carry the text and metadata; any other body is the raw bytes of a text file
    (decoded as `rashomon ingest` decodes one) with metadata in the query string. Poll the
    `status_url` for the result; a full queue is E084 (503).
    """
    st = state(request)
    try:
        raw = await request.body()
    except ClientDisconnect:
        # The size guard has already answered 413 (or the client left): nothing to say.
        return JSONResponse({"detail": "request body not received"}, status_code=400)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        # Python's JSON reader, like the CLI's JSONL reader: it keeps lone surrogates as
        # characters, and then the text check decides about them as for a file.
        try:
            meta = ArticleIn.model_validate(json.loads(raw))
        except ValidationError as exc:  # a ValueError too: caught first
            raise HTTPException(422, exc.errors(include_url=False, include_context=False, include_input=False))
        except (ValueError, RecursionError) as exc:
            raise HTTPException(422, f"request body is not JSON: {str(exc)[:200]}") from None
        data = meta.text.encode("utf-8", "surrogatepass")
    else:
        meta = ArticleIn(text="", title=title, outlet=outlet, published=published, source=source)
        data = raw
    # Decoding a large text is real work: off the event loop.
    art = await run_in_threadpool(read_upload, st, data, meta)
    try:
        job = st.uploads.submit(art)
    except RashomonError as err:
        raise HTTPException(503, {"code": err.code, "message": str(err)}, headers={"Retry-After": "30"}) from None
    url = f"/api/jobs/{job.id}"
    return JSONResponse({**job.as_dict(), "status_url": url}, status_code=202, headers={"Location": url})


@router.get("/jobs/{job_id}", tags=["articles"], summary="Status of a queued upload")
def api_job(request: Request, job_id: str = Path(pattern=JOB_ID)) -> dict[str, Any]:
    """queued, running, done (with article_id and added) or error (with code and message)."""
    job = state(request).uploads.get(job_id)
    if job is None:
        raise HTTPException(404, "no such job")
    return job.as_dict()


@router.get("/entities", tags=["entities"], summary="Corpus entity clusters, most mentioned first")
def api_entities(request: Request, limit: int = Query(100, ge=1, le=1000),
                 offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
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
               limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
    """Matching articles with highlighted snippets (FTS5 or tsvector)."""
    try:
        with state(request).store.read() as conn:
            hits, total = search(conn, q, filters, limit=limit, offset=offset)
    except RashomonError as err:
        raise coded(err) from None
    return {"q": q, "total": total, "hits": [h.as_dict() for h in hits]}


@router.get("/compare", tags=["compare"], summary="Compare articles: stories, conflicts, agreements, unique")
def api_compare(request: Request, ids: list[str] = Query(..., description="2-4 article ids")) -> dict[str, Any]:
    """The `rashomon compare` JSON document for the stored articles (cached per server process).

    Conflicts are ranked by confidence; those below the server's `[compare] min_confidence`
    are counted in `hidden_conflicts`.
    """
    wanted = article_ids(ids)
    if len(wanted) < 2:
        raise HTTPException(422, "compare needs at least 2 article ids")
    arts = state(request).store.load_articles(wanted)
    if len(arts) != len(wanted):
        raise HTTPException(404, "no such article")
    return {"articles": wanted, "result": state(request).compare(arts).to_dict()}


@router.get("/stories", tags=["stories"], summary="Stories, largest first; with since, those changed since a date")
def api_stories(request: Request, since: str | None = Query(None, max_length=40, description="YYYY-MM-DD"),
                limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
    """Stored stories (kept current as articles are ingested), each with how many articles joined
    on or after `since`; a bad date is E160."""
    try:
        rows, total = story_list(state(request).store, since=since, limit=limit, offset=offset)
    except RashomonError as err:
        raise coded(err) from None
    return {"since": since or None, "total": total, "limit": limit, "offset": offset, "stories": rows}


@router.get("/stories/{story_id}", tags=["stories"], summary="One story: its articles and their comparison")
def api_story(request: Request, story_id: str = Path(max_length=40),
              since: str | None = Query(None, max_length=40, description="YYYY-MM-DD")) -> dict[str, Any]:
    """The story's articles (`new`: joined on or after `since`), the `rashomon compare` document
    of the articles compared (all, or the new and latest when the story is large), and under
    `changed` the ids of its conflicts and agreements with a position in a new article.
    An unknown story is E161 (404), a bad date E160 (422)."""
    from .views import story_page

    try:
        story, ids, comparison = story_page(state(request), story_id, since)
    except RashomonError as err:
        raise coded(err, 404 if err.code == "E161" else 422) from None
    new = {a["id"] for a in story["articles"] if a["new"]}
    changed = {section: [f.id for f in getattr(comparison, section) if any(p.article in new for p in f.positions)]
               if comparison else [] for section in ("conflicts", "agreements")}
    return {"story": story, "compared": ids, "result": comparison.to_dict() if comparison else None,
            "changed": changed}
