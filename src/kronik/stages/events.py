"""PLACEHOLDER: the events stage (assigns ``events``), to be implemented."""

from __future__ import annotations

from typing import ClassVar

from kronik.model import Article
from kronik.stages.base import StageContext


class EventStage:
    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences")
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, article: Article) -> Article:
        return article
