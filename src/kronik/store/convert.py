"""SQLite rows → typed records (:mod:`kronik.records`)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from kronik.model import Actor
from kronik.records import ArticleEvent, ChronicleEvent, EventReport, Story, StoryDetail

__all__ = [
    "actors_json",
    "article_event",
    "chronicle_event",
    "day",
    "event_report",
    "story",
    "story_detail",
]


def day(value: str | None) -> date | None:
    """A stored ``YYYY-MM-DD`` (or a longer ISO value) as a date; ``None`` when absent or partial."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def actors_json(actors: list[Actor]) -> str:
    """Actors as stored: a JSON list of ``{name, entity, country, sector}``."""
    plain = [{"name": a.name, "entity": a.entity, "country": a.country, "sector": a.sector} for a in actors]
    return json.dumps(plain, ensure_ascii=False)


def _actors(text: str) -> list[Actor]:
    return [Actor(a["name"], a.get("entity"), a.get("country"), a.get("sector")) for a in json.loads(text)]


def chronicle_event(row: sqlite3.Row) -> ChronicleEvent:
    return ChronicleEvent(
        id=row["id"], type=row["type"], mode=row["mode"], date=day(row["date"]),
        date_last=day(row["date_last"]), location=row["location"], actors=_actors(row["actors"]),
        recipients=_actors(row["recipients"]), participants=row["participants"].split(),
        quad=row["quad"], intensity=row["intensity"], cameo=row["cameo"], evidence=row["evidence"],
        story_id=row["story_id"], num_mentions=row["num_mentions"], num_articles=row["num_articles"],
        num_sources=row["num_sources"], first_report=day(row["first_report"]),
        last_report=day(row["last_report"]),
    )


def article_event(row: sqlite3.Row) -> ArticleEvent:
    return ArticleEvent(
        id=row["id"], article_id=row["article_id"], type=row["type"], mode=row["mode"], date=row["date"],
        location=row["location"], actors=_actors(row["actors"]), recipients=_actors(row["recipients"]),
        quad=row["quad"], intensity=row["intensity"], cameo=row["cameo"], negated=bool(row["negated"]),
        future=bool(row["future"]), confidence=row["confidence"], evidence=row["evidence"],
        start=row["start"], end=row["end"], article_title=row["article_title"], outlet=row["outlet"],
    )


def event_report(row: sqlite3.Row) -> EventReport:
    return EventReport(
        article_id=row["article_id"], event_id=row["event_id"], score=row["score"], title=row["title"],
        outlet=row["outlet"], published=day(row["published"]), duplicate_of=row["duplicate_of"],
        evidence=row["evidence"], start=row["start"], end=row["end"], date=row["date"],
    )


def _story_fields(row: sqlite3.Row) -> dict[str, Any]:
    terms = [t for t in json.loads(row["terms"]) if not t.startswith("entity:")][:10]
    return {
        "id": row["id"], "title": row["title"], "participants": row["participants"].split(),
        "first_date": day(row["first_date"]), "last_date": day(row["last_date"]),
        "num_events": row["num_events"], "terms": terms,
    }


def story(row: sqlite3.Row) -> Story:
    return Story(**_story_fields(row))


def story_detail(row: sqlite3.Row) -> StoryDetail:
    return StoryDetail(**_story_fields(row))
