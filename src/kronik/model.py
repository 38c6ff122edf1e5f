"""The article contract: one document object and its parts, with JSON (de)serialisation.

An :class:`Article` flows through the pipeline stages; each stage fills some of its fields.
Every extracted item carries ``start``/``end`` character offsets into ``Article.text`` (the
cleaned body), so any fact can be shown with its evidence. ``to_dict``/``from_dict`` map the
objects to the published JSON contract (``kronik/schema/article.schema.json``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any, Literal

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Article",
    "DateValue",
    "Dateline",
    "Entity",
    "Event",
    "EvidenceSpan",
    "Figure",
    "Link",
    "Mention",
    "Quote",
    "RawArticle",
    "Removal",
    "Source",
    "article_id",
    "normalise_body",
]

SCHEMA_VERSION = "1.0"

#: ``text``: crawled text (boilerplate is removed); ``html``: a web page; ``clean``: the article
#: body as it should be analysed, kept verbatim (e.g. a corpus that is already clean).
InputKind = Literal["text", "html", "clean"]


@dataclass(slots=True)
class Source:
    """Where an article came from."""

    path: str | None = None
    url: str | None = None
    outlet: str | None = None


@dataclass(slots=True)
class RawArticle:
    """An article as read by ingest, before any stage ran.

    ``content`` is decoded text: the page's HTML when ``kind`` is ``"html"``. ``published``,
    ``title`` and ``language`` are given values (JSONL fields, command-line options); stages
    fill what is missing.
    """

    content: str
    kind: InputKind = "text"
    source: Source = field(default_factory=Source)
    title: str | None = None
    published: date | None = None
    language: str | None = None
    encoding: str | None = None


@dataclass(slots=True)
class Dateline:
    """The place and outlet that open a news body, e.g. ``"Arrahmahnews.com, MOSKOW –"``."""

    place: str | None = None
    outlet: str | None = None
    text: str | None = None
    start: int | None = None  # offsets of the dateline in Article.text, when it is kept there
    end: int | None = None


@dataclass(slots=True)
class Removal:
    """A piece of the crawled page taken out of the body, and why."""

    text: str
    reason: str


@dataclass(slots=True)
class Link:
    """A headline or link text found in the page, e.g. a "Baca juga:" related article."""

    text: str
    kind: str = "related"


@dataclass(slots=True)
class Mention:
    """One occurrence of an entity in the cleaned text."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    """A person, organisation, country or place, linked to the knowledge base where known."""

    id: str
    name: str
    type: str  # PERSON | ORG | GPE | LOC
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None
    role: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class DateValue:
    """A date expression resolved to a calendar value (ISO 8601, ``XXXX`` for unknown year)."""

    text: str
    start: int
    end: int
    value: str | None
    end_value: str | None = None
    granularity: str | None = None  # day | month | year | week | time ...


@dataclass(slots=True)
class Quote:
    """A direct or indirect quotation and who said it."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_entity: str | None = None
    cue: str | None = None
    direct: bool = True


@dataclass(slots=True)
class Figure:
    """A numeric fact: money, percentage, count or ratio."""

    text: str
    start: int
    end: int
    value: float
    unit: str | None = None
    approximate: bool = False
    measure: str | None = None


@dataclass(slots=True)
class Actor:
    """A participant of an event, resolved to an entity where possible."""

    name: str
    entity: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class EvidenceSpan:
    """A sentence (or clause) of the text that supports an event."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Event:
    """A political event coded in PLOVER: who did what to whom, when and where."""

    id: str
    type: str
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    mode: str | None = None
    date: str | None = None
    location: str | None = None
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    background: bool = False
    evidence: str = ""
    start: int = 0
    end: int = 0
    confidence: float = 0.0
    quad: str | None = None
    intensity: float | None = None
    cameo: str | None = None
    trigger: str | None = None
    mentions: list[EvidenceSpan] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """The document that flows through the pipeline stages."""

    raw: RawArticle | None = None
    id: str = ""
    source: Source = field(default_factory=Source)
    language: str | None = None
    title: str | None = None
    dateline: Dateline | None = None
    published: date | None = None
    published_source: str | None = None  # given | metadata | inferred
    text: str = ""
    topic: str | None = None  # news | sport | technology | entertainment | lifestyle
    topic_confidence: float | None = None
    removed: list[Removal] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def sentence_texts(self) -> list[str]:
        """The text of each sentence, in order."""
        return [self.text[s:e] for s, e in self.sentences]

    def to_dict(self) -> dict[str, Any]:
        """The article as the JSON contract (see ``article.schema.json``)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "source": _plain(self.source),
            "language": self.language,
            "title": self.title,
            "dateline": _plain(self.dateline) if self.dateline else None,
            "published": self.published.isoformat() if self.published else None,
            "published_source": self.published_source,
            "text": self.text,
            "topic": self.topic,
            "topic_confidence": self.topic_confidence,
            "removed": [_plain(r) for r in self.removed],
            "links": [_plain(link) for link in self.links],
            "sentences": [[s, e] for s, e in self.sentences],
            "entities": [_plain(e) for e in self.entities],
            "dates": [_plain(d) for d in self.dates],
            "quotes": [_plain(q) for q in self.quotes],
            "figures": [_plain(f) for f in self.figures],
            "events": [_plain(ev) for ev in self.events],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from its JSON contract (the inverse of :meth:`to_dict`)."""
        published = data.get("published")
        dateline = data.get("dateline")
        return cls(
            id=data.get("id", ""),
            source=Source(**data.get("source") or {}),
            language=data.get("language"),
            title=data.get("title"),
            dateline=Dateline(**dateline) if dateline else None,
            published=date.fromisoformat(published) if published else None,
            published_source=data.get("published_source"),
            text=data.get("text", ""),
            topic=data.get("topic"),
            topic_confidence=data.get("topic_confidence"),
            removed=[Removal(**r) for r in data.get("removed", [])],
            links=[Link(**link) for link in data.get("links", [])],
            sentences=[(int(s), int(e)) for s, e in data.get("sentences", [])],
            entities=[
                Entity(**{**e, "mentions": [Mention(**m) for m in e.get("mentions", [])]})
                for e in data.get("entities", [])
            ],
            dates=[DateValue(**d) for d in data.get("dates", [])],
            quotes=[Quote(**q) for q in data.get("quotes", [])],
            figures=[Figure(**f) for f in data.get("figures", [])],
            events=[_event_from_dict(ev) for ev in data.get("events", [])],
            warnings=list(data.get("warnings", [])),
        )


def _event_from_dict(data: dict[str, Any]) -> Event:
    return Event(
        **{
            **data,
            "actors": [Actor(**a) for a in data.get("actors", [])],
            "recipients": [Actor(**a) for a in data.get("recipients", [])],
            "mentions": [EvidenceSpan(**m) for m in data.get("mentions", [])],
        }
    )


def _plain(obj: Any) -> Any:
    """Dataclasses, lists and dates to JSON-ready values."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


_SPACE = re.compile(r"\s+")


def normalise_body(text: str) -> str:
    """The body as hashed for identity: NFC, case-folded, whitespace collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def article_id(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of SHA-1 over the normalised body."""
    return hashlib.sha1(normalise_body(text).encode("utf-8")).hexdigest()[:16]
