"""Across articles: near-duplicates, event coreference, stories, related articles, timelines.

Works on analysed articles (:class:`kronik.model.Article`), never on raw text, and stores nothing
itself: :class:`Chronicle` talks to a :class:`ChronicleStore` (the SQLite store implements it).
"""

from kronik.corpus.chronicle import (
    Chronicle,
    ChronicleOptions,
    ChronicleStore,
    IngestReport,
    reportable,
)
from kronik.corpus.sketch import Sketcher
from kronik.corpus.timeline import QUADS, monthly_series

__all__ = [
    "QUADS",
    "Chronicle",
    "ChronicleOptions",
    "ChronicleStore",
    "IngestReport",
    "Sketcher",
    "monthly_series",
    "reportable",
]
