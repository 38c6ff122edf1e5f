"""Query objects shared by the CLI, the API and the store: filters and pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = ["EventFilter", "Page"]


@dataclass(slots=True)
class Page:
    """One page of results."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


@dataclass(slots=True)
class EventFilter:
    """Filters of ``kronik events`` and ``GET /api/events``; ``None`` means any.

    ``actor``/``recipient`` match a country code (``CHN``), an entity id or a name.
    """

    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None
    story: str | None = None
