"""A date expression as the text states it, before resolution."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Found"]


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
    time: str | None = None
