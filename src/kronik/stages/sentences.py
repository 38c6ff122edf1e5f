"""PLACEHOLDER sentence stage."""

from __future__ import annotations

import re
from typing import ClassVar

from kronik.model import Article
from kronik.stages.base import StageContext

_SENT = re.compile(r"[^.!?\n]+[.!?]*")


class SentenceStage:
    name: ClassVar[str] = "sentences"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("sentences",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, article: Article) -> Article:
        article.sentences = [(m.start(), m.end()) for m in _SENT.finditer(article.text) if m.group().strip()]
        return article
