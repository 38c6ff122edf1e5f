"""Resolving an article's date expressions on its own timeline.

News tells one episode with explicit dates ("Selasa (11/8/2020)") and then refers back with bare
weekdays ("kata dia, Senin"), anaphoric words ("sehari kemudian", "hari yang sama") and words of
the time of writing ("kemarin", "pekan lalu"). In text order:

1. Explicit dates are resolved first; one lacking its year takes it from the publication date,
   else from the last full date written before it.
2. A bare weekday is the day the article itself names with that weekday within six days of the
   last full date written before it, or of the publication date; else the last such weekday on or
   before the publication date (after it when marked as future: "Senin depan"). One joined to a
   weekday just named ("Rabu (5/4/2017) atau Kamis dini hari WIB") is the occurrence nearest it.
3. Anaphoric words count from the last time named before them, when that is precise enough
   ("bulan yang sama" after "pertengahan April" is April; "tiga hari kemudian" after it has no
   anchor). Words of the time of writing ("kemarin", "pekan lalu") count from the publication
   date only: without one they stay unresolved (a full date in the text may be history).
"""

from __future__ import annotations

from datetime import date, timedelta

from kronik.stages.temporal.found import Found
from kronik.stages.temporal.resolve import Resolution, resolve, weekday_near

__all__ = ["resolve_all"]

_EXPLICIT = frozenset({"full", "daymonth", "range", "monthyear", "month", "year", "yearrange"})
_SAME_EPISODE_DAYS = 6


def _as_day(value: str | None, granularity: str) -> date | None:
    if granularity != "day" or not value or not value[:4].isdigit():
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve_all(found: list[Found], reference: date | None) -> list[Resolution]:
    """The resolution of each item of ``found`` (in text order), on the article's timeline."""
    context: list[date | None] = []  # the last full date written before each item
    last_full: date | None = None
    for item in found:
        context.append(last_full)
        last_full = item.full_date() or last_full
    resolved: dict[int, Resolution] = {
        i: resolve(item, reference or context[i]) for i, item in enumerate(found) if item.kind in _EXPLICIT
    }
    named = [d for res in resolved.values() if (d := _as_day(res[0], res[2])) is not None]
    out: list[Resolution] = []
    last: dict[bool, tuple[date, str]] = {}  # the last time the text named: of any kind (True), finer than a year (False)
    for i, item in enumerate(found):
        result = resolved.get(i)
        if result is None:
            if item.kind == "weekday":
                result = _weekday(item, named, [context[i], reference], _anchor(item, last.get(False)))
            else:
                result = resolve(item, reference, _anchor(item, last.get(item.unit == "year")))
        out.append(result)
        named_time = _as_time(result) if item.kind != "time" else None
        if named_time is not None:
            last[True] = named_time
            if named_time[1] != "year":
                last[False] = named_time
    return out


def _as_time(result: Resolution) -> tuple[date, str] | None:
    """A resolved value as (its first day, granularity), when it is a known calendar value."""
    value, _, granularity = result
    if not value or not value[:4].isdigit():
        return None
    parts = [int(p) for p in value[:10].split("-")] + [1, 1]
    try:
        return date(parts[0], parts[1], parts[2]), granularity
    except ValueError:
        return None


def _anchor(item: Found, last: tuple[date, str] | None) -> date | None:
    """The date an anaphoric word counts from: the last time named (a year named in passing,
    "buronan sejak 2009", only anchors "tahun yang sama"), when it is at least as precise as the
    word's unit ("sehari kemudian" after "pertengahan April" has no anchor)."""
    if last is None or not item.anaphoric:
        return None
    day, granularity = last
    fine_enough = {"day": ("day",), "week": ("day",), "weekend": ("day",), "month": ("day", "month")}
    return day if granularity in fine_enough.get(item.unit or "day", ("day", "month", "year")) else None


def _weekday(item: Found, named: list[date], bases: list[date | None], joined_to: date | None) -> Resolution:
    assert item.weekday is not None
    if joined_to is not None:  # the occurrence nearest the weekday it is joined to
        return (joined_to + timedelta(days=(item.weekday - joined_to.weekday() + 3) % 7 - 3)).isoformat(), None, "day"
    for base in bases:
        if base is None:
            continue
        near = [d for d in named if d.weekday() == item.weekday and abs((d - base).days) <= _SAME_EPISODE_DAYS
                and (d - base).days * item.direction >= 0]
        if near:
            return min(near, key=lambda d: (abs((d - base).days), d)).isoformat(), None, "day"
    reference = bases[-1]
    if reference is None:
        return None, None, "day"
    return weekday_near(item.weekday, reference, item.direction).isoformat(), None, "day"
