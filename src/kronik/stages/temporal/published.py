"""Inferring an article's publication date when none is given, only where it can be trusted.

In order, the first that holds:

1. A date in the article's URL (outlets' path layouts, ``lang/common/dates.toml``).
2. A full date written with a weekday that agrees with it ("Jumat (18/12/2020)"): the latest of
   the first two sentences (the dateline and lead, where news states the day of its event), else
   the latest of the body (Kompas gives it with the first quote: "kata X, Minggu (17/5/2020)"). A
   full date without a weekday is as often the day of a coming or past event as the day of writing.
   A weekday one day off its date (a slip in either) still fixes the year and the day within one,
   unless the weekday agrees in the year before or after (then the year may be the slip).
3. A weekday with a day and month but no year ("Senin (27/3)"): of the years within the last 30
   where that day falls on that weekday, the one the URL's path names; else the one where the page
   writes the same day with its year (a caption "pada 20 Maret 2023"); else the only one the page
   names (in any year-shaped token but a regulation's number: "Piala Sudirman 2017"); else the
   only one left by the dated roles of people written with that role's title. The last two must not
   lie more than a year before the latest year the page names (a text naming 2012 is not from 2000).

Otherwise the publication date stays unknown (``None``, with the reason): a guessed year does more
harm than none, since every relative date of the article would move with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kronik.kb import KnowledgeBase
from kronik.lang import Languages
from kronik.model import Article
from kronik.stages.ner.rules import EntityRules
from kronik.stages.temporal.found import Found, safe_date
from kronik.stages.temporal.grammar import DateGrammar

__all__ = ["PublicationDating"]

_YEARS_BACK = 30
_TOP_SENTENCES = 2
_YEAR_SUPPORT = 1
_PAGE_PARTS = frozenset({"title", "caption"})
_TITLE_WORD = re.compile(r"\w[\w.]*\w")
_YEAR_TOKEN = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?!\d|[.,]\d)")

Span = tuple[date | None, date | None]


@dataclass(slots=True)
class PublicationDating:
    """The clues a publication date is inferred from (see the module docstring)."""

    url_dates: list[re.Pattern[str]]
    url_years: list[re.Pattern[str]]
    kb: KnowledgeBase
    rules: EntityRules
    stopwords: frozenset[str]
    grammar: DateGrammar

    @classmethod
    def load(cls, kb: KnowledgeBase, rules: EntityRules, grammar: DateGrammar, languages: Languages) -> PublicationDating:
        """The clues of the URL layouts and role words every language shares (``lang/common/dates.toml``)."""
        data = languages.common("dates")
        return cls([re.compile(p) for p in data["url_dates"]], [re.compile(p) for p in data["url_years"]], kb, rules,
                   frozenset(data["role_title_stopwords"]), grammar)

    def infer(self, article: Article, found: list[Found], today: date) -> tuple[date | None, str]:
        """(publication date, how it was found), or (None, why there is none)."""
        url = article.source.url or ""
        day = self.url_date(url, today)
        if day is not None:
            return day, "the date in the URL"
        top = _weekday_date(article, found, today)
        if top is not None:
            return top
        pinned = self._pinned(article, found, today, self._url_year(url, today))
        if pinned is not None:
            return pinned
        return None, "no date in the URL, no full date with its weekday, no weekday-dated day whose year is certain"

    def url_date(self, url: str, today: date) -> date | None:
        """The first real, past date a URL pattern finds in ``url``."""
        for pattern in self.url_dates:
            for m in pattern.finditer(url):
                day = safe_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
                if day is not None and day.year >= today.year - _YEARS_BACK and day <= today:
                    return day
        return None

    def _url_year(self, url: str, today: date) -> int | None:
        for pattern in self.url_years:
            m = pattern.search(url)
            if m and today.year - _YEARS_BACK <= int(m.group("year")) <= today.year:
                return int(m.group("year"))
        return None

    def _pinned(self, article: Article, found: list[Found], today: date, url_year: int | None) -> tuple[date, str] | None:
        """The first weekday-dated day whose year one clue alone fixes."""
        page = self._page_text(article)
        same_days = {d for f in [*found, *self.grammar.find(page)] if (d := f.full_date()) is not None}
        named = self._named_years(article.text + "\n" + page, today)
        latest_named = max(named, default=0)
        spans = self._office_spans(article)
        top = _top_end(article)
        pinned = [f for f in found if f.weekday is not None and f.day and f.month and not f.year]
        pinned.sort(key=lambda f: (f.start >= top, f.start))
        for item in pinned:
            assert item.month is not None and item.day is not None
            month, day = item.month, item.day
            years = _weekday_years(item, today)
            in_office = [y for y in years if all(_within(safe_date(y, month, day), s) for s in spans)]
            if spans and not in_office:
                continue  # the weekday contradicts who held office when
            clues = (("the URL's year", [y for y in in_office if y == url_year], True),
                     ("the same day written with its year", [y for y in in_office if safe_date(y, month, day) in same_days], True),
                     ("a year the text names", [y for y in in_office if y in named], False),
                     ("roles in office", in_office if spans else [], False))
            for clue, chosen, direct in clues:
                if len(chosen) == 1 and (direct or chosen[0] >= latest_named - _YEAR_SUPPORT):
                    return date(chosen[0], month, day), f"a weekday with its day and month, the year from {clue}"
        return None

    @staticmethod
    def _page_text(article: Article) -> str:
        """The title and picture captions: page text about the same story, outside the body."""
        parts = [article.title or ""] + [r.text for r in article.removed if r.reason in _PAGE_PARTS]
        return "\n".join(p for p in parts if p)

    def _named_years(self, text: str, today: date) -> set[int]:
        """Years the page names, in any year-shaped token but the year of a regulation's number."""
        return {
            int(m.group()) for m in _YEAR_TOKEN.finditer(text)
            if int(m.group()) <= today.year and not self.grammar.builder.in_regulation_name(text, m.start())
        }

    def _office_spans(self, article: Article) -> list[list[Span]]:
        """For each person written with the title of a dated role of theirs, that role's spans.

        A role counts only when a word of its title stands in the words before the name ("Kepala
        Mail.ru Boris Dobrodeyev", role "CEO of Mail.ru Group"): the knowledge base lists some of a
        person's roles, not all, so a title it does not hold says nothing about the year.
        """
        spans = []
        for entity in article.entities:
            entry = self.kb.get(entity.id) if entity.type == "PERSON" else None
            if entry is None or not entry.roles:
                continue
            held: list[Span] = []
            for mention in entity.mentions:
                if not self.rules.title_before(article.text, mention.start):
                    continue
                window = article.text[max(0, mention.start - 60) : mention.start].casefold()
                held += [(r.start, r.end) for r in entry.roles if r.title and (r.start, r.end) not in held
                         and any(w in window for w in self.role_words(r.title))]
            if held:
                spans.append(held)
        return spans

    def role_words(self, title: str) -> list[str]:
        """The words of a role's title that can show it in text (names, not "of"/"the")."""
        return [w for w in _TITLE_WORD.findall(title.casefold()) if len(w) >= 3 and w not in self.stopwords]


