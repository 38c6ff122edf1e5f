"""What every route shares: the session of the app, page sizes, and query parameter models."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from kronik.records import EventSort, Grain
from kronik.service import ActorQuery, ArticleQuery, EventQuery, Kronik, TimelineQuery

__all__ = ["MAX_PAGE", "ActorParams", "ArticleParams", "EventParams", "Limit", "Offset", "Session", "TimelineParams"]

MAX_PAGE = 200
MAX_TIMELINE = 1000


def _session(request: Request) -> Kronik:
    kronik: Kronik = request.app.state.kronik
    return kronik


Session = Annotated[Kronik, Depends(_session)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Items per page (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]


class _Params(BaseModel):
    model_config = ConfigDict(populate_by_name=True)


class EventParams(_Params):
    """Filters of ``GET /api/events`` (actors by code, name in any language, or KB id)."""

    actor: str | None = Field(None, description="Actor: CHN, China, Tiongkok, Joko Widodo, person:…")
    recipient: str | None = Field(None, description="Recipient: a code, a name or a KB id.")
    type: str | None = Field(None, description="PLOVER event type (CONSULT, ASSAULT…).")
    mode: str | None = Field(None, description="PLOVER mode of the type (visit, meeting…).")
    quad: str | None = Field(None, description="Quad class (VERBAL_COOPERATION…).")
    date_from: date | None = Field(None, alias="from", description="Earliest event date.")
    date_to: date | None = Field(None, alias="to", description="Latest event date.")
    outlet: str | None = Field(None, description="Only events reported by this outlet.")
    language: str | None = Field(None, description="Only events reported in this language.")
    topic: str | None = Field(None, description="Only events reported by articles of this topic.")
    text: str | None = Field(None, description="Words in the evidence sentence.")
    story: str | None = Field(None, description="Only events of this story.")
    sort: EventSort = Field("newest", description="Order of the events.")
    mentions: bool = Field(False, description="Every article's events instead of chronicle events.")
    limit: int = Field(50, ge=1, le=MAX_PAGE, description=f"Events per page (at most {MAX_PAGE}).")
    offset: int = Field(0, ge=0, description="Events to skip.")

    def query(self) -> EventQuery:
        return EventQuery(**self.model_dump(exclude={"mentions"}))


class ArticleParams(_Params):
    """Search of ``GET /api/articles``."""

    q: str | None = Field(None, description="Words of the text (all required).")
    language: str | None = None
    outlet: str | None = None
    topic: str | None = None
    date_from: date | None = Field(None, alias="from", description="Published on or after.")
    date_to: date | None = Field(None, alias="to", description="Published on or before.")
    limit: int = Field(20, ge=1, le=MAX_PAGE, description=f"Articles per page (at most {MAX_PAGE}).")
    offset: int = Field(0, ge=0)

    def query(self) -> ArticleQuery:
        return ArticleQuery(**self.model_dump())


class TimelineParams(_Params):
    """The two actors of ``GET /api/timeline`` (codes, names or KB ids) and its window."""

    a: str = Field(min_length=1, max_length=100)
    b: str = Field(min_length=1, max_length=100)
    date_from: date | None = Field(None, alias="from")
    date_to: date | None = Field(None, alias="to")
    limit: int = Field(500, ge=1, le=MAX_TIMELINE, description=f"Events per page (at most {MAX_TIMELINE}).")
    offset: int = Field(0, ge=0)

    def query(self) -> TimelineQuery:
        return TimelineQuery(**self.model_dump())


class ActorParams(_Params):
    """Actors of ``GET /api/actors``."""

    grain: Grain | None = Field(None, description="country, person, organisation, place or name.")
    q: str | None = Field(None, description="Part of the actor's name or key.")
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0)

    def query(self) -> ActorQuery:
        return ActorQuery(**self.model_dump())
