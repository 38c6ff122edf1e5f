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

    def type_and_dates(self, alias: str) -> tuple[list[str], list[Any]]:
        """SQL conditions (and their parameters) on ``{alias}.type`` and ``{alias}.date``."""
        where: list[str] = []
        params: list[Any] = []
        if self.type:
            where.append(f"{alias}.type = ?")
            params.append(self.type.upper())
        if self.date_from:
            where.append(f"{alias}.date >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to:
            where.append(f"{alias}.date <= ?")
            params.append(self.date_to.isoformat() + "~")  # "~" sorts after any time suffix
        return where, params

