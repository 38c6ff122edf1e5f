"""Date expressions → calendar values, for Indonesian and English news.

Patterns are compiled once from ``lang/<code>/dates.toml`` and ``months.toml``. Each match becomes
a :class:`Found` with a *template* value ("2023-03-20", "XXXX-03-20", "2024", a weekday or a
relative offset) that :func:`resolve` turns into an ISO value against a reference date. Day/month
numerals are always read day first ("05/06" is 5 June).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from kronik.lang import load_resource

__all__ = ["DateGrammar", "Found", "resolve"]


@dataclass(slots=True)
class Found:
    """A matched date expression before resolution."""

    start: int
    end: int
    kind: str  # full | daymonth | monthyear | year | weekday | relative | counted | time
    day: int | None = None
    month: int | None = None
    year: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    weekday: int | None = None
    unit: str | None = None
    offset: int = 0
    time: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(slots=True)
class DateGrammar:
    """Compiled patterns of one or several languages."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    relative: dict[str, tuple[str, int]]
    units: dict[str, str]
    past: list[str]
    future: list[str]
    zones: dict[str, str]
    patterns: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)

    @classmethod
    def load(cls, languages: tuple[str, ...] = ("id", "en")) -> DateGrammar:
        g = cls({}, {}, {}, {}, {}, [], [], {})
        day_parts: list[str] = []
        range_words: list[str] = []
        year_cues: list[str] = []
        weekday_cues: list[str] = []
        for code in languages:
            g.months.update(load_resource(code, "months")["months"])
            data = load_resource(code, "dates")
            g.weekdays.update(data["weekdays"])
            day_parts += data["day_parts"]
            range_words += data["range_words"]
            year_cues += data["year_cues"]
            weekday_cues += data["weekday_cues"]
            g.relative.update({k: (v[0], int(v[1])) for k, v in data["relative"].items()})
            g.units.update(data["counted"]["units"])
            g.past += data["counted"]["past"]
            g.future += data["counted"]["future"]
            g.zones.update(data["times"]["zones"])
            g.numbers.update(load_resource(code, "numbers")["units"])
        g._compile(day_parts, range_words, year_cues, weekday_cues)
        return g

    def _compile(self, day_parts: list[str], range_words: list[str], year_cues: list[str], weekday_cues: list[str]) -> None:
        month = rf"(?P<month>{_alternation(list(self.months))})\.?"
        weekday = rf"(?P<weekday>{_alternation(list(self.weekdays))})"
        part = rf"(?:\s+(?:{_alternation(day_parts)}))?"
        rng = rf"\s*(?:{_alternation(range_words)})\s*"
        year = r"(?P<year>(?:19|20)\d{2})"
        zones = _alternation(list(self.zones))
        number_words = _alternation(list(self.numbers))
        flags = re.IGNORECASE
        self.patterns = [
            ("weekday_paren", re.compile(
                rf"\b{weekday}{part}\s*\(\s*(?P<inner>[^()]{{2,30}}?)\s*\)", flags)),
            ("range", re.compile(rf"\b(?P<day>\d{{1,2}}){rng}(?P<end_day>\d{{1,2}})\s+{month}(?:\s+{year})?\b", flags)),
            ("full_dmy", re.compile(rf"\b(?P<day>\d{{1,2}})\s+{month}\s*,?\s+{year}\b", flags)),
            ("full_mdy", re.compile(rf"\b{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{year}\b", flags)),
            ("numeric_range", re.compile(
                r"(?<![\d/.,])(?P<day>\d{1,2})\s*[-–]\s*(?P<end_day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<year>(?:19|20)?\d{2}))?(?![\d/])")),
            ("numeric", re.compile(r"(?<![\d/.,])(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)?\d{2})(?![\d/])")),
            ("paren_numeric", re.compile(
                r"\((?P<day>\d{1,2})(?:\s*[-–]\s*(?P<end_day>\d{1,2}))?/(?P<month>\d{1,2})(?:/(?P<year>(?:19|20)?\d{2}))?\)")),
            ("daymonth", re.compile(rf"\b(?P<day>\d{{1,2}})\s+{month}(?!\s*,?\s*\d)", flags)),
            ("mdy_noyear", re.compile(rf"\b{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)", flags)),
            ("monthyear", re.compile(rf"\b{month}\s+{year}\b", flags)),
            ("year", re.compile(rf"\b(?:{_alternation(year_cues)})\s+{year}\b(?!\s*(?:persen|%|orang|unit))", flags)),
            ("counted", re.compile(
                rf"\b(?P<count>\d+|{number_words})\s+(?P<unit>{_alternation(list(self.units))})\s+"
                rf"(?P<dir>{_alternation(self.past + self.future)})\b", flags)),
            ("relative", re.compile(rf"\b(?P<rel>{_alternation(list(self.relative))})\b", flags)),
            ("weekday", re.compile(rf"\b(?:{_alternation(weekday_cues)})\s+{weekday}{part}\b", flags)),
            ("time", re.compile(
                rf"\b(?:pukul|jam|at)\s+(?P<hour>\d{{1,2}})[.:](?P<minute>\d{{2}})(?:\s*(?P<zone>{zones}))?\b", flags)),
        ]

    def find(self, text: str) -> Iterator[Found]:
        """Non-overlapping date expressions, earlier patterns first (they are more specific)."""
        taken: list[tuple[int, int]] = []
        found: list[Found] = []
        for kind, pattern in self.patterns:
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(start < b and a < end for a, b in taken):
                    continue
                item = self._build(kind, match)
                if item is not None:
                    found.append(item)
                    taken.append((start, end))
        yield from sorted(found, key=lambda f: f.start)

    def _build(self, kind: str, m: re.Match[str]) -> Found | None:
        g = m.groupdict()
        start, end = m.span()
        month = self._month(g.get("month"))
        year = _year(g.get("year"))
        if kind == "weekday_paren":
            inner = g["inner"]
            weekday = self.weekdays[g["weekday"].casefold()]
            for sub_kind, sub in self.patterns[1:10]:
                inner_match = sub.fullmatch(f"({inner})" if sub_kind == "paren_numeric" else inner)
                if inner_match:
                    item = self._build(sub_kind, inner_match)
                    if item is not None:
                        item.start, item.end, item.weekday = start, end, weekday
                        return item
            return Found(start, end, "weekday", weekday=weekday)
        if kind in ("range", "paren_numeric", "numeric_range") and g.get("end_day"):
            return _checked(Found(start, end, "range", day=int(g["day"]), month=month, year=year,
                                  end_day=int(g["end_day"]), end_month=month))
        if kind in ("full_dmy", "full_mdy", "numeric", "paren_numeric"):
            return _checked(Found(start, end, "full" if year else "daymonth", day=int(g["day"]), month=month, year=year))
        if kind in ("daymonth", "mdy_noyear"):
            return _checked(Found(start, end, "daymonth", day=int(g["day"]), month=month))
        if kind == "monthyear":
            return Found(start, end, "monthyear", month=month, year=year)
        if kind == "year":
            return Found(start, end, "year", year=year)
        if kind == "counted":
            count_text = g["count"].casefold()
            count = int(count_text) if count_text.isdigit() else self.numbers.get(count_text, 0)
            sign = -1 if g["dir"].casefold() in self.past else 1
            return Found(start, end, "relative", unit=self.units[g["unit"].casefold()], offset=sign * count)
        if kind == "relative":
            before = m.string[max(0, start - 20) : start].split()
            if before and (before[-1].isdigit() or before[-1].casefold() in self.numbers):
                return None  # "selama 10 tahun ini": a duration, not a date
            unit, offset = self.relative[g["rel"].casefold()]
            return Found(start, end, "relative", unit=unit, offset=offset)
        if kind == "weekday":
            return Found(start, end, "weekday", weekday=self.weekdays[g["weekday"].casefold()])
        if kind == "time":
            hour, minute = int(g["hour"]), int(g["minute"])
            if hour > 23 or minute > 59:
                return None
            zone = self.zones.get((g.get("zone") or "").upper(), "")
            return Found(start, end, "time", time=f"{hour:02d}:{minute:02d}{zone}")
        return None

    def _month(self, text: str | None) -> int | None:
        if text is None:
            return None
        return int(text) if text.isdigit() else self.months.get(text.casefold().rstrip("."))


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def _checked(item: Found) -> Found | None:
    """Drop impossible day/month numbers (fractions, scores)."""
    if item.month is None or not 1 <= item.month <= 12 or item.day is None or not 1 <= item.day <= 31:
        return None
    if item.end_day is not None and not item.day <= item.end_day <= 31:
        return None
    return item


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shift_months(day: date, months: int) -> tuple[int, int]:
    total = day.year * 12 + day.month - 1 + months
    return total // 12, total % 12 + 1


