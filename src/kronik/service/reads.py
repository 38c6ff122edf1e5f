"""The reads of a :class:`~kronik.service.Kronik` session: typed queries in, typed records out.

Actors are resolved here, once, for every face; types, modes, quad classes, orders and pages are
checked here (:mod:`kronik.service.checks`).
"""

from __future__ import annotations

import dataclasses
from contextlib import AbstractContextManager

from kronik.corpus import monthly_series
from kronik.errors import NotFoundError, QueryError
from kronik.kb import KnowledgeBase
from kronik.records import (
    ActorQuery,
    ActorSummary,
    ArticleEvent,
    ArticleQuery,
    ArticleSummary,
    ChronicleEvent,
    ChronicleEventDetail,
    EventQuery,
    Page,
    RelatedArticles,
    StoredArticle,
    Story,
    StoryDetail,
    StoryQuery,
    Timeline,
    TimelineQuery,
)
from kronik.service.actors import (
    ActorLookup,
    ResolvedActor,
    describe_key,
    lookup_actor,
    resolve_actor,
)
from kronik.service.checks import Vocabulary, check_choice, check_event_query, check_page
from kronik.store import Store

__all__ = ["GRAINS", "Reads"]

GRAINS: tuple[str, ...] = ("country", "person", "organisation", "place", "name")


class Reads:
    """Mixed into :class:`~kronik.service.Kronik`, which provides the store, KB and vocabulary."""

    def reading(self) -> AbstractContextManager[Store]:
        raise NotImplementedError

    @property
    def kb(self) -> KnowledgeBase:
        raise NotImplementedError

    @property
    def vocabulary(self) -> Vocabulary:
        raise NotImplementedError

    # -- actors ---------------------------------------------------------------------------------
    def resolve_actor(self, text: str) -> ResolvedActor:
        """The chronicle participant ``text`` names (a code, a name in any language, a KB id)."""
        with self.reading() as store:
            return resolve_actor(self.kb, text, store.has_participant, store.party)

    def actor(self, text: str) -> ActorLookup:
        """The knowledge-base entry ``text`` names, and other candidates."""
        found = lookup_actor(self.kb, text)
        if found is None:
            raise NotFoundError(f"no actor {text.strip()!r} in the knowledge base")
        return found

    def actors(self, query: ActorQuery) -> Page[ActorSummary]:
        """Participants of the chronicle with how often they take part, most active first."""
        check_page(query.limit, query.offset)
        grain = check_choice(query.grain, GRAINS, "grain") if query.grain else None
        needle = query.q.strip().casefold() if query.q else ""
        with self.reading() as store:
            counts = store.participant_counts()
            parties = store.parties()
        found = []
        for key, events, as_actor, as_recipient in counts:
            name, key_grain, country = describe_key(self.kb, key, parties.get)
            if (grain is None or key_grain == grain) and (needle in name.casefold() or needle in key.casefold()):
                found.append(ActorSummary(key, name, key_grain, country, events, as_actor, as_recipient))
        return Page(found[query.offset : query.offset + query.limit], len(found), query.limit, query.offset)

    def _resolved(self, store: Store, text: str | None, field: str) -> str | None:
        if text is None:
            return None
        try:
            return resolve_actor(self.kb, text, store.has_participant).key
        except QueryError as exc:
            if field == "actor":
                raise
            raise QueryError(f"{field}: {exc}", field=field, choices=exc.choices) from exc

    # -- events, stories, timelines ---------------------------------------------------------------
    def events(self, query: EventQuery) -> Page[ChronicleEvent]:
        """Chronicle events (one per happening, however many articles reported it)."""
        query = check_event_query(query, self.vocabulary, mentions=False)
        with self.reading() as store:
            resolved = self._with_actors(store, query)
            return store.list_chronicle_events(resolved)

    def event_mentions(self, query: EventQuery) -> Page[ArticleEvent]:
        """Every article's coded events (one per report)."""
        query = check_event_query(query, self.vocabulary, mentions=True)
        with self.reading() as store:
            return store.list_events(self._with_actors(store, query))

    def _with_actors(self, store: Store, query: EventQuery) -> EventQuery:
        return dataclasses.replace(query, actor=self._resolved(store, query.actor, "actor"),
                                   recipient=self._resolved(store, query.recipient, "recipient"))

    def event(self, event_id: str) -> ChronicleEventDetail:
        """One chronicle event with every article that reports it."""
        with self.reading() as store:
            return store.get_chronicle_event(event_id)

    def stories(self, query: StoryQuery) -> Page[Story]:
        """Stories, most recently active first."""
        check_page(query.limit, query.offset)
        with self.reading() as store:
            actor = self._resolved(store, query.actor, "actor")
            return store.list_stories(actor, query.limit, query.offset)

    def story(self, story_id: str) -> StoryDetail:
        """One story: its events over time, the articles reporting them and its monthly timeline."""
        with self.reading() as store:
            detail = store.get_story(story_id)
        detail.timeline = monthly_series(detail.events)
        return detail

    def timeline(self, query: TimelineQuery) -> Timeline:
        """The relation of two actors: counts per month by quad class and a page of its events."""
        check_page(query.limit, query.offset)
        with self.reading() as store:
            a, b = self._resolved(store, query.a, "a"), self._resolved(store, query.b, "b")
            assert a is not None and b is not None
            events = store.relation_events(a, b, query.date_from, query.date_to)
        page = events[query.offset : query.offset + query.limit]
        return Timeline(a, b, page, monthly_series(events), len(events), query.limit, query.offset)

    # -- articles -------------------------------------------------------------------------------
    def articles(self, query: ArticleQuery) -> Page[ArticleSummary]:
        """Stored articles matching a full-text query and filters, newest first."""
        check_page(query.limit, query.offset)
        with self.reading() as store:
            return store.search_articles(query)

    def article(self, article_id: str) -> StoredArticle:
        """One stored article with all its extractions and sources."""
        with self.reading() as store:
            return store.get_article(article_id)

    def related(self, article_id: str, limit: int = 20) -> RelatedArticles:
        """Articles related to one: its copies, the same event, then the same story."""
        check_page(limit, 0)
        with self.reading() as store:
            return RelatedArticles(article_id, store.related_articles(article_id, limit))
