"""The flat rows of ``kronik export`` (and the API's downloads): one dataclass per kind.

The fields are the columns, in order. Actors are flattened to names joined by "; " and their
countries to sorted ISO codes joined by spaces.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["ArticleRow", "ChronicleRow", "EventRow"]


@dataclass(slots=True)
class ArticleRow:
    """One stored article."""

    id: str
    title: str | None
    language: str | None
    published: dt.date | None
    outlet: str | None
    url: str | None
    path: str | None
    text: str
    entities: int
    events: int


@dataclass(slots=True)
class EventRow:
    """One event of one article, PLOVER-style."""

    article_id: str
    id: str
    date: str | None
    type: str
    mode: str | None
    actors: str
    actor_countries: str
    recipients: str
    recipient_countries: str
    quad: str | None
    intensity: float | None
    cameo: str | None
    location: str | None
    negated: bool
    future: bool
    confidence: float
    evidence: str


@dataclass(slots=True)
class ChronicleRow:
    """One chronicle event (a happening) with how many articles and outlets reported it."""

    id: str
    date: dt.date | None
    date_last: dt.date | None
    type: str
    mode: str | None
    actors: str
    actor_countries: str
    recipients: str
    recipient_countries: str
    quad: str | None
    intensity: float | None
    cameo: str | None
    location: str | None
    story_id: str | None
    num_articles: int
    num_sources: int
    num_mentions: int
    first_report: dt.date | None
    last_report: dt.date | None
    evidence: str
