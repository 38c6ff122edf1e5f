"""What the chronicle writes and looks up while it links a new article (see :mod:`kronik.corpus`).

The corpus decides; the store runs the SQL. These records are the whole conversation between
them, so neither imports the other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kronik.model import Actor

__all__ = [
    "EventCandidateQuery",
    "EventCandidateRow",
    "NewChronicleEvent",
    "NewStory",
    "SketchCandidate",
    "StoryCandidate",
]


@dataclass(slots=True, frozen=True)
class SketchCandidate:
    """A stored article sharing an LSH band with a new one."""

    article_id: str
    signature: bytes
    duplicate_of: str | None


@dataclass(slots=True, frozen=True)
class EventCandidateQuery:
    """The block of chronicle events a new mention is compared with.

    Dated: events of ``type`` starting in ``starts_from``..``starts_to`` and still running on
    ``ends_from``, sharing one of ``keys`` (when there are keys). Undated (``starts_from`` is
    ``None``): undated events of ``type`` reported by copies of ``copy_group``.
    """

    type: str
    keys: frozenset[str]
    copy_group: str
    starts_from: dt.date | None = None
    starts_to: dt.date | None = None
    ends_from: dt.date | None = None
    limit: int = 200


@dataclass(slots=True, frozen=True)
class EventCandidateRow:
    """A chronicle event of the block, with the articles and copy groups that report it."""

    id: str
    type: str
    mode: str | None
    date: dt.date | None
    date_last: dt.date | None
    participants: frozenset[str]
    evidence: str
    copy_groups: frozenset[str]
    articles: frozenset[str]


@dataclass(slots=True, frozen=True)
class NewChronicleEvent:
    """A happening first reported by a new article (its first report's actors and evidence)."""

    id: str
    type: str
    mode: str | None
    date: dt.date | None
    location: str | None
    actors: list[Actor]
    recipients: list[Actor]
    actor_keys: list[str]
    recipient_keys: list[str]
    quad: str | None
    intensity: float | None
    cameo: str | None
    evidence: str


@dataclass(slots=True)
class StoryCandidate:
    """A story sharing a participant with a new chronicle event."""

    id: str
    participants: frozenset[str]
    last_date: dt.date | None
    terms: dict[str, float]


@dataclass(slots=True, frozen=True)
class NewStory:
    """A story opened by a chronicle event that joined no existing story."""

    id: str
    title: str
    participants: list[str]
    terms: dict[str, float]
