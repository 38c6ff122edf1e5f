"""What the store answers: pages of articles, events, stories, relation timelines and actors.

Dates are real dates (``None`` when unknown); an article event's ``date`` stays the coded string
because it may be partial ("2023-03", "XXXX-03-20"). JSON is the dataclass fields in order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from kronik.model import Actor, Article, Source
from kronik.records.queries import Grain

__all__ = [
    "ActorSummary",
    "ArticleEvent",
    "ArticleSource",
    "ArticleSummary",
    "ChronicleEvent",
    "ChronicleEventDetail",
    "EventReport",
    "MonthCount",
    "Page",
    "RelatedArticle",
    "RelatedArticles",
    "StoredArticle",
    "Story",
    "StoryArticle",
    "StoryDetail",
    "StoryFields",
    "Timeline",
    "TimelineMonth",
]

T = TypeVar("T")


@dataclass(slots=True)
class Page(Generic[T]):
    """One page of a longer list: its items, how many there are in all, and where it starts."""

    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass(slots=True)
class ArticleSummary:
    """A stored article in a list: its metadata and the first characters of its text."""

    id: str
    title: str | None
    language: str | None
    published: dt.date | None
    outlet: str | None
    url: str | None
    path: str | None
    snippet: str


@dataclass(slots=True)
class ArticleSource:
    """One place an identical body was seen at."""

    path: str
    url: str
    outlet: str


@dataclass(slots=True)
class StoredArticle:
    """A stored article (the full contract) and every source of its body."""

    article: Article
    sources: list[ArticleSource]

    def to_dict(self) -> dict[str, Any]:
        """The article contract plus ``sources``."""
        data = self.article.to_dict()
        data["sources"] = [{"path": s.path, "url": s.url, "outlet": s.outlet} for s in self.sources]
        return data

    @property
    def source(self) -> Source:
        return self.article.source


@dataclass(slots=True)
class ArticleEvent:
    """An event as one article coded it (``kronik events --mentions``)."""

    id: str
    article_id: str
    type: str
    mode: str | None
    date: str | None
    location: str | None
    actors: list[Actor]
    recipients: list[Actor]
    quad: str | None
    intensity: float | None
    cameo: str | None
    negated: bool
    future: bool
    confidence: float | None
    evidence: str
    start: int
    end: int
    article_title: str | None
    outlet: str | None


@dataclass(slots=True)
class ChronicleEvent:
    """One happening, however many articles reported it; actors and evidence of its first report."""

    id: str
    type: str
    mode: str | None
    date: dt.date | None
    date_last: dt.date | None
    location: str | None
    actors: list[Actor]
    recipients: list[Actor]
    participants: list[str]
    quad: str | None
    intensity: float | None
    cameo: str | None
    evidence: str
    story_id: str | None
    num_mentions: int
    num_articles: int
    num_sources: int
    first_report: dt.date | None
    last_report: dt.date | None


@dataclass(slots=True)
class EventReport:
    """One article's report of a chronicle event: where, when, and its evidence."""

    article_id: str
    event_id: str
    score: float
    title: str | None
    outlet: str | None
    published: dt.date | None
    duplicate_of: str | None
    evidence: str
    start: int
    end: int
    date: str | None


@dataclass(slots=True)
class ChronicleEventDetail(ChronicleEvent):
    """A chronicle event with every report of it."""

    mentions: list[EventReport] = field(default_factory=list)


@dataclass(slots=True)
class MonthCount:
    """Events of a story in one month (its sparkline)."""

    month: str
    events: int


@dataclass(slots=True)
class TimelineMonth:
    """Events of one month by PLOVER quad class, with their mean intensity."""

    month: str
    counts: dict[str, int]
    total: int
    mean_intensity: float | None
    events: list[str]


@dataclass(slots=True)
class StoryFields:
    """What every view of a story shows: its participants, span, size and vocabulary."""

    id: str
    title: str
    participants: list[str]
    first_date: dt.date | None
    last_date: dt.date | None
    num_events: int
    terms: list[str]


@dataclass(slots=True)
class Story(StoryFields):
    """Chronicle events between the same participants over time, with their months (a list item)."""

    sparkline: list[MonthCount] = field(default_factory=list)


@dataclass(slots=True)
class StoryArticle:
    """An article that reports an event of a story."""

    id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    language: str | None


@dataclass(slots=True)
class StoryDetail(StoryFields):
    """A story with its events (oldest first), the articles reporting them and its timeline."""

    events: list[ChronicleEvent] = field(default_factory=list)
    articles: list[StoryArticle] = field(default_factory=list)
    timeline: list[TimelineMonth] = field(default_factory=list)


@dataclass(slots=True)
class RelatedArticle:
    """An article related to another: rank 1 copies, 2 the same event, 3 the same story."""

    id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    rank: int
    reason: str


@dataclass(slots=True)
class RelatedArticles:
    """The articles related to ``article``, best first."""

    article: str
    items: list[RelatedArticle]


@dataclass(slots=True)
class Timeline:
    """The relation of two actors: every month's counts, and a page of its events (oldest first)."""

    a: str
    b: str
    events: list[ChronicleEvent]
    months: list[TimelineMonth]
    total: int = 0
    limit: int = 0
    offset: int = 0


@dataclass(slots=True)
class ActorSummary:
    """A participant of chronicle events: its key, name and grain, and how often it takes part."""

    key: str
    name: str
    grain: Grain
    country: str | None
    events: int
    as_actor: int
    as_recipient: int
