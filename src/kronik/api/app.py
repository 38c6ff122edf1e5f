"""The ASGI app: REST routes as thin functions over the store, the engine and the chronicle.

Reads open a read-only SQLite connection per request (WAL: many readers while one writer
ingests). Writes (``POST /api/articles``) go through one read-write :class:`Store` behind a lock
and need the bearer token set at start; without a token the server is read-only. Errors are JSON
``{"error": message}`` with a 4xx status; page sizes and request bodies are bounded.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from kronik import __version__
from kronik.config import Settings
from kronik.corpus import Chronicle
from kronik.engine import Engine
from kronik.errors import InputError, KronikError, NotFoundError, StoreError
from kronik.ingest import read_bytes
from kronik.kb import resolve_actor
from kronik.model import RawArticle
from kronik.store import EventFilter, Page, Store

__all__ = ["ApiOptions", "create_app"]

MAX_PAGE = 200


class ApiOptions:
    """What ``kronik serve`` configures: the database, the write token, the body limit."""

    def __init__(
        self, db_path: Path, *, token: str | None = None, settings: Settings | None = None,
        max_body_bytes: int = 5_000_000,
    ) -> None:
        self.db_path = Path(db_path)
        self.token = token or None
        self.settings = settings or Settings(progress=False)
        self.max_body_bytes = max_body_bytes


class _Services:
    """The engine, chronicle and writer, built once per app (no global state)."""

    def __init__(self, options: ApiOptions) -> None:
        self.options = options
        self.engine = Engine(options.settings)
        self._chronicle: Chronicle | None = None
        self._writer: Store | None = None
        self._lock = threading.Lock()
        Store.open(options.db_path).close()  # create or migrate the schema before readers come

    def reader(self) -> Iterator[Store]:
        store = Store.open(self.options.db_path, readonly=True)
        try:
            yield store
        finally:
            store.close()

    def ingest(self, raws: list[RawArticle]) -> list[dict[str, Any]]:
        with self._lock:
            if self._writer is None:
                self._writer = Store.open(self.options.db_path)
                self._chronicle = Chronicle.from_settings(self.options.settings, self.engine.resources.kb)
            assert self._chronicle is not None
            out = []
            for raw in raws:
                article = self.engine.analyze(raw)
                written = self._writer.write_article(article, on_new=self._chronicle.add)
                report = written.notes[0] if written.notes else None
                out.append({
                    "id": article.id, "new": written.new, "sources": written.sources,
                    "duplicate_of": report.duplicate_of if report else None,
                    "new_events": report.new_events if report else 0,
                    "merged_events": report.merged_events if report else 0,
                })
            return out


def _reader(request: Request) -> Iterator[Store]:
    """A read-only store for one request (FastAPI dependency)."""
    yield from request.app.state.services.reader()


Reader = Annotated[Store, Depends(_reader)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Items per page (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]


def _page(page: Page) -> dict[str, Any]:
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": page.items}


def create_app(options: ApiOptions) -> FastAPI:
    """The kronik app for ``options``: REST API under ``/api``, the dashboard at ``/``."""
    services = _Services(options)
    app = FastAPI(
        title="kronik", version=__version__,
        description="News in, chronicle out: articles, events, stories and relation timelines.",
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; kronik works offline
    )
    app.state.services = services

    @app.exception_handler(KronikError)
    async def kronik_error(request: Request, exc: KronikError) -> JSONResponse:
        status = 404 if isinstance(exc, NotFoundError) else 503 if isinstance(exc, StoreError) else 400
        return JSONResponse({"error": str(exc)}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in exc.errors()
        )
        return JSONResponse({"error": f"invalid request: {problems}"}, status_code=422)

    # -- articles -----------------------------------------------------------------------------
    @app.get("/api/articles", tags=["articles"], summary="Search articles by text and filters")
    def list_articles(
        store: Reader, q: str | None = None, language: str | None = None, outlet: str | None = None,
        date_from: Annotated[date | None, Query(alias="from")] = None,
        date_to: Annotated[date | None, Query(alias="to")] = None,
        limit: Limit = 20, offset: Offset = 0,
    ) -> dict[str, Any]:
        return _page(store.search_articles(
            q, language=language, outlet=outlet, date_from=date_from, date_to=date_to, limit=limit, offset=offset
        ))

    @app.get("/api/articles/{article_id}", tags=["articles"], summary="One article with all its extractions")
    def get_article(article_id: str, store: Reader) -> dict[str, Any]:
        return store.get_article(article_id)

    @app.get("/api/articles/{article_id}/related", tags=["articles"], summary="Related articles, with reasons")
    def related(article_id: str, store: Reader, limit: Limit = 20) -> dict[str, Any]:
        return {"article": article_id, "items": store.related_articles(article_id, limit=limit)}

    # -- events, stories, timelines --------------------------------------------------------------
    @app.get("/api/events", tags=["chronicle"], summary="Chronicle events (or article events) with filters")
    def list_events(
        store: Reader, actor: str | None = None, recipient: str | None = None,
        type: str | None = None, text: str | None = None, story: str | None = None,
        date_from: Annotated[date | None, Query(alias="from")] = None,
        date_to: Annotated[date | None, Query(alias="to")] = None,
        mentions: bool = False, limit: Limit = 50, offset: Offset = 0,
    ) -> dict[str, Any]:
        kb = services.engine.resources.kb
        filters = EventFilter(actor and resolve_actor(kb, actor), recipient and resolve_actor(kb, recipient),
                              type, date_from, date_to, text, story)
        if mentions:
            return _page(store.list_events(filters, limit=limit, offset=offset))
        return _page(store.list_chronicle_events(filters, limit=limit, offset=offset))

    @app.get("/api/events/{event_id}", tags=["chronicle"], summary="One chronicle event with every report")
    def get_event(event_id: str, store: Reader) -> dict[str, Any]:
        return store.get_chronicle_event(event_id)

    @app.get("/api/stories", tags=["chronicle"], summary="Stories, most recently active first")
    def list_stories(store: Reader, actor: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        key = resolve_actor(services.engine.resources.kb, actor) if actor else None
        return _page(store.list_stories(limit=limit, offset=offset, actor=key))

    @app.get("/api/stories/{story_id}", tags=["chronicle"], summary="One story with its events and articles")
    def get_story(story_id: str, store: Reader) -> dict[str, Any]:
        return store.get_story(story_id)

    @app.get("/api/timeline", tags=["chronicle"], summary="Relation timeline of two actors by month")
    def timeline(
        store: Reader, a: Annotated[str, Query(min_length=1, max_length=100)],
        b: Annotated[str, Query(min_length=1, max_length=100)],
        date_from: Annotated[date | None, Query(alias="from")] = None,
        date_to: Annotated[date | None, Query(alias="to")] = None,
    ) -> dict[str, Any]:
        kb = services.engine.resources.kb
        return store.timeline(
            resolve_actor(kb, a), resolve_actor(kb, b),
            date_from.isoformat() if date_from else None, date_to.isoformat() if date_to else None,
        )

    @app.get("/api/actors/{actor_id}", tags=["knowledge base"], summary="Look up an actor in the KB")
    def actor(actor_id: str) -> dict[str, Any]:
        kb = services.engine.resources.kb
        entry = kb.get(actor_id) or kb.get(f"gpe:{resolve_actor(kb, actor_id)}")
        matches = [entry] if entry else kb.search(actor_id, limit=10)
        if not matches:
            raise NotFoundError(f"no actor {actor_id!r} in the knowledge base")
        return {"query": actor_id, "actor": matches[0].to_dict(), "matches": [m.to_dict() for m in matches[1:]]}

    # -- writes -------------------------------------------------------------------------------
    async def _raw_articles(request: Request) -> list[RawArticle]:
        declared = int(request.headers.get("content-length") or 0)
        if declared > options.max_body_bytes:
            raise InputError(f"request body: {declared} bytes is over the {options.max_body_bytes}-byte limit")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > options.max_body_bytes:
                raise InputError(f"request body: over the {options.max_body_bytes}-byte limit")
        kind = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
        name = {"application/json": "<request>.json", "application/x-ndjson": "<request>.jsonl",
                "text/html": "<request>.html"}.get(kind, "<request>")
        raws: list[RawArticle] = []
        for item in read_bytes(body, path=name, max_bytes=options.max_body_bytes):
            if isinstance(item, InputError):
                raise item
            raws.append(item)
        if not raws:
            raise InputError("request body: no article found (send text, HTML or a JSON article)")
        return raws

    def _require_token(authorization: str | None) -> None:
        if options.token is None:
            raise _Forbidden("this server is read-only: start it with --token (or KRONIK_TOKEN) to allow writes")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), options.token.encode()):
            raise _Unauthorized("a valid token is required: send 'Authorization: Bearer TOKEN'")

    @app.exception_handler(_Forbidden)
    async def forbidden(request: Request, exc: _Forbidden) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=403)

    @app.exception_handler(_Unauthorized)
    async def unauthorized(request: Request, exc: _Unauthorized) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=401, headers={"WWW-Authenticate": "Bearer"})

    @app.post("/api/analyze", tags=["analysis"], summary="Analyse an article; returns the article contract")
    async def analyze(request: Request) -> Any:
        raws = await _raw_articles(request)
        articles = await run_in_threadpool(lambda: [services.engine.analyze(raw).to_dict() for raw in raws])
        return articles[0] if len(articles) == 1 else articles

    @app.post("/api/articles", tags=["articles"], status_code=201, summary="Analyse and store articles (token)")
    async def post_articles(
        request: Request, authorization: Annotated[str | None, Header()] = None
    ) -> dict[str, Any]:
        _require_token(authorization)
        raws = await _raw_articles(request)
        return {"items": await run_in_threadpool(services.ingest, raws)}

    # -- dashboard ------------------------------------------------------------------------------
    static = resources.files("kronik.api") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(str(static / "index.html"), media_type="text/html")

    return app


class _Forbidden(Exception):
    pass


class _Unauthorized(Exception):
    pass