def resolve(item: Found, reference: date | None) -> tuple[str | None, str | None, str]:
    """(value, end_value, granularity) of a found expression against ``reference``."""
    year = item.year or (reference.year if reference else None)
    if item.kind in ("full", "daymonth", "range"):
        assert item.month is not None and item.day is not None
        if item.kind == "daymonth" and item.year is None and reference is not None:
            year = _nearest_year(item.month, item.day, reference, item.weekday)
        prefix = f"{year:04d}" if year else "XXXX"
        value = f"{prefix}-{item.month:02d}-{item.day:02d}"
        end_value = f"{prefix}-{(item.end_month or item.month):02d}-{item.end_day:02d}" if item.end_day else None
        return value, end_value, "day"
    if item.kind == "monthyear":
        return f"{item.year:04d}-{item.month:02d}", None, "month"
    if item.kind == "year":
        return f"{item.year:04d}", None, "year"
    if reference is None:
        return None, None, "day" if item.kind in ("weekday", "relative") and item.unit in (None, "day") else (item.unit or "day")
    if item.kind == "weekday":
        assert item.weekday is not None
        back = (reference.weekday() - item.weekday) % 7
        return (reference - timedelta(days=back)).isoformat(), None, "day"
    if item.kind == "relative":
        if item.unit == "day":
            return (reference + timedelta(days=item.offset)).isoformat(), None, "day"
        if item.unit == "week":
            monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=item.offset)
            return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week"
        if item.unit == "month":
            y, m = _shift_months(reference, item.offset)
            return f"{y:04d}-{m:02d}", None, "month"
        return f"{reference.year + item.offset:04d}", None, "year"
    if item.kind == "time":
        return f"{reference.isoformat()}T{item.time}", None, "time"
    return None, None, "day"


def _nearest_year(month: int, day: int, reference: date, weekday: int | None = None) -> int:
    """The year that puts day/month closest to the reference (news reports recent dates),
    among the years where it falls on ``weekday`` when one is written."""
    best = reference.year
    best_gap = None
    years: tuple[int, ...] = (reference.year - 1, reference.year, reference.year + 1)
    if weekday is not None and any((d := _safe_date(y, month, day)) and d.weekday() == weekday for y in years):
        years = tuple(y for y in years if (d := _safe_date(y, month, day)) and d.weekday() == weekday)
    for year in years:
        candidate = _safe_date(year, month, day)
        if candidate is None:
            continue
        gap = abs((candidate - reference).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best
