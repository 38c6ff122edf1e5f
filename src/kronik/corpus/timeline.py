"""Relation timelines: events between two actors per month, by quad class, with mean intensity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kronik.records import ChronicleEvent, TimelineMonth

__all__ = ["QUADS", "monthly_series"]

QUADS = ("VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT")


def monthly_series(events: Iterable[ChronicleEvent]) -> list[TimelineMonth]:
    """Group chronicle events into monthly points.

    Each point: ``month`` (YYYY-MM), ``counts`` per quad class, ``total``, ``mean_intensity``
    (of events that have one) and the ``events`` behind it. Undated events are left out.
    """
    months: dict[str, list[ChronicleEvent]] = defaultdict(list)
    for event in events:
        if event.date is not None:
            months[event.date.isoformat()[:7]].append(event)
    points = []
    for month in sorted(months):
        items = months[month]
        counts = dict.fromkeys(QUADS, 0)
        for event in items:
            if event.quad in counts:
                counts[event.quad] += 1
        intensities = [float(e.intensity) for e in items if e.intensity is not None]
        mean = round(sum(intensities) / len(intensities), 2) if intensities else None
        points.append(TimelineMonth(month, counts, len(items), mean, [e.id for e in items]))
    return points
