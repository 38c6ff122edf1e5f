"""The event stage: PLOVER events coded natively from Indonesian (and English) clauses.

The pack reading an article's language names the coder of its events (``[events] grammar`` in its
``language.toml``; ``stages/coding/``): Indonesian and Malay articles are read by the clause grammar
of Indonesian news (voice from morphology, actors from institutions, offices and agent nouns with
their sector, the story's context for unsaid agents), English ones by the entity rules of
``english.py``. Both give :class:`~kronik.stages.coding.record.Coded` readings; mentions of one
happening within an article merge into one event with all its evidence spans. Articles the topic
stage files under sport, entertainment or lifestyle (``ontology/topics.toml``), and match reports,
code no events.
"""

from __future__ import annotations

import hashlib
import tomllib
from importlib import resources
from typing import ClassVar

from kronik.errors import ResourceError
from kronik.lang import LanguagePack
from kronik.model import Article, Event, EvidenceSpan
from kronik.ontology import Ontology
from kronik.ontology.topics import TopicScheme
from kronik.stages.base import StageContext
from kronik.stages.coding.actors import ActorLexicon
from kronik.stages.coding.english import EnglishCoder
from kronik.stages.coding.indonesian import IndonesianCoder
from kronik.stages.coding.lexicon import TriggerLexicon
from kronik.stages.coding.record import Coded, merge_mentions, party_key

__all__ = ["EVENT_GRAMMARS", "EventStage"]

EVENT_GRAMMARS = ("indonesian", "english")  # the coders a pack may name (stages/coding/)
_INTENT_TYPES = frozenset({"AID", "CONCEDE", "RETREAT", "COOPERATE", "SUPPORT", "CONSULT"})
_HOSTILE_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})
_COOPERATIVE_TYPES = frozenset({"AGREE", "CONCEDE", "COOPERATE", "AID", "SUPPORT"})


def _outlet_countries() -> dict[str, str]:
    text = (resources.files("kronik.kb") / "data" / "outlets.toml").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for outlet in tomllib.loads(text).get("outlet", []):
        if outlet.get("country"):
            for alias in [outlet["name"], *outlet.get("aliases", [])]:
                table[alias.casefold()] = outlet["country"]
    return table


class EventStage:
    """Assign ``article.events``."""

    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences", "entities", "dates", "language")
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, context: StageContext) -> None:
        self.resources = context.resources
        self.ontology: Ontology = context.resources.cached("ontology", Ontology.load)
        self.topics: TopicScheme = context.resources.cached("topic-scheme", TopicScheme.load)

    def _coder(self, language: str | None) -> IndonesianCoder | EnglishCoder:
        pack = self.resources.pack(language)
        coder: IndonesianCoder | EnglishCoder = self.resources.cached(f"coder:{pack.code}", lambda: self._build(pack))
        return coder

    def _build(self, pack: LanguagePack) -> IndonesianCoder | EnglishCoder:
        """The coder the pack's ``language.toml`` names, over the pack's trigger lexicon."""
        grammar = pack.data("language")["events"]["grammar"]
        if grammar not in EVENT_GRAMMARS:
            raise ResourceError(f"language resource {pack.code}/language.toml: unknown events grammar {grammar!r}; "
                                f"known: {', '.join(EVENT_GRAMMARS)}")
        lexicon: TriggerLexicon = self.resources.cached(f"triggers:{pack.code}", lambda: TriggerLexicon.load(pack))
        if grammar == "english":
            return EnglishCoder(lexicon)
        kb = self.resources.kb

        def place_country(name: str) -> str | None:
            return kb.lookup_place(name) or kb.lookup_country(name)

        return IndonesianCoder(lexicon, ActorLexicon.load(pack), _outlet_countries(), place_country)

    def __call__(self, article: Article) -> Article:
        coder = self._coder(article.language)
        gated = self.topics.outside_politics(article.topic, article.topic_confidence, len(article.text.split()))
        if gated or coder.lexicon.is_sports(article.text):
            article.events = []  # a match report, a film review, a recipe: no political events
            return article
        readings = coder.code(article)
        english = isinstance(coder, EnglishCoder)
        if english:
            readings = [_plover_reading(c) for c in readings]
        events: dict[str, Event] = {}
        for reading in merge_mentions(readings, by_mode=not english):
            event = self._event(article, reading)
            kept = events.setdefault(event.id, event)
            if kept is not event:  # the same happening reached twice: one event, all evidence
                kept.mentions += [m for m in event.mentions if m not in kept.mentions]
        article.events = list(events.values())
        return article

    def _event(self, article: Article, c: Coded) -> Event:
        kind = self.ontology[c.type]
        start, end = c.mentions[0]
        named_recipient = bool(c.recipients) and not c.recipient_is_place
        confidence = 0.4 + 0.25 * c.resolved + 0.15 * named_recipient + 0.1 * c.dated - 0.1 * c.nominal
        confidence -= c.confidence_penalty + (0.3 if c.negated or c.hypothetical else 0.0)
        key = "|".join([article.id, c.type, c.mode or "", ",".join(sorted(party_key(a) for a in c.actors)),
                        c.date or "", str(start)])
        return Event(
            id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            type=c.type, mode=c.mode, actors=c.actors, recipients=c.recipients, date=c.date, location=c.location,
            negated=c.negated, future=c.future, hypothetical=c.hypothetical, background=c.background,
            evidence=article.text[start:end], start=start, end=end, confidence=round(max(0.05, min(confidence, 1.0)), 2),
            quad=kind.quad, intensity=kind.intensity, cameo=kind.cameo_for(c.mode), trigger=c.trigger,
            mentions=[EvidenceSpan(article.text[a:b], a, b) for a, b in c.mentions],
        )


def _plover_reading(c: Coded) -> Coded:
    """PLOVER's reading of intent and refusal in English reports: an announced intent to cooperate
    is AGREE, an announced hostile act a THREATEN, a refusal to cooperate a REJECT."""
    if c.negated and c.type in _COOPERATIVE_TYPES:
        c.type, c.mode, c.negated = "REJECT", "refuse", False
    elif c.future and c.type in _INTENT_TYPES:
        c.type, c.mode = "AGREE", "diplomatic"
    elif c.future and c.type in _HOSTILE_TYPES and not c.passive:
        c.type, c.mode = "THREATEN", "warn"
    return c
