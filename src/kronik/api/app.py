"""The ASGI app: REST routes that parse a request, call the service, and return its record.

Reads use their own read-only SQLite connection (WAL: many readers while one writer ingests).
Writes (``POST /api/articles``) need the bearer token set at start; without a token the server is
read-only. Errors are JSON ``{"error": message}`` (:mod:`kronik.api.errors`); page sizes and
request bodies are bounded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from kronik import __version__
from kronik.api import articles, chronicle, downloads, writes
from kronik.api.errors import add_error_handlers
from kronik.api.schema import use_article_schema
from kronik.config import Settings
from kronik.service import Kronik

__all__ = ["ApiOptions", "create_app"]


@dataclass(slots=True)
class ApiOptions:
    """What ``kronik serve`` configures: the database, the write token, the settings, the body limit."""

    db_path: Path
    token: str | None = None
    settings: Settings = field(default_factory=lambda: Settings(progress=False))
    max_body_bytes: int = 5_000_000


def create_app(options: ApiOptions) -> FastAPI:
    """The kronik app for ``options``: REST API under ``/api``, the dashboard at ``/``."""
    kronik = Kronik(options.settings, db_path=options.db_path)
    kronik.open_store()  # create or migrate the schema before readers come

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        kronik.close()

    app = FastAPI(
        title="kronik", version=__version__, lifespan=lifespan,
        description="News in, chronicle out: articles, events, stories and relation timelines.",
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; kronik works offline
    )
    app.state.kronik = kronik
    app.state.options = dataclasses.replace(options, token=options.token or None)
    add_error_handlers(app)
    for module in (articles, chronicle, writes, downloads):
        app.include_router(module.router)
    use_article_schema(app)
    static = resources.files("kronik.api") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(str(static / "index.html"), media_type="text/html")

    return app
