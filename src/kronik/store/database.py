"""Opening the SQLite file: WAL, foreign keys, and ordered migrations tracked in ``user_version``."""

from __future__ import annotations

import re
import sqlite3
from importlib import resources
from pathlib import Path

from kronik.errors import StoreError

__all__ = ["SCHEMA_VERSION", "connect", "migrate", "migrations", "needs_migration"]

_MIGRATION = re.compile(r"^(\d{4})_[\w-]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` of every migration shipped in ``store/migrations``, in order."""
    folder = resources.files("kronik.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = max(version for version, _, _ in migrations())


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with WAL journaling, foreign keys on and the schema migrated (unless read-only)."""
    try:
        if readonly:
            if not path.exists():
                raise StoreError(f"{path}: no such database")
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, check_same_thread=False, timeout=30.0)
            conn.execute("PRAGMA journal_mode=WAL")
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        if not readonly:
            migrate(conn, path)
        else:
            _check_version(conn, path)
        return conn
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc


def needs_migration(path: Path) -> bool:
    """Whether an existing database file has an older schema than this kronik's."""
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc
    return version < SCHEMA_VERSION


def _check_version(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        raise StoreError(
            f"{path}: schema version {version}, this kronik needs {SCHEMA_VERSION}; "
            "open it once read-write (e.g. `kronik ingest`) to migrate"
        )


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Apply every migration newer than the database's ``user_version``; returns the new version."""
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if current > SCHEMA_VERSION:
        raise StoreError(f"{path}: schema version {current} is newer than this kronik ({SCHEMA_VERSION})")
    for version, name, sql in migrations():
        if version <= current:
            continue
        try:
            conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
        except sqlite3.DatabaseError as exc:
            conn.rollback()
            raise StoreError(f"{path}: migration {name} failed: {exc}") from exc
        current = version
    return current
