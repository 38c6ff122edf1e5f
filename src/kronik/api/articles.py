"""``/api/articles``: search, one article with all its extractions, related articles."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from kronik.api.deps import ArticleParams, Limit, Session
from kronik.api.schema import ref
from kronik.service import ArticleSummary, Page, RelatedArticles

__all__ = ["router"]

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", summary="Search articles by text and filters")
def list_articles(params: Annotated[ArticleParams, Query()], kronik: Session) -> Page[ArticleSummary]:
    return kronik.articles(params.query())


@router.get("/{article_id}", summary="One article with all its extractions", response_model=None,
            responses={200: {"description": "The article contract plus its sources",
                             "content": {"application/json": {"schema": ref("StoredArticle")}}}})
def get_article(article_id: str, kronik: Session) -> dict[str, Any]:
    return kronik.article(article_id).to_dict()


@router.get("/{article_id}/related", summary="Related articles, with reasons")
def related(article_id: str, kronik: Session, limit: Limit = 20) -> RelatedArticles:
    return kronik.related(article_id, limit)
