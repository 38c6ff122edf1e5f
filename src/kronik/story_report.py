"""``kronik eval stories``: what the chronicle's stories look like on a fixed sample of a corpus.

A seeded random sample of a corpus (1,000 IndoSum articles by default) is analysed and ingested
into a fresh database through the service, and the report gives what a reader would see: how
many stories, the share made of one event, the largest story (and its share of all chronicle
events), a seeded random handful of stories and another of stories with more than one event, each
with its title, parties, terms and events, so story quality is read and tracked rather than
guessed.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kronik.config import Settings
from kronik.errors import KronikError
from kronik.ingest import read_inputs
from kronik.model import Article, RawArticle
from kronik.records import ChronicleEvent, EventQuery, Story, StoryQuery
from kronik.service import Kronik

__all__ = ["SAMPLE_SIZE", "StorySample", "report_stories", "sample_articles", "story_report"]

#: Articles in the sample unless told otherwise.
SAMPLE_SIZE = 1000
_PAGE = 500
_EVIDENCE_CHARS = 160


@dataclass(slots=True, frozen=True)
class StorySample:
    """Which articles are read (``size`` drawn with ``seed``) and how many stories are shown."""

    size: int = SAMPLE_SIZE
    seed: int = 13
    shown: int = 10


def sample_articles(corpus: Path, sample: StorySample) -> list[RawArticle]:
    """``sample.size`` articles of ``corpus`` drawn with ``sample.seed`` (in corpus order)."""
    items = [item for item in read_inputs([corpus]) if isinstance(item, RawArticle)]
    if not items:
        raise KronikError(f"{corpus}: no readable articles")
    chosen = sorted(random.Random(sample.seed).sample(range(len(items)), min(sample.size, len(items))))
    return [items[i] for i in chosen]


def report_stories(corpus: Path, sample: StorySample, settings: Settings | None = None) -> dict[str, Any]:
    """Analyse the sample of ``corpus``, ingest it into a temporary database and report its stories."""
    raws = sample_articles(corpus, sample)
    with (tempfile.TemporaryDirectory(prefix="kronik-stories-") as tmp,
          Kronik(settings or Settings(progress=False), db_path=Path(tmp) / "stories.db") as kronik):
        articles = [r.article for r in kronik.analyze(raws) if r.article is not None]
        result = story_report(kronik, articles, sample)
    result["corpus"] = str(corpus)
    result["sampled"] = len(raws)
    return result


def _all_stories(kronik: Kronik) -> list[Story]:
    stories: list[Story] = []
    while True:
        page = kronik.stories(StoryQuery(limit=_PAGE, offset=len(stories)))
        stories.extend(page.items)
        if not page.items or len(stories) >= page.total:
            return sorted(stories, key=lambda s: s.id)


def story_report(kronik: Kronik, articles: Iterable[Article], sample: StorySample) -> dict[str, Any]:
    """Ingest ``articles`` into ``kronik``'s (empty) database and describe its stories."""
    summary = kronik.ingest_articles(articles)
    stories = _all_stories(kronik)
    events = kronik.events(EventQuery(limit=1)).total
    largest = max(stories, key=lambda s: (s.num_events, s.id), default=None)
    shown = random.Random(sample.seed).sample(stories, min(sample.shown, len(stories)))
    longer = [s for s in stories if s.num_events > 1]
    shown_longer = random.Random(sample.seed).sample(longer, min(sample.shown, len(longer)))
    return {
        "articles": summary.stored,
        "chronicle_events": events,
        "stories": len(stories),
        "story_events": sum(s.num_events for s in stories),
        "single_event_share": round(sum(s.num_events == 1 for s in stories) / len(stories), 4) if stories else 0.0,
        "largest_story": _story_line(largest, events) if largest else None,
        "sample_seed": sample.seed,
        "sample": [_story_view(kronik, s) for s in shown],
        "multi_event_sample": [_story_view(kronik, s) for s in shown_longer],
    }


def _story_line(story: Story, events: int) -> dict[str, Any]:
    """A story's size and its share of all chronicle events."""
    return {"id": story.id, "title": story.title, "events": story.num_events,
            "share": round(story.num_events / events, 4) if events else 0.0,
            "first_date": _iso(story.first_date), "last_date": _iso(story.last_date)}


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _story_view(kronik: Kronik, story: Story) -> dict[str, Any]:
    detail = kronik.story(story.id)
    return {
        "id": story.id, "title": story.title, "participants": story.participants,
        "terms": story.terms[:12], "events": [_event_line(e) for e in detail.events],
        "articles": [a.title or a.id for a in detail.articles],
    }


def _event_line(event: ChronicleEvent) -> str:
    def side(actors: list[Any]) -> str:
        return " + ".join(dict.fromkeys(a.name for a in actors)) or "-"

    evidence = " ".join(event.evidence.split())[:_EVIDENCE_CHARS]
    return f"{_iso(event.date) or '?'} {event.type} {side(event.actors)} → {side(event.recipients)}: {evidence}"
