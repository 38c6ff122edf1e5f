"""Stories: chronicle events between the same participants, followed over time.

A new chronicle event joins the story that shares most of its participants and its vocabulary
(the KB entities and evidence words of its reports), provided the story was active within
``gap_days``; otherwise it opens a new story. Stories are never recomputed, so their ids stay
stable as articles arrive.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

__all__ = ["StoryCandidate", "StoryWeights", "best_story", "merge_terms", "story_title"]

MAX_STORY_TERMS = 60


@dataclass(slots=True)
class StoryCandidate:
    """A story returned by the store's blocking query (shares a participant)."""

    id: str
    participants: frozenset[str]
    last_date: date | None
    terms: dict[str, float]


@dataclass(slots=True, frozen=True)
class StoryWeights:
    participants: float = 0.65
    terms: float = 0.35
    threshold: float = 0.5


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def best_story(
    participants: frozenset[str],
    terms: Mapping[str, float],
    day: date | None,
    candidates: Sequence[StoryCandidate],
    gap_days: int,
    weights: StoryWeights = StoryWeights(),
) -> tuple[StoryCandidate, float] | None:
    """The story a new event with these participants and terms belongs to, if any."""
    best: tuple[StoryCandidate, float] | None = None
    for story in candidates:
        if day and story.last_date and abs((day - story.last_date).days) > gap_days:
            continue
        union = participants | story.participants
        overlap = len(participants & story.participants) / len(union) if union else 0.0
        score = weights.participants * overlap + weights.terms * _cosine(terms, story.terms)
        if score >= weights.threshold and (best is None or score > best[1]):
            best = (story, score)
    return best


def merge_terms(story_terms: Mapping[str, float], new_terms: Mapping[str, float]) -> dict[str, float]:
    """Add an event's terms to a story's, keeping the ``MAX_STORY_TERMS`` heaviest."""
    merged: Counter[str] = Counter(story_terms)
    merged.update(new_terms)
    return {t: round(w, 3) for t, w in merged.most_common(MAX_STORY_TERMS)}


def story_title(participants: Iterable[str], names: Mapping[str, str]) -> str:
    """``"China – Russia"``: the participants' names in a stable order."""
    labels = sorted(names.get(key, key.removeprefix("name:").title()) for key in participants)
    return " – ".join(labels) if labels else "(no participants)"
