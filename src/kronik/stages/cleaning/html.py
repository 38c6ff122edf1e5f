"""HTML pages: main text with trafilatura, publication date with htmldate, plus Indonesian dates.

trafilatura (precision-oriented settings, comments off) extracts the main text; its output then
goes through the same plain-text cascade, which removes what survives ("Baca juga:" lines, captions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kronik.errors import MalformedInputError

__all__ = ["HtmlExtraction", "extract_html", "find_text_date"]

_TAGS = re.compile(r"<[^>]+>")
_META_DATE = re.compile(
    r"<(?:meta|time)\b[^>]*(?:date|time|publish|created)[^>]*>", re.IGNORECASE
)


@dataclass(slots=True)
class HtmlExtraction:
    """What the HTML extractor found."""

    text: str
    title: str | None
    published: date | None
    language: str | None


def extract_html(html: str, months: dict[str, int], *, path: str | None = None) -> HtmlExtraction:
    """Main text, title, publication date and declared language of an HTML page."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
            deduplicate=False,
        )
    except Exception as exc:  # lxml raises many types on broken markup
        raise MalformedInputError(f"cannot parse HTML: {exc}", path=path) from exc
    if doc is None:
        return HtmlExtraction("", None, _find_date(html, months), None)
    text = getattr(doc, "text", None) or ""
    title = getattr(doc, "title", None) or None
    language = getattr(doc, "language", None) or None
    published = _parse_iso(getattr(doc, "date", None)) or _find_date(html, months)
    return HtmlExtraction(text, title, published, language)


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _find_date(html: str, months: dict[str, int]) -> date | None:
    """Dates htmldate misses: local month names in metadata tags, then in the visible text head."""
    for tag in _META_DATE.findall(html[:200_000]):
        found = find_text_date(tag, months)
        if found:
            return found
    return find_text_date(_TAGS.sub(" ", html[:60_000]), months)


def find_text_date(text: str, months: dict[str, int]) -> date | None:
    """The first "20 Maret 2023" / "20 Agu 2023" / "March 20, 2023" style date in ``text``."""
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    day_first = re.compile(rf"\b(\d{{1,2}})\s+({names})\.?\s+(\d{{4}})\b", re.IGNORECASE)
    month_first = re.compile(rf"\b({names})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
    for pattern, order in ((day_first, "dmy"), (month_first, "mdy")):
        for match in pattern.finditer(text):
            a, b, year = match.groups()
            day, month_name = (a, b) if order == "dmy" else (b, a)
            try:
                return date(int(year), months[month_name.casefold()], int(day))
            except (ValueError, KeyError):
                continue
    return None
