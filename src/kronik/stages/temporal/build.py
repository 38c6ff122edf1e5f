"""Regex matches of the date grammar → :class:`~kronik.stages.temporal.grammar.Found` items, with
the checks that keep non-dates out: years inside names of regulations and events, durations,
recurring or named weekdays, the week sense of "minggu"."""

from __future__ import annotations

import re
from collections.abc import Callable

from kronik.stages.temporal.found import Found
from kronik.stages.temporal.words import DateWords, alternation

__all__ = ["Builder"]

_WORD = re.compile(r"[\w'-]+")
_INNER = ("range", "numeric_range", "full_dmy", "full_mdy", "numeric", "paren_numeric", "daymonth",
          "mdy_noyear", "monthyear")


def _starts_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \t")
    return not before or before[-1] in ".!?\"”:\n"


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def _checked(item: Found) -> Found | None:
    """Drop impossible day/month numbers (fractions, scores)."""
    if item.month is None or not 1 <= item.month <= 12 or item.day is None or not 1 <= item.day <= 31:
        return None
    if item.end_day is not None and not 1 <= item.end_day <= 31:
        return None
    if item.end_day is not None and (item.end_month or item.month) == item.month and item.end_day < item.day:
        return None
    if item.end_month is not None and not 1 <= item.end_month <= 12:
        return None
    return item


