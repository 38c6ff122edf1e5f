"""A date expression as the text states it, before resolution."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["Found", "safe_date"]


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(slots=True)
class Found:
    """A matched date expression before resolution.

    ``kind``: full | daymonth | range | monthyear | month | year | yearrange | weekday | relative |
    time. ``anaphoric`` relatives count from the date the text last named ("sehari kemudian"), the
    others from the time of writing ("kemarin"). ``direction`` places a date that lacks its year, a
    weekday or a month before (-1) or after (+1) the reference, or nearest to it (0).
    """

    start: int
    end: int
    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    weekday: int | None = None
    unit: str | None = None
    offset: int = 0
    anaphoric: bool = False
    direction: int = 0
    year_offset: int | None = None  # "Desember tahun lalu": the year one before the reference's
    time: str | None = None

    def full_date(self) -> date | None:
        """The day a full date (or a range's first day) states with its year, else None."""
        if self.kind not in ("full", "range") or not (self.year and self.month and self.day):
            return None
        return safe_date(self.year, self.month, self.day)
