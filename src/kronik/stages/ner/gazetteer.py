"""Gazetteer matching: every knowledge-base alias in one Aho-Corasick automaton, built once.

Matching runs over the case-folded text; a hit counts when it sits on word boundaries and its
surface form is written like a name (capitalised words, or the exact case for short acronyms
such as "AS" or "PAN"; lowercase words only those the packs allow inside a name: ``alias_joiners``
of ``entities.toml``). Overlaps resolve to the leftmost-longest match.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import ahocorasick

from kronik.kb import KnowledgeBase
from kronik.stages.ner.rules import entity_rules

if TYPE_CHECKING:
    from kronik.stages.base import Resources

__all__ = ["Gazetteer", "GazetteerMatch", "gazetteer"]


@dataclass(slots=True, frozen=True)
class GazetteerMatch:
    """A knowledge-base alias found in the text."""

    start: int
    end: int
    key: str


class Gazetteer:
    """All aliases of a knowledge base in an automaton; ``joiners``: the lowercase words a name may
    hold ("of", "bin")."""

    def __init__(self, kb: KnowledgeBase, joiners: frozenset[str]) -> None:
        self.kb = kb
        self.joiners = joiners
        self.automaton = ahocorasick.Automaton()
        for key in kb.aliases:
            if len(key) >= 2:
                self.automaton.add_word(key, key)
        self.automaton.make_automaton()

    def find(self, text: str) -> list[GazetteerMatch]:
        """Leftmost-longest alias matches in ``text`` written like names."""
        folded = text.casefold()
        if len(folded) != len(text):  # rare characters whose case-fold changes length
            folded = "".join(c.casefold() if len(c.casefold()) == 1 else c for c in text)
        hits: list[GazetteerMatch] = []
        for end_index, key in self.automaton.iter(folded):
            end = end_index + 1
            start = end - len(key)
            if not _on_boundaries(text, start, end):
                continue
            if not self._written_like_name(text[start:end], key):
                continue
            hits.append(GazetteerMatch(start, end, key))
        return _leftmost_longest(hits)

    def _written_like_name(self, surface: str, key: str) -> bool:
        exact = self.kb.case_sensitive.get(key)
        if exact is not None and surface not in exact:
            return False
        words = surface.split()
        if not words or (not words[0][:1].isupper() and not words[0][:1].isdigit()):
            return False
        return all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in self.joiners or not w[:1].isalpha()
                   for w in words)


def gazetteer(resources: Resources) -> Gazetteer:
    """The knowledge base's names in one automaton, built once per engine."""
    found: Gazetteer = resources.cached(
        "gazetteer", lambda: Gazetteer(resources.kb, entity_rules(resources).alias_joiners))
    return found


def _on_boundaries(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "_@") and not (after.isalnum() or after in "_@")


def _leftmost_longest(hits: list[GazetteerMatch]) -> list[GazetteerMatch]:
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    chosen: list[GazetteerMatch] = []
    last_end = -1
    for hit in hits:
        if hit.start >= last_end:
            chosen.append(hit)
            last_end = hit.end
    return chosen
