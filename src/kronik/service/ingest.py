"""What ingesting did: per article (``POST /api/articles``) and for a batch (``kronik ingest``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kronik.engine import Failure

__all__ = ["IngestSummary", "Ingested"]


@dataclass(slots=True)
class Ingested:
    """One analysed article written to the store and linked into the chronicle."""

    id: str
    new: bool
    sources: int
    duplicate_of: str | None = None
    new_events: int = 0
    merged_events: int = 0


@dataclass(slots=True)
class IngestSummary:
    """A batch: how many articles were read, stored new, found stored already, near-duplicates,
    events merged with earlier reports; every failure with its reason; the store's size after."""

    read: int = 0
    new: int = 0
    already_stored: int = 0
    near_duplicates: int = 0
    merged_events: int = 0
    failures: list[Failure] = field(default_factory=list)
    stored: int = 0

    def count(self, item: Ingested) -> None:
        self.new += item.new
        self.already_stored += not item.new
        self.near_duplicates += item.duplicate_of is not None
        self.merged_events += item.merged_events
