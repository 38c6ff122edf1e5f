"""The date of the episode a passage of an article tells, for dating events.

News dates an event where it tells it ("polisi menangkap X pada Senin (20/3)"), or once for a whole
episode and then tells the rest of it undated ("Dari tangan X, polisi menyita ..."). For a character
offset (an event's trigger), :func:`episode_date` returns, in order:

1. ``"sentence"``: the day-level date expression nearest the offset in the same clause, else in the
   same sentence; else the sentence's most precise coarser one ("pekan lalu" by its first day,
   "Maret lalu" as ``YYYY-MM``, "pada 2008" as ``YYYY``: a background episode keeps its own date)
   unless it takes in the date found below ("bansos tahun 2020" in a December 2020 story);
2. ``"article_context"``: among the day-level dates written before the sentence that lie within a
   week of the publication date (a background date, "pada 5 Maret lalu" in a December story, tells
   another episode; without a publication date, all of them): the latest of the lead (the first
   two sentences, where news dates its main episode), else the last one written;
3. ``"published"``: the publication date;
4. ``"unknown"``: none of these (the value is None).

It reads ``article.sentences``, ``article.dates`` (resolved by the dates stage) and
``article.published``; call it after the dates stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kronik.model import Article, DateValue

__all__ = ["EpisodeDate", "episode_date"]

#: how far (days) from the publication date an earlier date may lie and still date the same episode
EPISODE_WINDOW_DAYS = 7
#: the sentences of the lead, where news dates its main episode
LEAD_SENTENCES = 2
_PRECISION = ("week", "month", "year")


@dataclass(slots=True)
class EpisodeDate:
    """The date an offset's episode carries: ``value`` (YYYY-MM-DD, or YYYY-MM / YYYY from a coarser
    expression of the sentence), where it came from (``source``), and the date expression that gave
    it (None for the publication date; a week's end is its ``end_value``)."""

    value: str | None
    source: str  # sentence | article_context | published | unknown
    expression: DateValue | None = None


def _day(d: DateValue) -> date | None:
    """The calendar day of a day-level value with a known year (a time of day alone is dated by
    the publication date, not by the text, so it does not count)."""
    if d.granularity != "day" or not d.value or not d.value[:4].isdigit():
        return None
    try:
        return date.fromisoformat(d.value[:10])
    except ValueError:
        return None


def _coarse(d: DateValue) -> str | None:
    """The value of a week-, month- or year-level date with a known year (a week by its first day)."""
    if d.granularity in ("week", "month", "year") and d.value and d.value[:4].isdigit():
        return d.value
    return None


def _sentence_of(article: Article, offset: int) -> tuple[int, int]:
    for start, end in article.sentences:
        if start <= offset < end:
            return start, end
    return offset, offset


def episode_date(article: Article, offset: int, clause: tuple[int, int] | None = None) -> EpisodeDate:
    """The date of the episode the text at ``offset`` belongs to (see the module docstring)."""
    sentence = _sentence_of(article, offset)
    for lo, hi in ([clause] if clause else []) + [sentence]:
        days = [d for d in article.dates if lo <= d.start < hi and _day(d) is not None]
        if days:
            nearest = min(days, key=lambda d: min(abs(d.start - offset), abs(d.end - offset)))
            return EpisodeDate(str(_day(nearest)), "sentence", nearest)
    context = _context_date(article, sentence[0])
    fallback = (EpisodeDate(str(_day(context)), "article_context", context) if context is not None
                else EpisodeDate(article.published.isoformat(), "published") if article.published is not None
                else EpisodeDate(None, "unknown"))
    lo, hi = clause if clause else sentence
    coarse = [d for d in article.dates if lo <= d.start < hi and _coarse(d)] or \
        [d for d in article.dates if sentence[0] <= d.start < sentence[1] and _coarse(d)]
    if coarse:  # "pada 2008 mahasiswa berunjuk rasa": another episode, dated as the text dates it
        nearest = min(coarse, key=lambda d: (min(abs(d.start - offset), abs(d.end - offset)),
                                             _PRECISION.index(d.granularity or "year")))
        if not (fallback.value and _contains(nearest, fallback.value)):
            return EpisodeDate(_coarse(nearest), "sentence", nearest)
    return fallback


def _contains(coarse: DateValue, day: str) -> bool:
    """Whether a coarse date takes in ``day`` ("tahun 2020" and 2020-12-06: the same episode)."""
    assert coarse.value is not None
    if coarse.granularity == "week" and coarse.end_value:
        return coarse.value <= day <= coarse.end_value
    return day.startswith(coarse.value)

def _context_date(article: Article, before: int) -> DateValue | None:
    """The lead's latest day, else the last day written before ``before``, among the days within
    a week of the publication date (any day when it is unknown)."""
    published = article.published
    earlier = [(d, day) for d in article.dates if d.end <= before and (day := _day(d)) is not None
               and (published is None or abs((published - day).days) <= EPISODE_WINDOW_DAYS)]
    if not earlier:
        return None
    lead_end = article.sentences[LEAD_SENTENCES - 1][1] if len(article.sentences) >= LEAD_SENTENCES else len(article.text)
    lead = [(d, day) for d, day in earlier if d.start < lead_end]
    return max(lead, key=lambda pair: pair[1])[0] if lead else earlier[-1][0]
