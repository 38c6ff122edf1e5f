"""Stories: chronicle events between the same participants, followed over time.

A new chronicle event joins a story whose parties include all of its own — the same parties,
or some of them when it shares the story's vocabulary (the KB entities and evidence words of
its reports) — provided the story was active within ``gap_days``; otherwise it opens a new
story. Unresolved names ("name:…") are no parties: an event without a resolved party starts no
story. Stories are never recomputed, so their ids stay
stable as articles arrive.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from kronik.records import StoryCandidate

__all__ = ["StoryCandidate", "StoryWeights", "best_story", "merge_terms", "story_title"]

MAX_STORY_TERMS = 60


@dataclass(slots=True, frozen=True)
class StoryWeights:
    participants: float = 0.65
    terms: float = 0.35
    threshold: float = 0.5
    subset_terms: float = 0.3  # vocabulary an event of only some of the parties must share


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
        if not participants <= story.participants:
            continue  # a story is about its parties: a new party (China joining Russia) opens another
        similarity = _cosine(terms, story.terms)
        if participants != story.participants and similarity < weights.subset_terms:
            continue  # one side of a relation joins its story only on the same subject
        overlap = len(participants) / len(story.participants)
        score = weights.participants * overlap + weights.terms * similarity
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
