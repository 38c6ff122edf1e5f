"""A found date expression → an ISO value, against a reference date and the date last named.

``reference`` is the time of writing (the publication date, or the date the article's own timeline
gives): it completes dates that lack a year and anchors weekdays and words like "kemarin".
``anchor`` is the last day the text named before the expression; anaphoric words ("sehari
kemudian", "hari yang sama") count from it. Without what an expression needs, the value is None
(or ``XXXX`` in place of an unknown year).
"""

from __future__ import annotations

from datetime import date, timedelta

from kronik.stages.temporal.found import Found, safe_date

__all__ = ["Resolution", "resolve", "weekday_near"]

#: (value, end_value, granularity)
Resolution = tuple[str | None, str | None, str]


def resolve(item: Found, reference: date | None, anchor: date | None = None) -> Resolution:
    """(value, end_value, granularity) of ``item``; see the module docstring."""
    if item.kind in ("full", "daymonth", "range"):
        return _day(item, reference)
    if item.kind == "monthyear":
        return f"{item.year:04d}-{item.month:02d}", None, "month"
    if item.kind == "year":
        return f"{item.year:04d}", None, "year"
    if item.kind == "yearrange":
        return f"{item.year:04d}", f"{item.end_year:04d}", "year"
    if item.kind == "month":
        assert item.month is not None
        year = (reference.year + item.year_offset if item.year_offset is not None
                else _month_year(item.month, reference, item.direction)) if reference else None
        return f"{year:04d}-{item.month:02d}" if year else f"XXXX-{item.month:02d}", None, "month"
    base = anchor if item.anaphoric else reference
    if item.kind == "weekday":
        assert item.weekday is not None
        value = weekday_near(item.weekday, reference, item.direction) if reference else None
        return (value.isoformat() if value else None), None, "day"
    if item.kind == "relative":
        return _relative(item, base)
    if item.kind == "time" and reference is not None:
        return f"{reference.isoformat()}T{item.time}", None, "time"
    return None, None, "time" if item.kind == "time" else "day"


def _day(item: Found, reference: date | None) -> Resolution:
    assert item.month is not None and item.day is not None
    year, end_year = item.year, item.end_year
    end_month, end_day = item.end_month or item.month, item.end_day
    if year is None and reference is not None:
        if item.year_offset is not None:
            year = reference.year + item.year_offset  # "5 Desember tahun lalu"
        elif end_day is None:
            year = _year_for(item.month, item.day, reference, item.weekday, item.direction)
        else:  # a direction word follows the range's end: "24 April hingga 31 Mei mendatang"
            end_year = end_year or _year_for(end_month, end_day, reference, None, item.direction)
            year = end_year if (item.month, item.day) <= (end_month, end_day) else end_year - 1
    prefix = f"{year:04d}" if year else "XXXX"
    value = f"{prefix}-{item.month:02d}-{item.day:02d}"
    if end_day is None:
        return value, None, "day"
    end_year = end_year or year
    if end_year and year and not item.end_year and (end_month, end_day) < (item.month, item.day):
        end_year = year + 1  # "28 Desember hingga 3 Januari"
    end_prefix = f"{end_year:04d}" if end_year else "XXXX"
    return value, f"{end_prefix}-{end_month:02d}-{end_day:02d}", "day"


def _relative(item: Found, base: date | None) -> Resolution:
    unit = item.unit or "day"
    if base is None:
        return None, None, "day" if unit == "weekend" else unit
    if unit == "day":
        return (base + timedelta(days=item.offset)).isoformat(), None, "day"
    if unit in ("week", "weekend"):
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=item.offset)
        first = monday + timedelta(days=5) if unit == "weekend" else monday
        return first.isoformat(), (monday + timedelta(days=6)).isoformat(), "week"
    if unit == "month":
        total = base.year * 12 + base.month - 1 + item.offset
        return f"{total // 12:04d}-{total % 12 + 1:02d}", None, "month"
    return f"{base.year + item.offset:04d}", None, "year"


def weekday_near(weekday: int, reference: date, direction: int = 0) -> date:
    """The ``weekday`` strictly before (-1), strictly after (+1), or on or before (0) ``reference``."""
    if direction > 0:
        return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
    back = (reference.weekday() - weekday) % 7
    if direction < 0 and back == 0:
        back = 7
    return reference - timedelta(days=back)


def _month_year(month: int, reference: date, direction: int) -> int:
    """The year of a month named alone: the last one (-1), the next one (+1), else this year's
    unless that lies more than six months ahead ("pada Agustus" in January is last August)."""
    if direction < 0:
        return reference.year if month <= reference.month else reference.year - 1
    if direction > 0:
        return reference.year if month >= reference.month else reference.year + 1
    return reference.year - 1 if month - reference.month > 6 else reference.year


def _year_for(month: int, day: int, reference: date, weekday: int | None, direction: int) -> int:
    """The year of a day and month: among the years around the reference where it falls on
    ``weekday`` (when written), the last one before it (-1), the next one (+1), else the nearest."""
    years = [y for y in (reference.year - 1, reference.year, reference.year + 1) if safe_date(y, month, day)]
    if weekday is not None:
        matching = [y for y in years if (d := safe_date(y, month, day)) and d.weekday() == weekday]
        years = matching or years
    if direction < 0:
        before = [y for y in years if (d := safe_date(y, month, day)) and d <= reference]
        years = before or years
    elif direction > 0:
        after = [y for y in years if (d := safe_date(y, month, day)) and d >= reference]
        years = after or years
    if not years:
        return reference.year
    return min(years, key=lambda y: (abs(((safe_date(y, month, day) or reference) - reference).days), -y))
