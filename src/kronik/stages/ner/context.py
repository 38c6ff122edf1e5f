"""The gazetteer's view of tokens: B-/I- and the KB type of the alias a token lies in."""

from __future__ import annotations

from collections.abc import Sequence

from kronik.kb import KnowledgeBase
from kronik.stages.ner.gazetteer import GazetteerMatch

__all__ = ["gazetteer_tags"]


def gazetteer_tags(
    kb: KnowledgeBase, spans: Sequence[tuple[int, int]], matches: Sequence[GazetteerMatch]
) -> list[str]:
    """"B-PERSON", "I-GPE", "" … for the tokens at ``spans`` given the text's gazetteer matches."""
    labels = [""] * len(spans)
    if not matches or not spans:
        return labels
    index = {start: i for i, (start, _) in enumerate(spans)}
    for match in matches:
        first = index.get(match.start)
        if first is None:
            continue
        entries = kb.candidates(match.key)
        kind = entries[0].type if entries else "X"
        i = first
        while i < len(spans) and spans[i][1] <= match.end:
            labels[i] = ("B-" if i == first else "I-") + kind
            i += 1
    return labels
