"""The language stage: document-level identification with py3langid (its model ships in the wheel).

The classifier is restricted to the candidate languages in ``lang/common/language.toml``; when it
names a language of a confusable group there (Indonesian and Malay), marker words decide within the
group for the whole document. A language given by the user or the input (``raw.language``) wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from kronik.lang import Languages
from kronik.model import Article
from kronik.stages.base import StageContext

__all__ = ["LanguageIdentifier", "LanguageStage"]

_WORD = re.compile(r"[a-z]+")
_SAMPLE_CHARS = 5000


@dataclass(slots=True, frozen=True)
class Confusable:
    """Languages told apart by marker words: single words count once, phrases twice."""

    words: dict[str, frozenset[str]]
    phrases: dict[str, tuple[str, ...]]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Confusable:
        markers: dict[str, list[str]] = data["markers"]
        return cls(
            {code: frozenset(m for m in markers.get(code, []) if " " not in m) for code in data["languages"]},
            {code: tuple(m for m in markers.get(code, []) if " " in m) for code in data["languages"]},
        )

    def decide(self, lowered: str, guess: str) -> str:
        """The group's language with the highest marker score in ``lowered``; a tie keeps ``guess``."""
        words = _WORD.findall(lowered)
        joined = " ".join(words)
        scores = {
            code: sum(1 for w in words if w in single) + sum(2 for p in self.phrases[code] if p in joined)
            for code, single in self.words.items()
        }
        best = max(scores.values())
        winners = [code for code, score in scores.items() if score == best]
        return winners[0] if len(winners) == 1 else guess


@dataclass(slots=True)
class LanguageIdentifier:
    """A restricted py3langid classifier plus the tie-breaks of confusable languages."""

    model: Any
    confusable: dict[str, Confusable]  # language → the group it belongs to

    @classmethod
    def load(cls, languages: Languages) -> LanguageIdentifier:
        from py3langid.langid import MODEL_DIR, MODEL_FILE
        from py3langid.langid import LanguageIdentifier as Model

        data = languages.common("language")
        model = Model.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
        model.set_languages(list(data["candidates"]))
        groups = {}
        for group in data.get("confusable", []):
            confusable = Confusable.from_data(group)
            groups.update(dict.fromkeys(group["languages"], confusable))
        return cls(model, groups)

    def identify(self, text: str) -> tuple[str, float]:
        """ISO 639-1 code and probability for ``text`` (``("und", 0.0)`` when there is no text)."""
        sample = text[:_SAMPLE_CHARS]
        if not sample.strip():
            return "und", 0.0
        code, probability = self.model.classify(sample)
        group = self.confusable.get(str(code))
        if group is not None:
            code = group.decide(sample.casefold(), str(code))
        return str(code), float(probability)


class LanguageStage:
    """Assign ``article.language`` (ISO 639-1)."""

    name: ClassVar[str] = "language"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("language",)

    def __init__(self, context: StageContext) -> None:
        languages = context.resources.languages
        self.identifier: LanguageIdentifier = context.resources.cached("langid", lambda: LanguageIdentifier.load(languages))

    def __call__(self, article: Article) -> Article:
        given = article.raw.language if article.raw else None
        if given:
            article.language = given.lower()
            return article
        sample = f"{article.title or ''}\n{article.text}"
        article.language, _ = self.identifier.identify(sample)
        return article
