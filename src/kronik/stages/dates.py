"""The date stage: date expressions resolved to calendar values, and the publication date.

Against ``article.published`` when known (given, or from page metadata). Otherwise it is inferred
only where the URL or the text fixes it with confidence (:mod:`kronik.stages.temporal.published`),
stored with ``published_source = "inferred"`` and a warning saying how, and the roles of linked
people are re-resolved at that date. When it cannot be trusted it stays ``None`` with a warning:
dates lacking their year then take it from the last full date written before them (else keep
``XXXX``), and words of the time of writing ("kemarin") stay unresolved
(:mod:`kronik.stages.temporal.timeline`).
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from kronik.kb import KnowledgeBase
from kronik.model import Article, DateValue
from kronik.stages.base import StageContext
from kronik.stages.ner.rules import entity_rules
from kronik.stages.temporal import DateGrammar, PublicationDating, resolve_all

__all__ = ["DateStage"]


class DateStage:
    """Assign ``article.dates`` (and ``published`` when it can be inferred)."""

    name: ClassVar[str] = "dates"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences", "entities")
    assigns: ClassVar[tuple[str, ...]] = ("dates", "published")

    def __init__(self, context: StageContext) -> None:
        resources = context.resources
        self.grammar: DateGrammar = resources.cached("date-grammar", lambda: DateGrammar.load(resources.languages.all()))
        self.kb: KnowledgeBase = resources.kb
        rules = entity_rules(resources)
        self.dating: PublicationDating = resources.cached(
            "publication-dating", lambda: PublicationDating.load(self.kb, rules, self.grammar, resources.languages))

    def __call__(self, article: Article) -> Article:
        found = list(self.grammar.find(article.text))
        reference = article.published
        if reference is None:
            reference, how = self.dating.infer(article, found, date.today())
            if reference is not None:
                article.published, article.published_source = reference, "inferred"
                article.warnings.append(f"published date inferred ({how}): {reference}")
                self._roles_at(article, reference)
            else:
                article.warnings.append(f"publication date unknown ({how}); words like 'kemarin' left unresolved")
        dates: list[DateValue] = []
        for item, (value, end_value, granularity) in zip(found, resolve_all(found, reference), strict=True):
            if item.kind == "time" and dates and value and _same_sentence(article, dates[-1].start, item.start):
                day = dates[-1].value
                if day and len(day) == 10 and day[:4].isdigit():
                    value = f"{day}{value[10:]}"
            dates.append(DateValue(article.text[item.start : item.end], item.start, item.end, value, end_value, granularity))
        article.dates = dates
        return article

    def _roles_at(self, article: Article, day: date) -> None:
        """Re-resolve the roles of linked people at the inferred date."""
        for entity in article.entities:
            entry = self.kb.get(entity.id)
            role = entry.role_at(day) if entry else None
            if role is not None:
                entity.role = role.title or entity.role
                entity.country = role.country or entity.country
                entity.sector = role.sector or entity.sector


def _same_sentence(article: Article, a: int, b: int) -> bool:
    return any(s <= a < e and s <= b < e for s, e in article.sentences)
