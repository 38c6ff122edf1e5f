"""How the CLI shows the service's records: JSON (the same as the API's) or lines of text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from kronik.formats import plain
from kronik.model import Actor
from kronik.records import ArticleEvent, ChronicleEvent, TimelineMonth
from kronik.service import IngestSummary

__all__ = ["day", "echo_json", "event_line", "month_line", "summary_line"]


def echo_json(record: Any) -> None:
    """A record as indented JSON, the same values the API returns."""
    click.echo(json.dumps(plain(record), ensure_ascii=False, indent=2))


def day(value: date | str | None) -> str:
    """A date for a fixed-width column; ``?`` when unknown."""
    if value is None or value == "":
        return "?"
    return value if isinstance(value, str) else value.isoformat()


def _label(actor: Actor) -> str:
    """A named party by its name ("Polda Papua"), a country or a common noun by its country."""
    named = actor.entity is not None and not actor.entity.startswith("gpe:")
    return actor.name if named or not actor.country else actor.country


def _side(actors: list[Actor]) -> str:
    return "+".join(dict.fromkeys(_label(a) for a in actors))


def event_line(ev: ChronicleEvent | ArticleEvent) -> str:
    """``CONSULT    CHN → RUS``: type, actors and recipients (named parties by name, others by country)."""
    return f"{ev.type:<10} {_side(ev.actors) or '?'} → {_side(ev.recipients) or '-'}"


def month_line(point: TimelineMonth) -> str:
    counts = point.counts
    intensity = point.mean_intensity if point.mean_intensity is not None else "-"
    return (
        f"  {point.month}  coop {counts['VERBAL_COOPERATION']}v/{counts['MATERIAL_COOPERATION']}m"
        f"  conflict {counts['VERBAL_CONFLICT']}v/{counts['MATERIAL_CONFLICT']}m  intensity {intensity}"
    )


def summary_line(summary: IngestSummary, db: Path) -> str:
    return (
        f"{summary.read} read, {summary.new} new ({summary.near_duplicates} near-duplicates,"
        f" {summary.merged_events} events merged with earlier reports), {summary.already_stored} already"
        f" stored, {len(summary.failures)} failed; {summary.stored} articles in {db}"
    )