class Builder:
    """Turns one match of a named pattern into a :class:`Found`, or None when it is no date."""

    def __init__(self, words: DateWords, patterns: dict[str, re.Pattern[str]]) -> None:
        self.words = words
        self.patterns = patterns
        self.marks = words.marks()
        self.numbered_name = re.compile(
            rf"\b(?:{alternation(words.numbered_names)})\.?\s*[\w./-]*\d[\w./-]*\s+(?:(?:{alternation(words.of('year_words'))})\s+)?$",
            re.IGNORECASE)
        self.event_name = re.compile(rf"\b(?:{alternation(words.event_names)})\s+$", re.IGNORECASE)
        self.vague = frozenset(words.of("vague_counts"))
        self.year_words = frozenset(words.of("year_words"))
        self.handlers: dict[str, Callable[[re.Match[str]], Found | None]] = {
            "weekday_paren": self._weekday_with_date, "weekday_comma": self._weekday_with_date,
            "range_full": self._range, "range": self._range, "numeric_range": self._range,
            "yearrange": self._yearrange, "full_dmy": self._day, "full_mdy": self._day, "numeric": self._day,
            "paren_numeric": self._day, "daymonth": self._day, "mdy_noyear": self._day,
            "monthyear": self._monthyear, "month": self._month, "year": self._bare_year,
            "counted": self._counted, "interval": self._counted, "anaphoric": self._relative,
            "relative": self._relative, "weekday_marked": self._weekday, "weekday": self._weekday,
            "weekday_bare": self._bare_weekday, "time": self._time,
        }

    def build(self, kind: str, m: re.Match[str]) -> Found | None:
        return self.handlers[kind](m)

    def _month_of(self, text: str | None) -> int | None:
        if text is None:
            return None
        return int(text) if text.isdigit() else self.words.months.get(text.casefold().rstrip("."))

    def _direction(self, m: re.Match[str]) -> int:
        mark = m.groupdict().get("dir")
        return self.marks.get(" ".join(mark.casefold().split()), 0) if mark else 0

    def _in_name(self, m: re.Match[str]) -> bool:
        """A year that ends a regulation's number or an event's name ("Nomor 6 Tahun 2018")."""
        cue = m.string[m.start() : m.start("year")].strip().casefold()
        if cue and cue not in self.year_words:
            return False  # "pemilihan pada tahun 2024": the year of the event, a date
        before = m.string[max(0, m.start() - 60) : m.start()]
        return bool(self.numbered_name.search(before) or self.event_name.search(before))

    def in_regulation_name(self, text: str, position: int) -> bool:
        """Whether the year at ``position`` ends a regulation's or case's number ("Nomor 6 Tahun 2018")."""
        return bool(self.numbered_name.search(text[max(0, position - 60) : position]))

    def _weekday_with_date(self, m: re.Match[str]) -> Found | None:
        weekday = self.words.weekdays[m.group("weekday").casefold()]
        inner = m.group("inner")
        for kind in _INNER:
            inner_match = self.patterns[kind].fullmatch(f"({inner})" if kind == "paren_numeric" else inner)
            if inner_match:
                item = self.build(kind, inner_match)
                if item is not None:
                    item.start, item.end, item.weekday = m.start(), m.end(), weekday
                    return item
        if m.re is self.patterns["weekday_comma"]:
            return None
        return Found(m.start(), m.end(), "weekday", weekday=weekday, direction=-1 if m.group("pre") else 0)

    def _range(self, m: re.Match[str]) -> Found | None:
        g = m.groupdict()
        if not g.get("end_day"):
            return self._day(m)
        month = self._month_of(g.get("month"))
        end_month = self._month_of(g.get("end_month")) or month
        year, end_year = _year(g.get("year")), _year(g.get("end_year"))
        return _checked(Found(m.start(), m.end(), "range", day=int(g["day"]), month=month,
                               year=year or end_year, end_day=int(g["end_day"]), end_month=end_month,
                               end_year=end_year or year, direction=self._direction(m)))

    def _yearrange(self, m: re.Match[str]) -> Found | None:
        start, end = int(m.group("year")), int(m.group("end_year"))
        if not start < end <= start + 100 or self._in_name(m):
            return None
        return Found(m.start(), m.end(), "yearrange", year=start, end_year=end)

    def _day(self, m: re.Match[str]) -> Found | None:
        g = m.groupdict()
        year = _year(g.get("year"))
        return _checked(Found(m.start(), m.end(), "full" if year else "daymonth", day=int(g["day"]),
                               month=self._month_of(g.get("month")), year=year, direction=self._direction(m),
                               year_offset=self._year_offset(m)))

    def _monthyear(self, m: re.Match[str]) -> Found | None:
        return Found(m.start(), m.end(), "monthyear", month=self._month_of(m.group("month")), year=_year(m.group("year")))

    def _month(self, m: re.Match[str]) -> Found | None:
        """A month named alone: only with a cue or a direction, and capitalised ("pertengahan April")."""
        if not (m.group("cue") or m.group("dir") or m.group("yrel")) or not m.group("month")[0].isupper():
            return None
        return Found(m.start(), m.end(), "month", month=self._month_of(m.group("month")), direction=self._direction(m),
                     year_offset=self._year_offset(m))

    def _year_offset(self, m: re.Match[str]) -> int | None:
        relative = m.groupdict().get("yrel")
        return self.words.year_relatives().get(" ".join(relative.casefold().split())) if relative else None

    def _bare_year(self, m: re.Match[str]) -> Found | None:
        if self._in_name(m):
            return None
        return Found(m.start(), m.end(), "year", year=_year(m.group("year")))

    def _counted(self, m: re.Match[str]) -> Found | None:
        g = m.groupdict()
        before = m.string[max(0, m.start() - 24) : m.start()].casefold().split()
        if before and before[-1] in self.words.of("duration_cues"):
            return None  # "selama 20 hari ke depan": how long, not when
        if g.get("single"):
            count, unit = 1, self.words.single[g["single"].casefold()]
        else:
            text = g["count"].casefold()
            count, unit = (int(text) if text.isdigit() else self.words.numbers.get(text, 0)), self.words.units[g["unit"].casefold()]
        if g.get("dir"):
            sign, anaphoric = self.words.directions[" ".join(g["dir"].casefold().split())]
        else:  # "selang sehari": a step forward from the date last named
            sign, anaphoric = 1, True
        return Found(m.start(), m.end(), "relative", unit=unit, offset=sign * count, anaphoric=anaphoric)

    def _relative(self, m: re.Match[str]) -> Found | None:
        words = m.string[max(0, m.start() - 24) : m.start()].split()
        if words and (words[-1].isdigit() or words[-1].casefold() in self.words.numbers or words[-1].casefold() in self.vague):
            return None  # "selama 10 tahun ini", "beberapa tahun lalu": a duration, not a date
        phrase = " ".join(m.group("rel").casefold().split())
        anaphoric = phrase in self.words.anaphoric
        unit, offset = (self.words.anaphoric if anaphoric else self.words.relative)[phrase]
        return Found(m.start(), m.end(), "relative", unit=unit, offset=offset, anaphoric=anaphoric)

    def _weekday(self, m: re.Match[str]) -> Found | None:
        """A weekday with a cue before it or a direction after it ("pada Senin", "Sabtu kemarin")."""
        name = m.group("weekday")
        if name.casefold() in self.words.of("week_homonyms"):
            after = _WORD.search(m.string, m.end("weekday"))
            if name[0].islower() or (after and after.start() - m.end("weekday") < 3
                                     and after.group().casefold() in self.words.of("week_after") and not m.groupdict().get("dir")):
                return None  # "pada minggu ketiga": the week
            if m.groupdict().get("dir") and _starts_sentence(m.string, m.start()):
                return None  # "Minggu lalu, ...": last week
        return Found(m.start(), m.end(), "weekday", weekday=self.words.weekdays[name.casefold()], direction=self._direction(m))

    def _bare_weekday(self, m: re.Match[str]) -> Found | None:
        """A capitalised weekday standing alone ("kata Yusri, Rabu."), unless its neighbours make it
        a recurring day, a name, or the week."""
        name = m.group("weekday")
        before = [w.casefold() for w in _WORD.findall(m.string[max(0, m.start() - 60) : m.start()])]
        while len(before) >= 2 and before[-1] in self.words.of("weekday_joins") and before[-2] in self.words.weekdays:
            before = before[:-2]  # "setiap Senin dan Kamis": the cue before the first weekday counts
        after = _WORD.match(m.string[m.end() :].lstrip())
        after_word = after.group().casefold() if after else ""
        if before and before[-1] in self.words.of("not_a_day_before"):
            return None
        if after_word in self.words.of("not_a_day_after"):
            return None
        joined = bool(before) and before[-1] in self.words.of("weekday_joins") and any(
            w in self.words.weekdays for w in before[-10:-1])
        if name.casefold() in self.words.of("week_homonyms"):
            if after_word in self.words.of("week_after"):
                return None
            rest = m.string[m.end() : m.end() + 12].lstrip()
            if _starts_sentence(m.string, m.start()) and not (rest[:1] in (",", "(") or after_word in self.words.of("day_parts")):
                return None
        # "Rabu (5/4/2017) atau Kamis pukul 02.00 WIB": a weekday joined to one just named counts from it
        return Found(m.start(), m.end(), "weekday", weekday=self.words.weekdays[name.casefold()], anaphoric=joined)

    def _time(self, m: re.Match[str]) -> Found | None:
        hour, minute = int(m.group("hour")), int(m.group("minute"))
        if hour > 23 or minute > 59:
            return None
        zone = self.words.zones.get((m.group("zone") or "").upper(), "")
        return Found(m.start(), m.end(), "time", time=f"{hour:02d}:{minute:02d}{zone}")
