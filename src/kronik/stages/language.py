"""PLACEHOLDER language stage."""

from __future__ import annotations

from typing import ClassVar

from kronik.model import Article
from kronik.stages.base import StageContext


class LanguageStage:
    name: ClassVar[str] = "language"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("language",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, article: Article) -> Article:
        article.language = (article.raw.language if article.raw else None) or "id"
        return article
