"""Cross-article event coreference: does a new event mention report a happening already known?

A mention is compared only with the chronicle events a store returns for its *block*: the same
PLOVER type, a date inside the window and at least one shared participant (country, KB actor or
name). Within the block the score weighs shared participants, date distance, the words of the
evidence and the mode; the best candidate above the threshold wins. Two events that one article
keeps apart (the event stage already merged what it could) never merge into one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from kronik.corpus.parties import name_key
from kronik.model import Actor
from kronik.records import EventCandidateRow

__all__ = [
    "ChronicleCandidate",
    "CorefWeights",
    "EventMention",
    "best_match",
    "candidate_of",
    "evidence_terms",
    "keys_of",
    "participant_key",
    "score_mention",
]

_TERM = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


def participant_key(actor: Actor) -> str | None:
    """The key an actor is counted under: its country, else its KB entity, else its name."""
    if actor.country:
        return actor.country
    if actor.entity:
        return actor.entity
    key = name_key(actor.name or "")
    return key if key != "name:" else None


def keys_of(actors: Iterable[Actor]) -> frozenset[str]:
    """The participant keys of some actors."""
    return frozenset(k for k in (participant_key(a) for a in actors) if k)


def evidence_terms(text: str) -> frozenset[str]:
    """Content words (four letters or more, case-folded) of an evidence sentence."""
    return frozenset(w.casefold() for w in _TERM.findall(text))


@dataclass(slots=True)
class EventMention:
    """One article's event as the chronicle sees it."""

    article_id: str
    event_id: str
    type: str
    mode: str | None
    day: date | None
    actors: frozenset[str]
    recipients: frozenset[str]
    terms: frozenset[str]
    copy_group: str  # the first article of this text's near-duplicate group

    @property
    def participants(self) -> frozenset[str]:
        return self.actors | self.recipients


@dataclass(slots=True)
class ChronicleCandidate:
    """A chronicle event returned by the store's blocking query."""

    id: str
    type: str
    mode: str | None
    day: date | None
    day_last: date | None
    participants: frozenset[str]
    terms: frozenset[str]
    copy_groups: frozenset[str] = field(default_factory=frozenset)
    articles: frozenset[str] = field(default_factory=frozenset)


def candidate_of(row: EventCandidateRow) -> ChronicleCandidate:
    """A stored chronicle event as the scorer compares it."""
    return ChronicleCandidate(row.id, row.type, row.mode, row.date, row.date_last, row.participants,
                              evidence_terms(row.evidence), row.copy_groups, row.articles)


@dataclass(slots=True, frozen=True)
class CorefWeights:
    """Weights and threshold of :func:`score_mention` (kept together so they are tuned together)."""

    participants: float = 0.45
    date: float = 0.30
    evidence: float = 0.25
    mode_mismatch: float = 0.20
    same_copy: float = 0.50
    threshold: float = 0.55


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def score_mention(
    mention: EventMention, candidate: ChronicleCandidate, window_days: int, weights: CorefWeights = CorefWeights()
) -> float | None:
    """How likely ``mention`` reports ``candidate`` (``None``: incompatible, never merge)."""
    if mention.type != candidate.type or mention.article_id in candidate.articles:
        return None
    if mention.participants and candidate.participants and not mention.participants & candidate.participants:
        return None
    if mention.day and candidate.day:
        last = candidate.day_last or candidate.day
        gap = max((candidate.day - mention.day).days, (mention.day - last).days, 0)
        if gap > window_days:
            return None
        closeness = 1.0 - gap / (window_days + 1)
    else:
        closeness = 0.5
    score = (
        weights.participants * _jaccard(mention.participants, candidate.participants)
        + weights.date * closeness
        + weights.evidence * _jaccard(mention.terms, candidate.terms)
    )
    if mention.mode and candidate.mode and mention.mode != candidate.mode:
        score -= weights.mode_mismatch
    if mention.copy_group in candidate.copy_groups:
        score += weights.same_copy
    return score


def best_match(
    mention: EventMention,
    candidates: Sequence[ChronicleCandidate],
    window_days: int,
    taken: set[str],
    weights: CorefWeights = CorefWeights(),
) -> tuple[ChronicleCandidate, float] | None:
    """The best candidate above the threshold that this article has not already used."""
    best: tuple[ChronicleCandidate, float] | None = None
    for candidate in candidates:
        if candidate.id in taken:
            continue
        score = score_mention(mention, candidate, window_days, weights)
        if score is not None and score >= weights.threshold and (best is None or score > best[1]):
            best = (candidate, score)
    return best
