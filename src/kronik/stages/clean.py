"""PLACEHOLDER clean stage: raw content → text, title, id (to be replaced by the real cascade)."""

from __future__ import annotations

from typing import ClassVar

from kronik.model import Article, article_id
from kronik.stages.base import StageContext


class CleanStage:
    name: ClassVar[str] = "clean"
    requires: ClassVar[tuple[str, ...]] = ("raw",)
    assigns: ClassVar[tuple[str, ...]] = (
        "id", "text", "title", "dateline", "published", "removed", "links",
    )

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, article: Article) -> Article:
        assert article.raw is not None
        article.text = article.raw.content.strip()
        article.title = article.raw.title
        article.published = article.raw.published
        article.id = article_id(article.text)
        return article