def _top_end(article: Article) -> int:
    if len(article.sentences) >= _TOP_SENTENCES:
        return article.sentences[_TOP_SENTENCES - 1][1]
    return len(article.text)


def _weekday_date(article: Article, found: list[Found], today: date) -> tuple[date, str] | None:
    """The latest full date written with a weekday that agrees with it, at the top if there is one;
    else one whose weekday is a day off (a slip of the pen in the day or the weekday: its year holds)."""
    top = _top_end(article)
    dated = [(d, f.start < top, _slip(d, f.weekday)) for f in found if f.weekday is not None
             and (d := f.full_date()) is not None and d <= today]
    for slips, label in (({0}, "a full date with its weekday"), ({1, 6}, "a full date with its weekday a day off")):
        at_top = [d for d, first, slip in dated if first and slip in slips]
        if at_top:
            return max(at_top), f"{label} at the top"
        body = [d for d, _, slip in dated if slip in slips]
        if body:
            return max(body), f"{label} in the body"
    return None


def _slip(day: date, weekday: int) -> int | None:
    """How many days the written weekday is off the date (0 when it agrees), or None when the
    weekday would agree in the year before or after: then the year may be the slip."""
    off = (day.weekday() - weekday) % 7
    if off and any((d := safe_date(day.year + k, day.month, day.day)) and d.weekday() == weekday for k in (-1, 1)):
        return None
    return off


def _weekday_years(item: Found, today: date) -> list[int]:
    assert item.month is not None and item.day is not None and item.weekday is not None
    return [
        y for y in range(today.year, today.year - _YEARS_BACK, -1)
        if (d := safe_date(y, item.month, item.day)) is not None and d <= today and d.weekday() == item.weekday
    ]


def _within(day: date | None, spans: list[Span]) -> bool:
    return day is not None and any((a is None or a <= day) and (b is None or day <= b) for a, b in spans)
