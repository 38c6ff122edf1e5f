"""Inferring an article's reference date when no publication date is given.

1. The latest full date the article states (day, month and year), not after today.
2. Else a weekday written with a day and month ("Rabu (05/06)"): the years where that day falls on
   that weekday, within the last 30 years. People mentioned with a title who hold a dated role in
   the knowledge base narrow the years to their time in office. Of the years left, the one nearest
   the latest year the article names ("tahun 2017", "Maret 2017") wins, else the latest. When
   no such year is left, the date gives no reference (the year stays unknown: ``XXXX-MM-DD``).
"""

from __future__ import annotations

from datetime import date

from kronik.kb import KnowledgeBase
from kronik.model import Article
from kronik.stages.ner.rules import EntityRules
from kronik.stages.temporal.parser import Found

__all__ = ["infer_reference"]

_YEARS_BACK = 30


def infer_reference(
    found: list[Found], article: Article, kb: KnowledgeBase, rules: EntityRules, today: date
) -> tuple[date | None, str]:
    """(reference date, how it was found) or (None, reason)."""
    stated = [
        d for f in found if f.kind in ("full", "range") and f.year and f.month and f.day
        if (d := _date(f.year, f.month, f.day)) is not None and d <= today
    ]
    if stated:
        return max(stated), "the latest full date stated"
    pinned = [f for f in found if f.weekday is not None and f.day and f.month and not f.year]
    named_year = max((f.year for f in found if f.kind in ("year", "monthyear") and f.year and f.year <= today.year),
                     default=None)
    spans = _office_spans(article, kb, rules)
    for f in pinned:
        assert f.month is not None and f.day is not None
        years = [
            y for y in range(today.year, today.year - _YEARS_BACK, -1)
            if (d := _date(y, f.month, f.day)) is not None and d <= today and d.weekday() == f.weekday
        ]
        narrowed = [y for y in years if all(_within(_date(y, f.month, f.day), s) for s in spans)]
        if spans and not narrowed:
            continue  # the weekday contradicts who held office when: no year can be trusted
        if narrowed or years:
            year = _nearest((narrowed or years), named_year)
            how = "a weekday with its day and month" + (", narrowed by roles in office" if narrowed and spans else "")
            return _date(year, f.month, f.day), how
    return None, "no full date or weekday-pinned date in the text"


def _office_spans(article: Article, kb: KnowledgeBase, rules: EntityRules) -> list[list[tuple[date | None, date | None]]]:
    """For each person mentioned with a title, the spans of their dated roles."""
    spans = []
    for entity in article.entities:
        entry = kb.get(entity.id) if entity.type == "PERSON" else None
        if entry is None or not entry.roles or not entity.mentions:
            continue
        if not any(rules.title_before(article.text, m.start) for m in entity.mentions):
            continue
        spans.append([(r.start, r.end) for r in entry.roles])
    return spans


def _nearest(years: list[int], named_year: int | None) -> int:
    """The candidate year nearest the latest year the article names (later on a tie), else the latest."""
    if named_year is None:
        return max(years)
    return min(years, key=lambda y: (abs(y - named_year), -y))


def _within(day: date | None, spans: list[tuple[date | None, date | None]]) -> bool:
    return day is not None and any((a is None or a <= day) and (b is None or day <= b) for a, b in spans)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
