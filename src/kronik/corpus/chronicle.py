"""The chronicle: what happens to a corpus when an analysed article arrives.

:class:`Chronicle` runs inside the store's write transaction for each *new* article:

1. **duplicates** — MinHash signature, candidates from shared LSH bands, verified against
   ``Settings.dedup_threshold``; a copy links to the first article of its group;
2. **event coreference** — each reportable event (not negated, future, hypothetical or background)
   joins the best chronicle event of its block (:mod:`kronik.corpus.coref`) or opens a new one;
3. **stories** — a new chronicle event joins the best story sharing a specific party and its
   subject (:mod:`kronik.corpus.stories`; subjects are content terms weighted by the corpus's
   IDF, :mod:`kronik.corpus.subject`) or opens a new one.

It never touches SQL: it talks to a :class:`ChronicleStore` (the SQLite store implements it), so
the decisions are testable with an in-memory fake and the store keeps its one writer.
"""

from __future__ import annotations

import hashlib
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
from kronik.corpus.parties import parties_of
from kronik.corpus.sketch import Sketcher
from kronik.corpus.stories import (
    StoryEvent,
    StoryWeights,
    best_story,
    grow,
    merge_terms,
    story_title,
)
from kronik.corpus.subject import (
    Stopwords,
    SubjectWeights,
    article_subject,
    content_terms,
    document_terms,
    idf_weighted,
)
from kronik.kb import KnowledgeBase
from kronik.model import Article, Event
from kronik.records import (
    EventCandidateQuery,
    EventCandidateRow,
    NewChronicleEvent,
    NewStory,
    SketchCandidate,
    StoryCandidate,
    StoryLink,
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

    def candidate_stories(self, keys: frozenset[str], per_key: int, countries: frozenset[str] = frozenset()
                          ) -> list[StoryCandidate]: ...

    def create_story(self, story: NewStory) -> None: ...

    def attach_story(self, link: StoryLink) -> None: ...

    def party_names(self, keys: Sequence[str]) -> dict[str, str]: ...

    def add_document_terms(self, terms: Sequence[str]) -> None: ...

    def document_frequencies(self, terms: Sequence[str]) -> tuple[int, dict[str, int]]: ...


@dataclass(slots=True, frozen=True)
class ChronicleOptions:
    """Thresholds of the chronicle (``dedup_threshold``, ``event_window_days`` and
    ``story_gap_days`` come from :class:`kronik.config.Settings`)."""

    dedup_threshold: float = 0.8
    event_window_days: int = 3
    story_gap_days: int = 1830
    coref: CorefWeights = field(default_factory=CorefWeights)
    stories: StoryWeights = field(default_factory=StoryWeights)
    subject: SubjectWeights = field(default_factory=SubjectWeights)


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
    """One new article being linked: where to, its copy group, its subject, what was done."""

    store: ChronicleStore
    article: Article
    copy_group: str
    report: IngestReport
    stopwords: frozenset[str]
    subject: dict[str, float] = field(default_factory=dict)  # the terms every event of it shares
    documents: int = 0  # articles the corpus's IDF counts
    df: dict[str, int] = field(default_factory=dict)  # their document frequencies of this article's terms
    taken: set[str] = field(default_factory=set)  # chronicle events this article already reports


class Chronicle:
    """Links each new article into the chronicle; see the module docstring for the cascade."""

    def __init__(
        self, options: ChronicleOptions, names: Callable[[str], str | None] | None = None,
        stopwords: Stopwords | None = None,
    ) -> None:
        self.options = options
        self.sketcher = Sketcher()
        self._names = names or (lambda key: None)
        self._stopwords: Stopwords = stopwords or (lambda language: frozenset())

    @classmethod
    def with_kb(cls, options: ChronicleOptions, kb: KnowledgeBase, stopwords: Stopwords | None = None) -> Chronicle:
        """A chronicle whose story titles use the KB's names of countries and actors, and whose
        subjects leave out the ``stopwords`` of each article's language."""

        def name(key: str) -> str | None:
            entry = kb.get(f"gpe:{key}") if len(key) == 3 and key.isupper() else kb.get(key)
            return entry.name if entry else None

        return cls(options, name, stopwords)

    def add(self, store: ChronicleStore, article: Article) -> IngestReport:
        """Link a new article (inside the store's write transaction); what was done."""
        report = IngestReport(article.id)
        copy_group = self._dedup(store, article, report)
        linking = _Linking(store, article, copy_group, report, self._stopwords(article.language))
        events = [event for event in article.events if reportable(event)]
        self._read_subject(linking, events)
        for event in events:
            self._link_event(linking, event)
        return report

    def _read_subject(self, linking: _Linking, events: list[Event]) -> None:
        """Count the article in the corpus's document frequencies (a near-duplicate's words are
        its original's) and look up those of the terms its events' subjects use."""
        store, article = linking.store, linking.article
        if linking.report.duplicate_of is None:
            store.add_document_terms(sorted(document_terms(article, linking.stopwords)))
        if not events:
            return
        linking.subject = article_subject(article, linking.stopwords, self.options.subject)
        used = set(linking.subject)
        for event in events:
            used.update(content_terms(event.evidence, linking.stopwords))
        linking.documents, linking.df = store.document_frequencies(sorted(used))

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
            names = self._entity_names(article)
            store.create_chronicle_event(NewChronicleEvent(
                chronicle_id, event.type, event.mode, day, event.location, list(event.actors),
                list(event.recipients), sorted(mention.actors), sorted(mention.recipients), event.quad,
                event.intensity, event.cameo, event.evidence,
                tuple(parties_of(event.actors, names)), tuple(parties_of(event.recipients, names)),
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
    def _event_subject(self, linking: _Linking, event: Event) -> dict[str, float]:
        """The event's IDF-weighted terms: its evidence sentence, its article's lead and names."""
        frequencies = dict(linking.subject)
        for term, uses in content_terms(event.evidence, linking.stopwords).items():
            frequencies[term] = frequencies.get(term, 0.0) + self.options.subject.evidence * uses
        return idf_weighted(frequencies, linking.documents, linking.df)

    def _place_in_story(self, linking: _Linking, chronicle_id: str, mention: EventMention, event: Event) -> None:
        store, weights = linking.store, self.options.stories
        names = self._entity_names(linking.article)
        parties = {p.key: p for p in parties_of((*event.actors, *event.recipients), names)}
        if not parties:
            return  # no named party: an event of common nouns ("polisi", "warga") starts no story
        story_event = StoryEvent(parties, self._event_subject(linking, event), mention.day)
        countries = story_event.countries if len(story_event.countries) >= 2 else frozenset()  # a relation
        candidates = store.candidate_stories(frozenset(parties), STORY_CANDIDATES, countries)
        found = best_story(story_event, candidates, self.options.story_gap_days, weights)
        story = found[0] if found is not None else self._open_story(linking, chronicle_id, story_event)
        counts = grow(story.parties, sorted(parties), weights.max_parties)
        terms = merge_terms(story.terms, story_event.terms, weights.max_terms)
        kept = [parties[k] for k in sorted(parties) if k in counts]
        keys = tuple([(p.key, "party") for p in kept] + [(p.country, "country") for p in kept if p.country])
        shown = {k: p.name for k, p in parties.items()} | store.party_names(sorted(counts.keys() - parties.keys()))
        title = story_title(counts, {k: self._names(k) or shown.get(k, k) for k in counts}, terms, weights)
        store.attach_story(StoryLink(story.id, chronicle_id, title, counts, terms, keys))

    def _open_story(self, linking: _Linking, chronicle_id: str, event: StoryEvent) -> StoryCandidate:
        story = NewStory(_stable_id("st-", chronicle_id), "", sorted(event.parties), {})
        linking.store.create_story(story)
        linking.report.new_stories += 1
        return StoryCandidate(story.id, frozenset(story.participants), event.day, {})

    def _entity_names(self, article: Article) -> Callable[[str], str | None]:
        """Display names of entity ids: the KB's, else as the article names them."""
        named = {entity.id: entity.name for entity in article.entities}

        def name(entity: str) -> str | None:
            return self._names(entity) or named.get(entity)

        return name

