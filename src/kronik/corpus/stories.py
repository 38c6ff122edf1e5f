"""Stories: chronicle events about the same parties and the same subject, followed over time.

A new chronicle event joins the story that shares a specific party with it and speaks of the
same subject; otherwise it opens a new story. The rules, each a guard against a story a reader
would not accept:

* **parties at their grain** — an event's parties are its people, institutions and names
  (:mod:`kronik.corpus.parties`); a common noun ("polisi") is none, so an event without a named
  party starts no story;
* **never on a country alone** — a story is joined on a shared person, institution or name, or on
  two shared countries, as parties or as the countries of parties (a relation: "Xi Jinping" and
  "Russia" join "China – Russia"); one shared country is no link;
* **same subject** — the cosine of the event's IDF-weighted terms and the story's vocabulary must
  reach ``StoryWeights.subject`` (``relation_subject`` when two named parties are shared: the same
  pair of people or institutions meeting again is a strong tie);
* **bounded breadth** — a story keeps at most ``max_parties`` parties and ``max_terms`` terms (the
  heaviest): an event must speak of that narrow subject to join, so no story can become a
  catch-all of everything its parties ever did.

Stories are never recomputed, so their ids stay stable as articles arrive; a story's title (its
main parties and subject words) follows it as it grows.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from kronik.corpus.parties import is_country_key
from kronik.records import PartyRecord, StoryCandidate

__all__ = ["StoryCandidate", "StoryEvent", "StoryWeights", "anchored", "best_story", "grow", "merge_terms",
           "story_title"]


@dataclass(slots=True, frozen=True)
class StoryWeights:
    """Thresholds and bounds of story decisions (kept together so they are tuned together)."""

    parties: float = 0.4
    terms: float = 0.6
    subject: float = 0.3  # least cosine of an event's terms and a story's vocabulary
    relation_subject: float = 0.15  # the same, when two named (not country) parties are shared
    max_parties: int = 12
    max_terms: int = 60
    title_parties: int = 2
    title_words: int = 3


@dataclass(slots=True)
class StoryEvent:
    """A new chronicle event as story decisions see it: its parties, subject terms and day."""

    parties: dict[str, PartyRecord]
    terms: dict[str, float]
    day: date | None

    @property
    def countries(self) -> frozenset[str]:
        """The countries it involves: countries acting as themselves and the countries of parties."""
        return frozenset(p.country for p in self.parties.values() if p.country)


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def anchored(shared: set[str] | frozenset[str], shared_countries: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether shared parties may tie an event to a story: a person, institution or name, or two
    parties, or two countries (a relation); never one country alone."""
    return any(not is_country_key(key) for key in shared) or len(shared) >= 2 or len(shared_countries) >= 2


def _story_countries(story: StoryCandidate) -> frozenset[str]:
    return story.countries | {key for key in story.participants if is_country_key(key)}


def best_story(
    event: StoryEvent, candidates: Sequence[StoryCandidate], gap_days: int, weights: StoryWeights = StoryWeights()
) -> tuple[StoryCandidate, float] | None:
    """The story ``event`` belongs to (with its score), if any."""
    best: tuple[StoryCandidate, float] | None = None
    for story in candidates:
        if event.day and story.last_date and abs((event.day - story.last_date).days) > gap_days:
            continue
        shared = story.participants & event.parties.keys()
        if not anchored(shared, _story_countries(story) & event.countries):
            continue
        similarity = _cosine(event.terms, story.terms)
        named = sum(not is_country_key(key) for key in shared)
        if similarity < (weights.relation_subject if named >= 2 else weights.subject):
            continue
        score = weights.parties * len(shared) / len(event.parties) + weights.terms * similarity
        if best is None or score > best[1]:
            best = (story, score)
    return best


def merge_terms(story_terms: Mapping[str, float], new_terms: Mapping[str, float], limit: int) -> dict[str, float]:
    """Add an event's terms to a story's, keeping the ``limit`` heaviest."""
    merged: Counter[str] = Counter(story_terms)
    merged.update(new_terms)
    return {t: round(w, 3) for t, w in merged.most_common(limit)}


def grow(parties: Mapping[str, int], new: Sequence[str], limit: int) -> dict[str, int]:
    """A story's parties (events of each) with one more event's: the ``limit`` most frequent."""
    counts = dict(parties)
    for key in new:
        counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0] not in parties, item[0]))
    return dict(ranked[:limit])


def _name_words(names: Iterable[str]) -> set[str]:
    """The words of some names and their initials ("Komisi Pemberantasan Korupsi" → "kpk")."""
    found: set[str] = set()
    for name in names:
        words = name.casefold().split()
        found.update(words)
        if len(words) > 1:
            found.add("".join(w[0] for w in words if w[:1].isalpha()))
    return found


def _subject_words(terms: Mapping[str, float], names: Iterable[str], count: int) -> list[str]:
    named = _name_words(names)
    words = [t for t, _ in sorted(terms.items(), key=lambda item: (-item[1], item[0]))
             if not t.startswith("@") and t not in named]
    return words[:count]


def story_title(
    parties: Mapping[str, int], names: Mapping[str, str], terms: Mapping[str, float],
    weights: StoryWeights = StoryWeights(),
) -> str:
    """``"Komisi Pemberantasan Korupsi, Setya Novanto: korupsi, e-ktp, sidang"``: the story's main
    parties (people, institutions and names before countries, most events first) and the
    heaviest words of its vocabulary."""
    ranked = sorted(parties, key=lambda k: (-parties[k], k.startswith("name:"), k))  # KB parties first on a tie
    specific = [k for k in ranked if not is_country_key(k)] or ranked  # a country only when no other
    named = [names.get(k, k.removeprefix("name:").title()) for k in specific[: weights.title_parties]]
    words = _subject_words(terms, [*named, *names.values()], weights.title_words)
    head = ", ".join(named) if named else "(no parties)"
    return f"{head}: {', '.join(words)}" if words else head
