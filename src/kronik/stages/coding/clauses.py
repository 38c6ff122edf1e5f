"""Shared pieces of clause reading: clause bounds, the word before a position, an event's date."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from kronik.model import Article
from kronik.stages.coding.lexicon import TriggerLexicon

__all__ = ["SentenceContext", "clauses", "event_date", "word_before"]

_WORD = re.compile(r"[\w-]+")


@dataclass(slots=True, frozen=True)
class SentenceContext:
    """Where a trigger stands: its article, sentence and clause (character spans)."""

    article: Article
    sentence: tuple[int, int]
    clause: tuple[int, int]


def clauses(text: str, sentence: tuple[int, int], lexicon: TriggerLexicon) -> list[tuple[int, int]]:
    """The clauses of a sentence, split at the language's clause breaks."""
    bounds = [sentence[0]]
    for m in lexicon.clause_break.finditer(text, sentence[0], sentence[1]):
        bounds.append(m.start() + 1)
    bounds.append(sentence[1])
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def word_before(text: str, position: int, *, skip: frozenset[str] = frozenset()) -> str:
    """The word before a position, looking past words of ``skip`` (English articles: "from the
    United States")."""
    words = [w.casefold() for w in _WORD.findall(text[max(0, position - 30) : position])]
    while words and words[-1] in skip:
        words.pop()
    return words[-1] if words else ""


def event_date(article: Article, clause: tuple[int, int], sentence: tuple[int, int]) -> tuple[str | None, bool]:
    """The date of an event told in ``clause``: its own day-precise date expression, else the
    sentence's, else the publication date; and whether the text dated it."""
    for lo, hi in (clause, sentence):
        for d in article.dates:
            if lo <= d.start < hi and d.value and d.granularity in ("day", "time") and not d.value.startswith("X"):
                return d.value[:10], True
    return (article.published.isoformat() if article.published else None), False
