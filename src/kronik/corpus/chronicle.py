"""The chronicle: what happens to a corpus when an analysed article arrives.

:class:`Chronicle` runs inside the store's write transaction for each *new* article:

1. **duplicates** — MinHash signature, candidates from shared LSH bands, verified against
   ``Settings.dedup_threshold``; a copy links to the first article of its group;
2. **event coreference** — each reportable event (not negated, future, hypothetical or background)
   joins the best chronicle event of its block (:mod:`kronik.corpus.coref`) or opens a new one;
3. **stories** — a new chronicle event joins the best story sharing its participants
   (:mod:`kronik.corpus.stories`) or opens a new one.

It never touches SQL: it talks to a :class:`ChronicleStore` (the SQLite store implements it), so
the decisions are testable with an in-memory fake and the store keeps its one writer.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from kronik.config import Settings
from kronik.corpus.coref import (
    ChronicleCandidate,
    CorefWeights,
    EventMention,
    best_match,
    evidence_terms,
    keys_of,
)
from kronik.corpus.sketch import Sketcher
from kronik.corpus.stories import StoryCandidate, StoryWeights, best_story, merge_terms, story_title
from kronik.kb import KnowledgeBase
from kronik.model import Actor, Article, Event

__all__ = ["Chronicle", "ChronicleOptions", "ChronicleStore", "IngestReport", "reportable"]


class ChronicleStore(Protocol):
    """What the chronicle needs from storage (implemented by :class:`kronik.store.Store`)."""

    def sketch_candidates(self, keys: Sequence[tuple[int, bytes]]) -> list[tuple[str, bytes, str | None]]: ...

    def save_sketch(
        self, article_id: str, signature: bytes, keys: Sequence[tuple[int, bytes]],
        duplicate_of: str | None, similarity: float | None,
    ) -> None: ...

    def candidate_events(
        self, event_type: str, day_from: date | None, day_to: date | None, keys: frozenset[str],
        copy_group: str | None = None,
    ) -> list[ChronicleCandidate]: ...

    def create_chronicle_event(self, record: dict[str, Any]) -> None: ...

    def add_mention(self, chronicle_id: str, article_id: str, event_id: str, score: float) -> None: ...

    def candidate_stories(self, keys: frozenset[str]) -> list[StoryCandidate]: ...

    def create_story(self, record: dict[str, Any]) -> None: ...

    def attach_story(self, story_id: str, chronicle_id: str, terms: dict[str, float]) -> None: ...


@dataclass(slots=True, frozen=True)
class ChronicleOptions:
    """Thresholds of the chronicle (from :class:`kronik.config.Settings`)."""

    dedup_threshold: float = 0.8
    event_window_days: int = 3
    story_gap_days: int = 1830
    coref: CorefWeights = field(default_factory=CorefWeights)
    stories: StoryWeights = field(default_factory=StoryWeights)


@dataclass(slots=True)
class IngestReport:
    """What the chronicle did with one article."""

    article_id: str
    duplicate_of: str | None = None
    similarity: float | None = None
    new_events: int = 0
    merged_events: int = 0
    new_stories: int = 0


def reportable(event: Event) -> bool:
    """Events that report a happening (not negated, future, hypothetical or background)."""
    return not (event.negated or event.future or event.hypothetical or event.background)


def _stable_id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _plain(actors: list[Actor]) -> list[dict[str, Any]]:
    return [{"name": a.name, "entity": a.entity, "country": a.country, "sector": a.sector} for a in actors]


def _day(value: str | None) -> date | None:
    if value and len(value) == 10 and value[:4].isdigit():
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


class Chronicle:
    """Links each new article into the chronicle; see the module docstring for the cascade."""

    def __init__(self, options: ChronicleOptions, names: Callable[[str], str | None] | None = None) -> None:
        self.options = options
        self.sketcher = Sketcher()
        self._names = names or (lambda key: None)

    @classmethod
    def from_settings(cls, settings: Settings, kb: KnowledgeBase | None = None) -> Chronicle:
        """A chronicle with the settings' thresholds; story titles use the KB's names."""
        options = ChronicleOptions(settings.dedup_threshold, settings.event_window_days, settings.story_gap_days)
        if kb is None:
            return cls(options)

        def name(key: str) -> str | None:
            entry = kb.get(f"gpe:{key}") if len(key) == 3 and key.isupper() else kb.get(key)
            return entry.name if entry else None

        return cls(options, name)

    def add(self, store: ChronicleStore, article: Article) -> IngestReport:
        report = IngestReport(article.id)
        copy_group = self._dedup(store, article, report)
        terms = self._article_terms(article)
        taken: set[str] = set()
        for event in article.events:
            if reportable(event):
                self._link_event(store, article, event, copy_group, terms, taken, report)
        return report

    # -- 1. near-duplicates ------------------------------------------------------------------
    def _dedup(self, store: ChronicleStore, article: Article, report: IngestReport) -> str:
        signature = self.sketcher.signature(article.text)
        keys = self.sketcher.band_keys(signature)
        best: tuple[str, float] | None = None
        for other_id, blob, other_copy_of in store.sketch_candidates(keys):
            if other_id == article.id:
                continue
            similarity = self.sketcher.similarity(signature, self.sketcher.from_bytes(blob))
            if similarity >= self.options.dedup_threshold and (best is None or similarity > best[1]):
                best = (other_copy_of or other_id, similarity)
        if best is not None:
            report.duplicate_of, report.similarity = best[0], round(best[1], 3)
        store.save_sketch(article.id, self.sketcher.to_bytes(signature), keys, report.duplicate_of, report.similarity)
        return report.duplicate_of or article.id

    # -- 2. cross-article event coreference ------------------------------------------------------
    def _link_event(
        self, store: ChronicleStore, article: Article, event: Event, copy_group: str,
        terms: dict[str, float], taken: set[str], report: IngestReport,
    ) -> None:
        day = _day(event.date) or article.published
        mention = EventMention(
            article.id, event.id, event.type, event.mode, day,
            keys_of(_plain(event.actors)), keys_of(_plain(event.recipients)),
            evidence_terms(event.evidence), copy_group,
        )
        window = timedelta(days=self.options.event_window_days)
        candidates = store.candidate_events(
            event.type, day - window if day else None, day + window if day else None, mention.participants,
            copy_group,
        )
        match = best_match(mention, candidates, self.options.event_window_days, taken, self.options.coref)
        if match is not None:
            chronicle_id, score = match[0].id, match[1]
            report.merged_events += 1
        else:
            chronicle_id, score = _stable_id("ce-", article.id, event.id), 1.0
            store.create_chronicle_event({
                "id": chronicle_id, "type": event.type, "mode": event.mode,
                "date": day.isoformat() if day else None, "location": event.location,
                "actors": _plain(event.actors), "recipients": _plain(event.recipients),
                "actor_keys": sorted(mention.actors), "recipient_keys": sorted(mention.recipients),
                "quad": event.quad, "intensity": event.intensity, "cameo": event.cameo,
                "evidence": event.evidence,
            })
            report.new_events += 1
        taken.add(chronicle_id)
        store.add_mention(chronicle_id, article.id, event.id, round(score, 3))
        if match is None:
            self._place_in_story(store, chronicle_id, mention, day, terms, event, report)

    # -- 3. stories ------------------------------------------------------------------------------
    def _place_in_story(
        self, store: ChronicleStore, chronicle_id: str, mention: EventMention, day: date | None,
        terms: dict[str, float], event: Event, report: IngestReport,
    ) -> None:
        participants = frozenset(k for k in mention.participants if not k.startswith("name:"))
        if not participants:
            return
        event_terms = dict(terms)
        for word in mention.terms:
            event_terms[word] = event_terms.get(word, 0.0) + 1.0
        found = best_story(
            participants, event_terms, day, store.candidate_stories(participants),
            self.options.story_gap_days, self.options.stories,
        )
        if found is not None:
            store.attach_story(found[0].id, chronicle_id, merge_terms(found[0].terms, event_terms))
            return
        names = {key: name for key in participants if (name := self._names(key))}
        for actor in (*event.actors, *event.recipients):
            key = next(iter(keys_of(_plain([actor]))), None)
            if key and key not in names:
                names[key] = actor.name
        story_id = _stable_id("st-", chronicle_id)
        store.create_story({
            "id": story_id, "title": story_title(participants, names), "participants": sorted(participants),
            "terms": merge_terms({}, event_terms),
        })
        store.attach_story(story_id, chronicle_id, merge_terms({}, event_terms))
        report.new_stories += 1

    @staticmethod
    def _article_terms(article: Article) -> dict[str, float]:
        """The article's KB entities weighted by how often they are mentioned."""
        counts: Counter[str] = Counter()
        for entity in article.entities:
            counts[f"entity:{entity.id}"] += len(entity.mentions)
        return {t: float(c) for t, c in counts.most_common(20)}
