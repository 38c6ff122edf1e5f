"""What a user asks of the chronicle: one query record per kind of read, shared by every face.

Actors (``actor``, ``recipient``, ``a``, ``b``) are the words the user typed (a country code, a
name in Indonesian or English, a KB id); :class:`kronik.service.Kronik` resolves them to
participant keys and checks types, modes and quad classes before the store sees the query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

__all__ = [
    "EVENT_SORTS",
    "ActorQuery",
    "ArticleQuery",
    "EventQuery",
    "EventSort",
    "Grain",
    "StoryQuery",
    "TimelineQuery",
]

#: Orders of an event list: newest or oldest date first, most reported (distinct articles) or
#: most intense (PLOVER intensity, most conflictual first) first.
EventSort = Literal["newest", "oldest", "most_reported", "most_intense"]
EVENT_SORTS: tuple[str, ...] = get_args(EventSort)

#: The grain of an actor: a country, a person, an organisation, a place, or a name the KB does not
#: know.
Grain = Literal["country", "person", "organisation", "place", "name"]


@dataclass(slots=True)
class EventQuery:
    """Filters, order and page of an event list (``None``: any).

    ``mentions`` lists every article's coded events (one row per report) instead of chronicle
    events (one row per happening). ``outlet``, ``language`` and ``topic`` keep events reported
    by an article with that outlet, language or topic; ``text`` searches the evidence.
    """

    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    mode: str | None = None
    quad: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    outlet: str | None = None
    language: str | None = None
    topic: str | None = None
    text: str | None = None
    story: str | None = None
    mentions: bool = False
    sort: EventSort = "newest"
    limit: int = 50
    offset: int = 0


@dataclass(slots=True)
class StoryQuery:
    """Stories with a participant (``None``: all), most recently active first."""

    actor: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(slots=True)
class ArticleQuery:
    """Full-text search ``q`` (every word required) and filters over stored articles, newest first."""

    q: str | None = None
    language: str | None = None
    outlet: str | None = None
    topic: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    limit: int = 20
    offset: int = 0


@dataclass(slots=True)
class TimelineQuery:
    """The relation of two actors (either direction) by month; its events page."""

    a: str
    b: str
    date_from: date | None = None
    date_to: date | None = None
    limit: int = 500
    offset: int = 0


@dataclass(slots=True)
class ActorQuery:
    """Actors that take part in chronicle events, by grain and name, most active first."""

    grain: Grain | None = None
    q: str | None = None
    limit: int = 50
    offset: int = 0
