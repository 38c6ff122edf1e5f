"""Date expressions → :class:`Found` items, for Indonesian and English news.

Patterns are compiled once from the word lists of :class:`~kronik.stages.temporal.words.DateWords`.
Each match becomes a :class:`Found` holding what the text states (day, month, year, weekday, a
relative offset, a direction in time); :mod:`kronik.stages.temporal.resolve` turns it into a
calendar value. Day/month numerals are always read day first ("05/06" is 5 June).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kronik.lang import LanguagePack
from kronik.stages.temporal.build import Builder
from kronik.stages.temporal.found import Found
from kronik.stages.temporal.words import DateWords, alternation

__all__ = ["DateGrammar", "Found"]


@dataclass(slots=True)
class DateGrammar:
    """Compiled date patterns of one or several language packs."""

    words: DateWords
    patterns: list[tuple[str, re.Pattern[str]]]
    builder: Builder

    @classmethod
    def load(cls, packs: Iterable[LanguagePack]) -> DateGrammar:
        """The grammar of ``packs`` (``resources.languages.all()``: every pack, merged)."""
        words = DateWords.load(packs)
        patterns = _compile(words)
        return cls(words, patterns, Builder(words, dict(patterns)))

    @property
    def weekdays(self) -> dict[str, int]:
        return self.words.weekdays

    def find(self, text: str) -> Iterator[Found]:
        """Non-overlapping date expressions, earlier patterns first (they are more specific)."""
        taken: list[tuple[int, int]] = []
        found: list[Found] = []
        for kind, pattern in self.patterns:
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(start < b and a < end for a, b in taken):
                    continue
                item = self.builder.build(kind, match)
                if item is not None:
                    found.append(item)
                    taken.append((item.start, item.end))
        yield from sorted(found, key=lambda f: f.start)


def _compile(w: DateWords) -> list[tuple[str, re.Pattern[str]]]:
    def month(name: str = "month") -> str:
        return rf"(?P<{name}>{alternation(w.months)})\.?"

    def year(name: str = "year") -> str:
        return rf"(?P<{name}>(?:19|20)\d{{2}})"

    weekday = rf"(?P<weekday>{alternation(w.weekdays)})"
    capitalised = alternation({n[:1].upper() + n[1:] for n in w.weekdays} | {n.upper() for n in w.weekdays})
    part = rf"(?:\s+(?:{alternation(w.of('day_parts'))}))?"
    rng = rf"\s*(?:{alternation(w.of('range_words'))})\s*"
    span = rf"\s*(?:{alternation(w.of('span_words'))})\s*"
    marks = alternation(w.marks())
    direction = rf"(?:\s+(?P<dir>{marks}))?"
    year_relative = rf"(?:\s+(?P<yrel>{alternation(w.year_relatives())}))?"
    of_year = rf"(?:(?:{alternation(w.of('year_words'))})\s+)?"
    ordinal = rf"(?:{alternation(w.of('ordinal_suffixes'))})?"
    count = rf"(?:(?P<count>\d+|{alternation(w.numbers)})\s+(?P<unit>{alternation(w.units)})|(?P<single>{alternation(w.single)}))"
    flags = re.IGNORECASE
    sources = [
        ("weekday_paren", rf"\b(?:(?P<pre>{alternation(w.of('past_marks'))})\s+)?{weekday}{part}\s*\(\s*(?P<inner>[^()]{{2,30}}?)\s*\)"),
        ("weekday_comma", rf"\b{weekday}(?:,\s*|\s+)(?:(?:{alternation(w.of('day_words'))})\s+)?(?P<inner>\d{{1,2}}\s+(?:{alternation(w.months)})\.?(?:\s*,?\s+{of_year}(?:19|20)\d{{2}})?)\b"),
        ("range_full", rf"\b(?P<day>\d{{1,2}})\s+{month()}(?:\s+{year()})?{span}(?P<end_day>\d{{1,2}})\s+{month('end_month')}(?:\s*,?\s+{of_year}{year('end_year')})?\b{direction}"),
        ("range", rf"\b(?P<day>\d{{1,2}}){rng}(?P<end_day>\d{{1,2}})\s+{month()}(?:\s+{of_year}{year()})?\b{direction}"),
        ("yearrange", rf"(?<![\d./-]){year()}{span}{year('end_year')}(?![\d/-]|[.,]\d)"),
        ("full_dmy", rf"\b(?P<day>\d{{1,2}})\s+{month()}\s*,?\s+{of_year}{year()}\b"),
        ("full_mdy", rf"\b{month()}\s+(?P<day>\d{{1,2}}){ordinal},?\s+{year()}\b"),
        ("numeric_range", r"(?<![\d/.,])(?P<day>\d{1,2})\s*[-–]\s*(?P<end_day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<year>(?:19|20)?\d{2}))?(?![\d/])"),
        ("numeric", r"(?<![\d/.,])(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)?\d{2})(?![\d/])"),
        ("paren_numeric", r"\((?P<day>\d{1,2})(?:\s*[-–]\s*(?P<end_day>\d{1,2}))?/(?P<month>\d{1,2})(?:/(?P<year>(?:19|20)?\d{2}))?\)"),
        ("daymonth", rf"\b(?P<day>\d{{1,2}})\s+{month()}(?!\s*,?\s*\d){year_relative}{direction}\b"),
        ("mdy_noyear", rf"\b{month()}\s+(?P<day>\d{{1,2}}){ordinal}\b(?!\s*,?\s*\d)"),
        ("monthyear", rf"\b{month()}\s+{of_year}{year()}\b"),
        ("month", rf"\b(?:(?P<cue>{alternation(w.of('month_cues'))})\s+)?(?P<month>{alternation(w.full_months)})\b(?!\s*\d){year_relative}{direction}\b"),
        ("year", rf"\b(?:{alternation(w.of('year_cues'))})\s+{year()}\b(?![.,]?\d)(?!\s*(?:{alternation(w.of('quantity_words'))}))"),
        ("counted", rf"\b{count}\s+(?P<dir>{alternation(w.directions)})\b"),
        ("interval", rf"\b(?:{alternation(w.interval)})\s+{count}\b"),
        ("anaphoric", rf"\b(?P<rel>{alternation(w.anaphoric)})\b"),
        ("weekday_marked", rf"\b{weekday}{part}\s+(?P<dir>{marks})\b"),
        ("relative", rf"\b(?P<rel>{alternation(w.relative)})\b"),
        ("weekday", rf"\b(?:{alternation(w.of('weekday_cues'))})\s+{weekday}\b"),
        ("weekday_bare", rf"(?<![\w'-])(?-i:(?P<weekday>{capitalised}))(?![\w'-])"),
        ("time", rf"\b(?:{alternation(w.time_cues)})\s+(?P<hour>\d{{1,2}})[.:](?P<minute>\d{{2}})(?:\s*(?P<zone>{alternation(w.zones)}))?\b"),
    ]
    return [(kind, re.compile(source, flags)) for kind, source in sources]
