"""``/api/events``, ``/api/stories``, ``/api/timeline``, ``/api/actors``: the chronicle's reads."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from kronik.api.deps import ActorParams, EventParams, Limit, Offset, Session, TimelineParams
from kronik.service import (
    ActorLookup,
    ActorSummary,
    ArticleEvent,
    ChronicleEvent,
    ChronicleEventDetail,
    Page,
    Story,
    StoryDetail,
    StoryQuery,
    Timeline,
)

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["chronicle"])


@router.get("/events", summary="Chronicle events (or, with mentions, article events) with filters")
def list_events(
    params: Annotated[EventParams, Query()], kronik: Session
) -> Page[ChronicleEvent] | Page[ArticleEvent]:
    if params.mentions:
        return kronik.event_mentions(params.query())
    return kronik.events(params.query())


@router.get("/events/{event_id}", summary="One chronicle event with every report")
def get_event(event_id: str, kronik: Session) -> ChronicleEventDetail:
    return kronik.event(event_id)


@router.get("/stories", summary="Stories, most recently active first")
def list_stories(kronik: Session, actor: str | None = None, limit: Limit = 50, offset: Offset = 0) -> Page[Story]:
    return kronik.stories(StoryQuery(actor, limit, offset))


@router.get("/stories/{story_id}", summary="One story with its events, articles and timeline")
def get_story(story_id: str, kronik: Session) -> StoryDetail:
    return kronik.story(story_id)


@router.get("/timeline", summary="Relation timeline of two actors by month")
def timeline(params: Annotated[TimelineParams, Query()], kronik: Session) -> Timeline:
    return kronik.timeline(params.query())


@router.get("/actors", tags=["knowledge base"], summary="Actors of the chronicle by grain, most active first")
def list_actors(params: Annotated[ActorParams, Query()], kronik: Session) -> Page[ActorSummary]:
    return kronik.actors(params.query())


@router.get("/actors/{actor_id}", tags=["knowledge base"], summary="Look an actor up in the KB")
def actor(actor_id: str, kronik: Session) -> ActorLookup:
    return kronik.actor(actor_id)
