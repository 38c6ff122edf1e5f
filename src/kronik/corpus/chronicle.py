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
from typing import Protocol

from kronik.corpus.coref import (
    CorefWeights,
    EventMention,
    best_match,
    candidate_of,
    evidence_terms,
    keys_of,
)
from kronik.corpus.sketch import Sketcher
from kronik.corpus.stories import StoryWeights, best_story, merge_terms, story_title
from kronik.kb import KnowledgeBase
from kronik.model import Article, Event
from kronik.records import (
    EventCandidateQuery,
    EventCandidateRow,
    NewChronicleEvent,
    NewStory,
    SketchCandidate,
    StoryCandidate,
)

__all__ = ["Chronicle", "ChronicleOptions", "ChronicleStore", "IngestReport", "reportable"]

#: Longest span (first to last report date) a chronicle event is looked up over.
MAX_EVENT_DAYS = 31
#: Most recently active stories of each participant considered for a new event.
STORY_CANDIDATES = 50


class ChronicleStore(Protocol):
    """What the chronicle needs from storage (implemented by :class:`kronik.store.Store`)."""

    def sketch_candidates(self, keys: Sequence[tuple[int, bytes]]) -> list[SketchCandidate]: ...

    def save_sketch(
        self, article_id: str, signature: bytes, keys: Sequence[tuple[int, bytes]],
        duplicate_of: str | None, similarity: float | None,
    ) -> None: ...

    def candidate_events(self, query: EventCandidateQuery) -> list[EventCandidateRow]: ...

    def create_chronicle_event(self, event: NewChronicleEvent) -> None: ...

    def add_mention(self, chronicle_id: str, article_id: str, event_id: str, score: float) -> None: ...

    def candidate_stories(self, keys: frozenset[str], per_key: int) -> list[StoryCandidate]: ...

    def create_story(self, story: NewStory) -> None: ...

    def attach_story(self, story_id: str, chronicle_id: str, terms: dict[str, float]) -> None: ...


@dataclass(slots=True, frozen=True)
class ChronicleOptions:
    """Thresholds of the chronicle (``dedup_threshold``, ``event_window_days`` and
    ``story_gap_days`` come from :class:`kronik.config.Settings`)."""

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


def _day(value: str | None) -> date | None:
    if value and len(value) == 10 and value[:4].isdigit():
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


@dataclass(slots=True)
class _Linking:
    """One new article being linked: where to, its copy group, its terms, what was done."""

    store: ChronicleStore
    article: Article
    copy_group: str
    terms: dict[str, float]
    report: IngestReport
    taken: set[str] = field(default_factory=set)  # chronicle events this article already reports


