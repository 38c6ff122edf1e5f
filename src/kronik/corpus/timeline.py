"""Relation timelines: events between two actors per month, by quad class, with mean intensity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["QUADS", "monthly_series"]

QUADS = ("VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT")


def monthly_series(events: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Group chronicle events (``date``, ``quad``, ``intensity``, ``id``) into monthly points.

    Each point: ``month`` (YYYY-MM), ``counts`` per quad class, ``total``, ``mean_intensity``
    (of events that have one) and the ``events`` behind it. Undated events are left out.
    """
    months: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for event in events:
        day = event.get("date")
        if day and len(day) >= 7 and day[:4].isdigit():
            months[day[:7]].append(event)
    points = []
    for month in sorted(months):
        items = months[month]
        counts = dict.fromkeys(QUADS, 0)
        for event in items:
            if event.get("quad") in counts:
                counts[event["quad"]] += 1
        intensities = [float(e["intensity"]) for e in items if e.get("intensity") is not None]
        points.append({
            "month": month,
            "counts": counts,
            "total": len(items),
            "mean_intensity": round(sum(intensities) / len(intensities), 2) if intensities else None,
            "events": [e["id"] for e in items],
        })
    return points
