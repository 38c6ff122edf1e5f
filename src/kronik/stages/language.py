"""The language stage: document-level identification with py3langid (its model ships in the wheel).

The classifier is restricted to the candidate languages in ``lang/common/language.toml``; when it
says Malay, marker words decide between Indonesian and Malay for the whole document. A language
given by the user or the input (``raw.language``) wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from kronik.lang import load_resource
from kronik.model import Article
from kronik.stages.base import StageContext

__all__ = ["LanguageIdentifier", "LanguageStage"]

_WORD = re.compile(r"[a-z]+")
_SAMPLE_CHARS = 5000


@dataclass(slots=True)
class LanguageIdentifier:
    """A restricted py3langid classifier plus the Indonesian/Malay tie-break."""

    model: Any
    indonesian: frozenset[str]
    malay: frozenset[str]

    @classmethod
    def load(cls) -> LanguageIdentifier:
        from py3langid.langid import MODEL_DIR, MODEL_FILE
        from py3langid.langid import LanguageIdentifier as Model

        data = load_resource("common", "language")
        model = Model.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
        model.set_languages(list(data["candidates"]))
        return cls(model, frozenset(data["indonesian_markers"]), frozenset(data["malay_markers"]))

    def identify(self, text: str) -> tuple[str, float]:
        """ISO 639-1 code and probability for ``text`` (``("und", 0.0)`` when there is no text)."""
        sample = text[:_SAMPLE_CHARS]
        if not sample.strip():
            return "und", 0.0
        code, probability = self.model.classify(sample)
        if code in ("id", "ms"):
            code = self._indonesian_or_malay(sample.casefold(), code)
        return str(code), float(probability)

    def _indonesian_or_malay(self, lowered: str, guess: str) -> str:
        words = _WORD.findall(lowered)
        joined = " ".join(words)
        id_score = sum(1 for w in words if w in self.indonesian)
        ms_score = sum(1 for w in words if w in self.malay)
        ms_score += sum(2 for marker in self.malay if " " in marker and marker in joined)
        if id_score > ms_score:
            return "id"
        if ms_score > id_score:
            return "ms"
        return guess


class LanguageStage:
    """Assign ``article.language`` (ISO 639-1)."""

    name: ClassVar[str] = "language"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("language",)

    def __init__(self, context: StageContext) -> None:
        self.identifier: LanguageIdentifier = context.resources.cached("langid", LanguageIdentifier.load)

    def __call__(self, article: Article) -> Article:
        given = article.raw.language if article.raw else None
        if given:
            article.language = given.lower()
            return article
        sample = f"{article.title or ''}\n{article.text}"
        article.language, _ = self.identifier.identify(sample)
        return article
