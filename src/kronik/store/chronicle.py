"""Chronicle tables: the SQL behind :class:`kronik.corpus.chronicle.ChronicleStore` and its reads.

Writes here are only ever called from inside :meth:`Store.write_article`'s transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from kronik.corpus.coref import ChronicleCandidate, evidence_terms
from kronik.corpus.stories import StoryCandidate

__all__ = ["ChronicleTables"]

#: Longest span (first to last report date) a chronicle event is looked up over.
MAX_EVENT_DAYS = 31
#: Most recently active stories of each participant considered for a new event.
STORY_CANDIDATES = 50

_FULL_DATE = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _spaced(keys: Sequence[str]) -> str:
    return f" {' '.join(keys)} " if keys else ""


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class ChronicleTables:
    """Mixed into :class:`kronik.store.Store`; needs ``self.conn``."""

    conn: sqlite3.Connection

    # -- near-duplicates ------------------------------------------------------------------------
    def sketch_candidates(self, keys: Sequence[tuple[int, bytes]]) -> list[tuple[str, bytes, str | None]]:
        if not keys:
            return []
        clause = " OR ".join("(b.band = ? AND b.key = ?)" for _ in keys)
        params = [v for pair in keys for v in pair]
        rows = self.conn.execute(
            "SELECT DISTINCT s.article_id, s.signature, s.duplicate_of FROM sketch_bands b"
            f" JOIN article_sketches s ON s.article_id = b.article_id WHERE {clause} LIMIT 64",
            params,
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def save_sketch(
        self, article_id: str, signature: bytes, keys: Sequence[tuple[int, bytes]],
        duplicate_of: str | None, similarity: float | None,
    ) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO article_sketches(article_id, signature, duplicate_of, similarity)"
            " VALUES (?, ?, ?, ?)",
            (article_id, signature, duplicate_of, similarity),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO sketch_bands(band, key, article_id) VALUES (?, ?, ?)",
            [(band, key, article_id) for band, key in keys],
        )

    # -- chronicle events -----------------------------------------------------------------------
    def candidate_events(
        self, event_type: str, day_from: date | None, day_to: date | None, keys: frozenset[str],
        copy_group: str | None = None,
    ) -> list[ChronicleCandidate]:
        """Chronicle events of ``event_type`` in the date window sharing a participant key; for an
        undated mention only those reported by copies of the same text (no date: no window)."""
        if day_from is None or day_to is None:  # driven from the copies' mentions, not the type index
            rows = self.conn.execute(
                "SELECT DISTINCT c.* FROM article_sketches s"  # CROSS JOIN: SQLite keeps this order
                " CROSS JOIN chronicle_mentions m CROSS JOIN chronicle_events c"
                " WHERE (s.article_id = ? OR s.duplicate_of = ?) AND m.article_id = s.article_id"
                " AND c.id = m.chronicle_id AND c.type = ? AND c.date IS NULL LIMIT 200",
                (copy_group or "", copy_group or "", event_type),
            ).fetchall()
            return self._candidates(rows)
        else:
            # a bounded range on the (type, date) index: events last at most MAX_EVENT_DAYS
            where = "c.date BETWEEN ? AND ? AND COALESCE(c.date_last, c.date) >= ?"
            earliest = day_from - timedelta(days=MAX_EVENT_DAYS)
            params = [event_type, earliest.isoformat(), day_to.isoformat(), day_from.isoformat()]
        if keys:  # checked per row found by the (type, date) index, never a scan of a country's events
            marks = ", ".join("?" for _ in keys)
            where += (f" AND EXISTS (SELECT 1 FROM chronicle_participants p WHERE p.key IN ({marks})"
                      " AND p.event_id = c.id)")
            params += sorted(keys)
        rows = self.conn.execute(
            f"SELECT c.* FROM chronicle_events c WHERE c.type = ? AND {where} LIMIT 200", params
        ).fetchall()
        return self._candidates(rows)

    def _candidates(self, rows: list[sqlite3.Row]) -> list[ChronicleCandidate]:
        """Candidate records with the articles and copy groups that report them."""
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks = ", ".join("?" for _ in ids)
        groups: dict[str, set[str]] = {i: set() for i in ids}
        articles: dict[str, set[str]] = {i: set() for i in ids}
        for m in self.conn.execute(
            "SELECT m.chronicle_id, m.article_id, COALESCE(s.duplicate_of, m.article_id) AS copy_group"
            f" FROM chronicle_mentions m LEFT JOIN article_sketches s ON s.article_id = m.article_id"
            f" WHERE m.chronicle_id IN ({marks})",
            ids,
        ):
            groups[m[0]].add(m[2])
            articles[m[0]].add(m[1])
        return [
            ChronicleCandidate(
                r["id"], r["type"], r["mode"], _day(r["date"]), _day(r["date_last"]),
                frozenset(r["participants"].split()), evidence_terms(r["evidence"]),
                frozenset(groups[r["id"]]), frozenset(articles[r["id"]]),
            )
            for r in rows
        ]

    def create_chronicle_event(self, record: dict[str, Any]) -> None:
        participants = sorted({*record["actor_keys"], *record["recipient_keys"]})
        self.conn.execute(
            "INSERT INTO chronicle_events(id, type, mode, date, date_last, location, actors, recipients,"
            " participants, quad, intensity, cameo, evidence, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record["id"], record["type"], record["mode"], record["date"], record["date"],
                record["location"], json.dumps(record["actors"], ensure_ascii=False),
                json.dumps(record["recipients"], ensure_ascii=False), _spaced(participants),
                record["quad"], record["intensity"], record["cameo"], record["evidence"], _now(),
            ),
        )
        rows = [(k, record["id"], "actor") for k in record["actor_keys"]]
        rows += [(k, record["id"], "recipient") for k in record["recipient_keys"]]
        for role in ("actor", "recipient"):  # KB actors too, for timelines of people or organisations
            rows += [(a["entity"], record["id"], role) for a in record[f"{role}s"] if a.get("entity")]
        self.conn.executemany(
            "INSERT OR IGNORE INTO chronicle_participants(key, event_id, role) VALUES (?, ?, ?)", rows
        )

    def add_mention(self, chronicle_id: str, article_id: str, event_id: str, score: float) -> None:
        """Link an article event to a chronicle event and refresh its counts and dates."""
        self.conn.execute(
            "INSERT OR REPLACE INTO chronicle_mentions(chronicle_id, article_id, event_id, score)"
            " VALUES (?, ?, ?, ?)",
            (chronicle_id, article_id, event_id, score),
        )
        self.conn.execute(
            f"""
            UPDATE chronicle_events SET
              num_mentions = (SELECT COUNT(*) FROM chronicle_mentions WHERE chronicle_id = :id),
              num_articles = (SELECT COUNT(DISTINCT COALESCE(s.duplicate_of, m.article_id))
                              FROM chronicle_mentions m
                              LEFT JOIN article_sketches s ON s.article_id = m.article_id
                              WHERE m.chronicle_id = :id),
              num_sources = (SELECT COUNT(DISTINCT CASE WHEN a.outlet <> '' THEN a.outlet
                                                        ELSE 'article:' || a.article_id END)
                             FROM chronicle_mentions m JOIN article_sources a ON a.article_id = m.article_id
                             WHERE m.chronicle_id = :id),
              first_report = (SELECT MIN(a.published) FROM chronicle_mentions m
                              JOIN articles a ON a.id = m.article_id WHERE m.chronicle_id = :id),
              last_report = (SELECT MAX(a.published) FROM chronicle_mentions m
                             JOIN articles a ON a.id = m.article_id WHERE m.chronicle_id = :id),
              date = COALESCE((SELECT MIN(e.date) FROM chronicle_mentions m JOIN events e
                               ON e.article_id = m.article_id AND e.id = m.event_id
                               WHERE m.chronicle_id = :id AND e.date GLOB '{_FULL_DATE}'), date),
              date_last = COALESCE((SELECT MAX(e.date) FROM chronicle_mentions m JOIN events e
                                    ON e.article_id = m.article_id AND e.id = m.event_id
                                    WHERE m.chronicle_id = :id AND e.date GLOB '{_FULL_DATE}'), date_last)
            WHERE id = :id
            """,
            {"id": chronicle_id},
        )

    # -- stories --------------------------------------------------------------------------------
    def candidate_stories(self, keys: frozenset[str]) -> list[StoryCandidate]:
        if not keys:
            return []
        ids: set[str] = set()
        for key in sorted(keys):  # the most recently active stories of each participant
            ids.update(r[0] for r in self.conn.execute(
                "SELECT story_id FROM story_participants WHERE key = ? ORDER BY last_date DESC LIMIT ?",
                (key, STORY_CANDIDATES),
            ))
        marks = ", ".join("?" for _ in ids)
        rows = self.conn.execute(
            f"SELECT id, participants, last_date, terms FROM stories WHERE id IN ({marks})", sorted(ids)
        ).fetchall()
        return [
            StoryCandidate(r[0], frozenset(r[1].split()), _day(r[2]), json.loads(r[3])) for r in rows
        ]

    def create_story(self, record: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO stories(id, title, participants, terms, created_at) VALUES (?, ?, ?, ?, ?)",
            (record["id"], record["title"], _spaced(record["participants"]),
             json.dumps(record["terms"], ensure_ascii=False), _now()),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO story_participants(key, story_id) VALUES (?, ?)",
            [(k, record["id"]) for k in record["participants"]],
        )

    def attach_story(self, story_id: str, chronicle_id: str, terms: dict[str, float]) -> None:
        """Put a chronicle event in a story; the story's counts and dates grow incrementally."""
        self.conn.execute("UPDATE chronicle_events SET story_id = ? WHERE id = ?", (story_id, chronicle_id))
        day = self.conn.execute(
            "SELECT date, COALESCE(date_last, date) FROM chronicle_events WHERE id = ?", (chronicle_id,)
        ).fetchone()
        first, last = (day[0], day[1]) if day else (None, None)
        self.conn.execute(
            """
            UPDATE stories SET
              terms = :terms,
              num_events = num_events + 1,
              first_date = CASE WHEN :first IS NULL THEN first_date
                                WHEN first_date IS NULL OR :first < first_date THEN :first ELSE first_date END,
              last_date = CASE WHEN :last IS NULL THEN last_date
                               WHEN last_date IS NULL OR :last > last_date THEN :last ELSE last_date END
            WHERE id = :id
            """,
            {"id": story_id, "terms": json.dumps(terms, ensure_ascii=False), "first": first, "last": last},
        )
        self.conn.execute(
            "UPDATE story_participants SET last_date = (SELECT last_date FROM stories WHERE id = :id)"
            " WHERE story_id = :id",
            {"id": story_id},
        )
