"""``POST /api/analyze`` (the article contract of a posted article) and ``POST /api/articles``
(analyse and store; needs the bearer token)."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from starlette.concurrency import run_in_threadpool

from kronik.api.deps import Session
from kronik.api.errors import Forbidden, Unauthorized
from kronik.api.schema import ref
from kronik.errors import InputError
from kronik.ingest import read_bytes
from kronik.model import Article, RawArticle
from kronik.service import Ingested, Kronik

__all__ = ["IngestReply", "router"]

router = APIRouter(prefix="/api")

_KINDS = {"application/json": "<request>.json", "application/x-ndjson": "<request>.jsonl",
          "text/html": "<request>.html"}


@dataclass(slots=True)
class IngestReply:
    """What ``POST /api/articles`` did with each posted article."""

    items: list[Ingested]


async def _raw_articles(request: Request, limit: int) -> list[RawArticle]:
    """The articles of a request body (text, HTML, a JSON article or JSON Lines), bounded in size."""
    declared = int(request.headers.get("content-length") or 0)
    if declared > limit:
        raise InputError(f"request body: {declared} bytes is over the {limit}-byte limit")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise InputError(f"request body: over the {limit}-byte limit")
    kind = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    raws: list[RawArticle] = []
    for item in read_bytes(body, path=_KINDS.get(kind, "<request>"), max_bytes=limit):
        if isinstance(item, InputError):
            raise item
        raws.append(item)
    if not raws:
        raise InputError("request body: no article found (send text, HTML or a JSON article)")
    return raws


def _analysed(kronik: Kronik, raws: list[RawArticle]) -> list[Article]:
    articles = []
    for result in kronik.analyze(raws):
        if result.failure is not None:
            raise result.failure.error
        assert result.article is not None
        articles.append(result.article)
    return articles


def _require_token(token: str | None, authorization: str | None) -> None:
    if token is None:
        raise Forbidden("this server is read-only: start it with --token (or KRONIK_TOKEN) to allow writes")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise Unauthorized("a valid token is required: send 'Authorization: Bearer TOKEN'")


@router.post("/analyze", tags=["analysis"], summary="Analyse an article; returns the article contract",
             response_model=None, responses={200: {"description": "The article contract (a list for many)",
                                                   "content": {"application/json": {"schema": {"oneOf": [
                                                       ref("Article"),
                                                       {"type": "array", "items": ref("Article")}]}}}}})
async def analyze(request: Request, kronik: Session) -> Any:
    raws = await _raw_articles(request, request.app.state.options.max_body_bytes)
    articles = await run_in_threadpool(_analysed, kronik, raws)
    contracts = [article.to_dict() for article in articles]
    return contracts[0] if len(contracts) == 1 else contracts


@router.post("/articles", tags=["articles"], status_code=201, summary="Analyse and store articles (token)")
async def post_articles(
    request: Request, kronik: Session, authorization: Annotated[str | None, Header()] = None
) -> IngestReply:
    _require_token(request.app.state.options.token, authorization)
    raws = await _raw_articles(request, request.app.state.options.max_body_bytes)
    articles = await run_in_threadpool(_analysed, kronik, raws)
    items: list[Ingested] = []
    summary = await run_in_threadpool(lambda: kronik.ingest_articles(articles, on_item=items.append))
    if summary.failures:
        raise summary.failures[0].error
    return IngestReply(items)
