"""The library service under the CLI and the API: one :class:`Kronik` session, typed in and out.

::

    from kronik.service import Kronik, EventQuery

    with Kronik(Settings(), db_path="news.db") as kronik:
        summary = kronik.ingest(kronik.analyze_paths(["corpus/"]))
        page = kronik.events(EventQuery(actor="Tiongkok", recipient="Rusia", type="consult"))
        line = kronik.timeline(TimelineQuery("China", "RUS"))

Queries and results are the records of :mod:`kronik.records`; an unknown actor, type, mode,
quad class, order or format raises :class:`~kronik.errors.QueryError` naming the valid values or
the closest matches.
"""

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
from kronik.service.actors import ActorLookup, ResolvedActor
from kronik.service.export import EXPORT_KINDS, ExportKind
from kronik.service.ingest import Ingested, IngestSummary
from kronik.service.reads import GRAINS
from kronik.service.session import Kronik

__all__ = [
    "EXPORT_KINDS",
    "GRAINS",
    "ActorLookup",
    "ActorQuery",
    "ActorSummary",
    "ArticleEvent",
    "ArticleQuery",
    "ArticleSummary",
    "ChronicleEvent",
    "ChronicleEventDetail",
    "EventQuery",
    "ExportKind",
    "IngestSummary",
    "Ingested",
    "Kronik",
    "Page",
    "RelatedArticles",
    "ResolvedActor",
    "StoredArticle",
    "Story",
    "StoryDetail",
    "StoryQuery",
    "Timeline",
    "TimelineQuery",
]
