"""PLACEHOLDER: the figures stage (assigns ``figures``), to be implemented."""

from __future__ import annotations

from typing import ClassVar

from kronik.model import Article
from kronik.stages.base import StageContext


class FigureStage:
    name: ClassVar[str] = "figures"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences")
    assigns: ClassVar[tuple[str, ...]] = ("figures",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, article: Article) -> Article:
        return article
