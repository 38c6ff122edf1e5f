"""SQLite storage: the schema and its migrations, the one writer, queries, export.

The store knows the article contract (:mod:`kronik.model`) and nothing of the stages.
"""

from kronik.store.database import SCHEMA_VERSION, connect, migrate
from kronik.store.export import EXPORT_FORMATS, EXPORT_KINDS, export_articles
from kronik.store.filters import EventFilter, Page
from kronik.store.store import Store, WriteResult

__all__ = [
    "EXPORT_FORMATS",
    "EXPORT_KINDS",
    "SCHEMA_VERSION",
    "EventFilter",
    "Page",
    "Store",
    "WriteResult",
    "connect",
    "export_articles",
    "migrate",
]
