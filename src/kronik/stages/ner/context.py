"""Per-token signals for the tagger: gazetteer types, a title or a location cue just before."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kronik.kb import KnowledgeBase
from kronik.stages.base import Resources
from kronik.stages.ner.gazetteer import Gazetteer, GazetteerMatch
from kronik.stages.ner.perceptron import TokenContext
from kronik.stages.ner.rules import EntityRules

__all__ = ["ContextBuilder"]


@dataclass(slots=True)
class ContextBuilder:
    """Builds :class:`TokenContext` from the shared gazetteer and word lists."""

    kb: KnowledgeBase
    gazetteer: Gazetteer
    rules: EntityRules

    @classmethod
    def from_resources(cls, resources: Resources) -> ContextBuilder:
        gazetteer: Gazetteer = resources.cached("gazetteer", lambda: Gazetteer(resources.kb))
        rules: EntityRules = resources.cached("entity-rules", EntityRules.load)
        return cls(resources.kb, gazetteer, rules)

    def for_tokens(self, words: Sequence[str]) -> TokenContext:
        """Context for a tokenised sentence (joined with spaces to run the gazetteer)."""
        spans, position = [], 0
        for word in words:
            spans.append((position, position + len(word)))
            position += len(word) + 1
        text = " ".join(words)
        return self.for_spans(text, spans, self.gazetteer.find(text))

    def for_spans(
        self, text: str, spans: Sequence[tuple[int, int]], matches: Sequence[GazetteerMatch]
    ) -> TokenContext:
        """Context for tokens at ``spans`` of ``text`` given the text's gazetteer matches."""
        labels = [""] * len(spans)
        index = {start: i for i, (start, _) in enumerate(spans)}
        for match in matches:
            first = index.get(match.start)
            if first is None:
                continue
            entries = self.kb.candidates(match.key)
            kind = entries[0].type if entries else "X"
            i = first
            while i < len(spans) and spans[i][1] <= match.end:
                labels[i] = ("B-" if i == first else "I-") + kind
                i += 1
        words = [text[a:b].casefold().rstrip(".") for a, b in spans]
        after_title, after_cue = [], []
        for i in range(len(words)):
            after_title.append(any(
                " ".join(words[max(0, i - n) : i]) in self.rules.titles for n in (1, 2, 3) if i - n >= 0
            ))
            after_cue.append(i > 0 and words[i - 1] in self.rules.location_cues)
        return TokenContext(labels, after_title, after_cue)
