"""What the chronicle writes and looks up while it links a new article (see :mod:`kronik.corpus`).

The corpus decides; the store runs the SQL. These records are the whole conversation between
them, so neither imports the other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kronik.model import Actor

__all__ = [
    "EventCandidateQuery",
    "EventCandidateRow",
    "NewChronicleEvent",
    "NewStory",
    "PartyRecord",
    "SketchCandidate",
    "StoryCandidate",
    "StoryLink",
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
class PartyRecord:
    """A party of chronicle events at its own grain (see :mod:`kronik.corpus.parties`): a KB id, a
    country acting as itself (``IDN``) or a name the KB does not know (``name:polda papua``), with
    its display name, grain (country, person, organisation, place, name), country and sector."""

    key: str
    name: str
    grain: str
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True, frozen=True)
class NewChronicleEvent:
    """A happening first reported by a new article (its first report's actors and evidence).

    ``actor_keys``/``recipient_keys`` are the keys it is matched by (countries first); the
    parties of each side are kept too, each under its own key and its country's."""

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
    actor_parties: tuple[PartyRecord, ...] = ()
    recipient_parties: tuple[PartyRecord, ...] = ()


@dataclass(slots=True)
class StoryCandidate:
    """A story sharing a party with a new chronicle event: its parties (events of each), last
    date and vocabulary (IDF-weighted term → weight), and the countries of its parties."""

    id: str
    participants: frozenset[str]
    last_date: dt.date | None
    terms: dict[str, float]
    parties: dict[str, int] = field(default_factory=dict)
    num_events: int = 0
    countries: frozenset[str] = frozenset()


@dataclass(slots=True, frozen=True)
class NewStory:
    """A story opened by a chronicle event that joined no existing story (its events, parties and
    look-up keys come with :class:`StoryLink`)."""

    id: str
    title: str
    participants: list[str]
    terms: dict[str, float]


@dataclass(slots=True, frozen=True)
class StoryLink:
    """A chronicle event put in a story, and the story as it becomes: its title, its parties with
    the events of each, its vocabulary, and its look-up keys ``(key, "party" | "country")``: a
    new event is compared with the stories of its parties, a reader finds a story by either."""

    story_id: str
    chronicle_id: str
    title: str
    parties: dict[str, int]
    terms: dict[str, float]
    keys: tuple[tuple[str, str], ...]
