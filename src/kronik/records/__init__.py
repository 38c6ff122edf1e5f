"""Typed records of the chronicle: what the store writes and reads, what the service returns.

A leaf like :mod:`kronik.model` (it imports nothing of kronik but the model): the store fills
these records from SQL, the corpus decides with them, the service and both faces return them, and
the API documents each one in ``/openapi.json``.

* :mod:`~kronik.records.queries`: what a user asks (events, stories, articles, timelines, actors);
* :mod:`~kronik.records.reads`: what the store answers (pages, events, stories, timelines...);
* :mod:`~kronik.records.chronicle`: what the chronicle writes and looks up while it links articles;
* :mod:`~kronik.records.rows`: the flat rows of ``kronik export``.
"""

from kronik.records.chronicle import (
    EventCandidateQuery,
    EventCandidateRow,
    NewChronicleEvent,
    NewStory,
    PartyRecord,
    SketchCandidate,
    StoryCandidate,
    StoryLink,
)
from kronik.records.queries import (
    EVENT_SORTS,
    ActorQuery,
    ArticleQuery,
    EventQuery,
    EventSort,
    Grain,
    StoryQuery,
    TimelineQuery,
)
from kronik.records.reads import (
    ActorSummary,
    ArticleEvent,
    ArticleSource,
    ArticleSummary,
    ChronicleEvent,
    ChronicleEventDetail,
    EventReport,
    MonthCount,
    Page,
    RelatedArticle,
    RelatedArticles,
    StoredArticle,
    Story,
    StoryArticle,
    StoryDetail,
    Timeline,
    TimelineMonth,
)
from kronik.records.rows import ArticleRow, ChronicleRow, EventRow

__all__ = [
    "EVENT_SORTS",
    "ActorQuery",
    "ActorSummary",
    "ArticleEvent",
    "ArticleQuery",
    "ArticleRow",
    "ArticleSource",
    "ArticleSummary",
    "ChronicleEvent",
    "ChronicleEventDetail",
    "ChronicleRow",
    "EventCandidateQuery",
    "EventCandidateRow",
    "EventQuery",
    "EventReport",
    "EventRow",
    "EventSort",
    "Grain",
    "MonthCount",
    "NewChronicleEvent",
    "NewStory",
    "Page",
    "PartyRecord",
    "RelatedArticle",
    "RelatedArticles",
    "SketchCandidate",
    "StoredArticle",
    "Story",
    "StoryArticle",
    "StoryCandidate",
    "StoryDetail",
    "StoryLink",
    "StoryQuery",
    "Timeline",
    "TimelineMonth",
    "TimelineQuery",
]