class Chronicle:
    """Links each new article into the chronicle; see the module docstring for the cascade."""

    def __init__(self, options: ChronicleOptions, names: Callable[[str], str | None] | None = None) -> None:
        self.options = options
        self.sketcher = Sketcher()
        self._names = names or (lambda key: None)

    @classmethod
    def with_kb(cls, options: ChronicleOptions, kb: KnowledgeBase) -> Chronicle:
        """A chronicle whose story titles use the KB's names of countries and actors."""

        def name(key: str) -> str | None:
            entry = kb.get(f"gpe:{key}") if len(key) == 3 and key.isupper() else kb.get(key)
            return entry.name if entry else None

        return cls(options, name)

    def add(self, store: ChronicleStore, article: Article) -> IngestReport:
        """Link a new article (inside the store's write transaction); what was done."""
        report = IngestReport(article.id)
        copy_group = self._dedup(store, article, report)
        linking = _Linking(store, article, copy_group, self._article_terms(article), report)
        for event in article.events:
            if reportable(event):
                self._link_event(linking, event)
        return report

    # -- 1. near-duplicates ------------------------------------------------------------------
    def _dedup(self, store: ChronicleStore, article: Article, report: IngestReport) -> str:
        signature = self.sketcher.signature(article.text)
        keys = self.sketcher.band_keys(signature)
        best: tuple[str, float] | None = None
        for other in store.sketch_candidates(keys):
            if other.article_id == article.id:
                continue
            similarity = self.sketcher.similarity(signature, self.sketcher.from_bytes(other.signature))
            if similarity >= self.options.dedup_threshold and (best is None or similarity > best[1]):
                best = (other.duplicate_of or other.article_id, similarity)
        if best is not None:
            report.duplicate_of, report.similarity = best[0], round(best[1], 3)
        store.save_sketch(article.id, self.sketcher.to_bytes(signature), keys, report.duplicate_of, report.similarity)
        return report.duplicate_of or article.id

    # -- 2. cross-article event coreference ------------------------------------------------------
    def _link_event(self, linking: _Linking, event: Event) -> None:
        store, article, report = linking.store, linking.article, linking.report
        day = _day(event.date) or article.published
        mention = EventMention(
            article.id, event.id, event.type, event.mode, day, keys_of(event.actors),
            keys_of(event.recipients), evidence_terms(event.evidence), linking.copy_group,
        )
        candidates = [candidate_of(row) for row in store.candidate_events(self._block(mention))]
        match = best_match(mention, candidates, self.options.event_window_days, linking.taken, self.options.coref)
        if match is not None:
            chronicle_id, score = match[0].id, match[1]
            report.merged_events += 1
        else:
            chronicle_id, score = _stable_id("ce-", article.id, event.id), 1.0
            store.create_chronicle_event(NewChronicleEvent(
                chronicle_id, event.type, event.mode, day, event.location, list(event.actors),
                list(event.recipients), sorted(mention.actors), sorted(mention.recipients), event.quad,
                event.intensity, event.cameo, event.evidence,
            ))
            report.new_events += 1
        linking.taken.add(chronicle_id)
        store.add_mention(chronicle_id, article.id, event.id, round(score, 3))
        if match is None:
            self._place_in_story(linking, chronicle_id, mention, event)

    def _block(self, mention: EventMention) -> EventCandidateQuery:
        """The chronicle events a mention is compared with: same type, a date inside the window
        (events last at most ``MAX_EVENT_DAYS``), a shared participant; undated: its copies'."""
        if mention.day is None:
            return EventCandidateQuery(mention.type, mention.participants, mention.copy_group)
        window = timedelta(days=self.options.event_window_days)
        return EventCandidateQuery(
            mention.type, mention.participants, mention.copy_group,
            starts_from=mention.day - window - timedelta(days=MAX_EVENT_DAYS),
            starts_to=mention.day + window, ends_from=mention.day - window,
        )

    # -- 3. stories ------------------------------------------------------------------------------
    def _place_in_story(self, linking: _Linking, chronicle_id: str, mention: EventMention, event: Event) -> None:
        store = linking.store
        participants = frozenset(k for k in mention.participants if not k.startswith("name:"))
        if not participants:
            return
        event_terms = dict(linking.terms)
        for word in sorted(mention.terms):  # a set: sorted, so equal weights keep one order
            event_terms[word] = event_terms.get(word, 0.0) + 1.0
        found = best_story(
            participants, event_terms, mention.day, store.candidate_stories(participants, STORY_CANDIDATES),
            self.options.story_gap_days, self.options.stories,
        )
        if found is not None:
            store.attach_story(found[0].id, chronicle_id, merge_terms(found[0].terms, event_terms))
            return
        names = {key: name for key in participants if (name := self._names(key))}
        for actor in (*event.actors, *event.recipients):
            key = next(iter(keys_of([actor])), None)
            if key and key not in names:
                names[key] = actor.name
        story_id = _stable_id("st-", chronicle_id)
        store.create_story(NewStory(story_id, story_title(participants, names), sorted(participants),
                                    merge_terms({}, event_terms)))
        store.attach_story(story_id, chronicle_id, merge_terms({}, event_terms))
        linking.report.new_stories += 1

    @staticmethod
    def _article_terms(article: Article) -> dict[str, float]:
        """The article's KB entities weighted by how often they are mentioned."""
        counts: Counter[str] = Counter()
        for entity in article.entities:
            counts[f"entity:{entity.id}"] += len(entity.mentions)
        return {t: float(c) for t, c in counts.most_common(20)}
