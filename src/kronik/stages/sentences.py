"""The sentence stage: rule-based segmentation for Indonesian and English news.

A boundary is sentence-final punctuation (``. ! ? …``), optionally followed by closing quotes or
brackets, then whitespace, then something that can open a sentence (an upper-case letter, a digit,
an opening quote or bracket). Not a boundary: a known abbreviation ("Dr.", "H.", "Jl.", "No.",
"Tbk."; data in ``lang/<code>/abbreviations.toml``), a single-letter initial ("B. J. Habibie"), or
a quote closed before a lower-case speech cue (``"...baru." kata dia``). Paragraph breaks always end
a sentence. Offsets exclude surrounding whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from kronik.lang import Languages
from kronik.model import Article
from kronik.stages.base import StageContext

__all__ = ["SentenceSplitter", "SentenceStage"]

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_BOUNDARY = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]\.$")


class SentenceSplitter:
    """Splits text into sentence offsets; abbreviations loaded once."""

    def __init__(self, abbreviations: frozenset[str]) -> None:
        self.abbreviations = abbreviations

    @classmethod
    def load(cls, languages: Languages) -> SentenceSplitter:
        """A splitter knowing the abbreviations of every pack."""
        words: set[str] = set()
        for pack in languages.all():
            words.update(pack.words("abbreviations", "abbreviations"))
        return cls(frozenset(words))

    def _is_abbreviation(self, text: str, end: int) -> bool:
        """Whether the period ending at ``end`` belongs to an abbreviation or an initial."""
        head = text[max(0, end - 20) : end]
        if _INITIAL.search(head):
            return True
        match = _WORD_BEFORE.search(head)
        return bool(match and match.group(1).casefold().lstrip(".") in self.abbreviations)

    def split(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of every sentence, in order, whitespace trimmed."""
        for paragraph in _PARAGRAPH.finditer(text):
            start = paragraph.start()
            body = paragraph.group()
            for match in _BOUNDARY.finditer(body):
                punct = match.group()
                single_period = punct.startswith(".") and len(punct.rstrip("\"'”’»)]")) == 1
                if single_period and self._is_abbreviation(body, match.start() + 1):
                    continue
                end = paragraph.start() + match.end()
                span = _trim(text, start, end)
                if span:
                    yield span
                start = end
            span = _trim(text, start, paragraph.end())
            if span:
                yield span


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


class SentenceStage:
    """Assign ``article.sentences`` as character offsets into the text."""

    name: ClassVar[str] = "sentences"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("sentences",)

    def __init__(self, context: StageContext) -> None:
        languages = context.resources.languages
        self.splitter: SentenceSplitter = context.resources.cached("sentences", lambda: SentenceSplitter.load(languages))

    def __call__(self, article: Article) -> Article:
        article.sentences = list(self.splitter.split(article.text))
        return article
