"""SQLite storage: the schema and its migrations, the one writer, and queries returning typed records.

The store knows the article contract (:mod:`kronik.model`), the chronicle's records
(:mod:`kronik.records`) and SQL; nothing of the stages, the corpus logic or the faces.
"""

from kronik.store.database import SCHEMA_VERSION, connect, migrate, needs_migration
from kronik.store.store import Store, WriteResult

__all__ = ["SCHEMA_VERSION", "Store", "WriteResult", "connect", "migrate", "needs_migration"]
