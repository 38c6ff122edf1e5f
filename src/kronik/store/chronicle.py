"""Chronicle tables: the SQL behind :class:`kronik.corpus.ChronicleStore`.

Writes here are only ever called from inside :meth:`Store.write_article`'s transaction; what to
look up and what to write is decided by :mod:`kronik.corpus`, in the records of
:mod:`kronik.records.chronicle`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from kronik.records import (
    EventCandidateQuery,
    EventCandidateRow,
    NewChronicleEvent,
    NewStory,
    SketchCandidate,
    StoryCandidate,
    StoryLink,
)
from kronik.store.convert import actors_json, day

__all__ = ["ChronicleTables"]

_SQL_CHUNK = 500  # bound parameters per IN (...)
_FULL_DATE = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _spaced(keys: Sequence[str]) -> str:
    return f" {' '.join(keys)} " if keys else ""


class ChronicleTables:
    """Mixed into :class:`kronik.store.Store`; needs ``self.conn``."""

    conn: sqlite3.Connection

    # -- near-duplicates ------------------------------------------------------------------------
    def sketch_candidates(self, keys: Sequence[tuple[int, bytes]]) -> list[SketchCandidate]:
        if not keys:
            return []
        clause = " OR ".join("(b.band = ? AND b.key = ?)" for _ in keys)
        params = [v for pair in keys for v in pair]
        rows = self.conn.execute(
            "SELECT DISTINCT s.article_id, s.signature, s.duplicate_of FROM sketch_bands b"
            f" JOIN article_sketches s ON s.article_id = b.article_id WHERE {clause} LIMIT 64",
            params,
        ).fetchall()
        return [SketchCandidate(r[0], r[1], r[2]) for r in rows]

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
    def candidate_events(self, query: EventCandidateQuery) -> list[EventCandidateRow]:
        """Chronicle events of the query's block (see :class:`EventCandidateQuery`)."""
        if query.starts_from is None or query.starts_to is None or query.ends_from is None:
            rows = self.conn.execute(  # driven from the copies' mentions, not the type index
                "SELECT DISTINCT c.* FROM article_sketches s"  # CROSS JOIN: SQLite keeps this order
                " CROSS JOIN chronicle_mentions m CROSS JOIN chronicle_events c"
                " WHERE (s.article_id = ? OR s.duplicate_of = ?) AND m.article_id = s.article_id"
                f" AND c.id = m.chronicle_id AND c.type = ? AND c.date IS NULL LIMIT {int(query.limit)}",
                (query.copy_group, query.copy_group, query.type),
            ).fetchall()
            return self._candidates(rows)
        # a bounded range on the (type, date) index
        where = "c.date BETWEEN ? AND ? AND COALESCE(c.date_last, c.date) >= ?"
        params = [query.type, query.starts_from.isoformat(), query.starts_to.isoformat(), query.ends_from.isoformat()]
        if query.keys:  # checked per row found by the (type, date) index, never a scan of a country's events
            marks = ", ".join("?" for _ in query.keys)
            where += (f" AND EXISTS (SELECT 1 FROM chronicle_participants p WHERE p.key IN ({marks})"
                      " AND p.event_id = c.id)")
            params += sorted(query.keys)
        rows = self.conn.execute(
            f"SELECT c.* FROM chronicle_events c WHERE c.type = ? AND {where} LIMIT {int(query.limit)}", params
        ).fetchall()
        return self._candidates(rows)

    def _candidates(self, rows: list[sqlite3.Row]) -> list[EventCandidateRow]:
        """Candidate rows with the articles and copy groups that report them."""
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
            EventCandidateRow(
                r["id"], r["type"], r["mode"], day(r["date"]), day(r["date_last"]),
                frozenset(r["participants"].split()), r["evidence"],
                frozenset(groups[r["id"]]), frozenset(articles[r["id"]]),
            )
            for r in rows
        ]

    def create_chronicle_event(self, event: NewChronicleEvent) -> None:
        participants = sorted({*event.actor_keys, *event.recipient_keys})
        day_text = event.date.isoformat() if event.date else None
        self.conn.execute(
            "INSERT INTO chronicle_events(id, type, mode, date, date_last, location, actors, recipients,"
            " participants, quad, intensity, cameo, evidence, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.id, event.type, event.mode, day_text, day_text, event.location,
                actors_json(event.actors), actors_json(event.recipients), _spaced(participants),
                event.quad, event.intensity, event.cameo, event.evidence, _now(),
            ),
        )
        rows = [(k, event.id, "actor") for k in event.actor_keys]
        rows += [(k, event.id, "recipient") for k in event.recipient_keys]
        for role, parties in (("actor", event.actor_parties), ("recipient", event.recipient_parties)):
            rows += [(p.key, event.id, role) for p in parties]  # people, institutions, names
            rows += [(p.country, event.id, role) for p in parties if p.country]  # and their countries
        self.conn.executemany(
            "INSERT OR IGNORE INTO chronicle_participants(key, event_id, role) VALUES (?, ?, ?)", rows
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO parties(key, name, grain, country, sector) VALUES (?, ?, ?, ?, ?)",
            [(p.key, p.name, p.grain, p.country, p.sector) for p in (*event.actor_parties, *event.recipient_parties)],
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
    def candidate_stories(self, keys: frozenset[str], per_key: int, countries: frozenset[str] = frozenset()
                          ) -> list[StoryCandidate]:
        """The ``per_key`` most recently active stories of each party key and of each country
        (as a party or as the country of one)."""
        ids: set[str] = set()
        for key, grain in [(k, "party") for k in sorted(keys)] + [(c, None) for c in sorted(countries)]:
            ids.update(r[0] for r in self.conn.execute(
                "SELECT story_id FROM story_participants WHERE key = ? AND (? IS NULL OR grain = ?)"
                " ORDER BY last_date DESC LIMIT ?",
                (key, grain, grain, per_key),
            ))
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        found: dict[str, set[str]] = {i: set() for i in ids}
        for story_id, key in self.conn.execute(
            f"SELECT story_id, key FROM story_participants WHERE story_id IN ({marks}) AND grain = 'country'", sorted(ids)
        ):
            found[story_id].add(key)
        rows = self.conn.execute(
            f"SELECT id, participants, last_date, terms, parties, num_events FROM stories WHERE id IN ({marks})",
            sorted(ids),
        ).fetchall()
        return [StoryCandidate(r[0], frozenset(r[1].split()), day(r[2]), json.loads(r[3]), json.loads(r[4]), r[5],
                               frozenset(found[r[0]])) for r in rows]

    def create_story(self, story: NewStory) -> None:
        """A new story's row; its events, parties and keys come with :meth:`attach_story`."""
        self.conn.execute(
            "INSERT INTO stories(id, title, participants, terms, created_at) VALUES (?, ?, ?, ?, ?)",
            (story.id, story.title, _spaced(story.participants), json.dumps(story.terms, ensure_ascii=False), _now()),
        )

    def attach_story(self, link: StoryLink) -> None:
        """Put a chronicle event in a story; the story's counts and dates grow incrementally."""
        self.conn.execute("UPDATE chronicle_events SET story_id = ? WHERE id = ?", (link.story_id, link.chronicle_id))
        day = self.conn.execute(
            "SELECT date, COALESCE(date_last, date) FROM chronicle_events WHERE id = ?", (link.chronicle_id,)
        ).fetchone()
        first, last = (day[0], day[1]) if day else (None, None)
        self.conn.execute(
            """
            UPDATE stories SET
              title = :title,
              participants = :participants,
              parties = :parties,
              terms = :terms,
              num_events = num_events + 1,
              first_date = CASE WHEN :first IS NULL THEN first_date
                                WHEN first_date IS NULL OR :first < first_date THEN :first ELSE first_date END,
              last_date = CASE WHEN :last IS NULL THEN last_date
                               WHEN last_date IS NULL OR :last > last_date THEN :last ELSE last_date END
            WHERE id = :id
            """,
            {"id": link.story_id, "title": link.title, "participants": _spaced(sorted(link.parties)),
             "parties": json.dumps(link.parties, ensure_ascii=False),
             "terms": json.dumps(link.terms, ensure_ascii=False), "first": first, "last": last},
        )
        self.conn.executemany(  # a country that is a party of the story stays a party key
            "INSERT INTO story_participants(key, story_id, grain) VALUES (?, ?, ?)"
            " ON CONFLICT(key, story_id) DO UPDATE SET grain = 'party' WHERE excluded.grain = 'party'",
            [(key, link.story_id, grain) for key, grain in link.keys],
        )
        self.conn.execute(
            "UPDATE story_participants SET last_date = (SELECT last_date FROM stories WHERE id = :id)"
            " WHERE story_id = :id",
            {"id": link.story_id},
        )

    def party_names(self, keys: Sequence[str]) -> dict[str, str]:
        """Display names of party keys (as first seen)."""
        found: dict[str, str] = {}
        for start in range(0, len(keys), _SQL_CHUNK):
            chunk = list(keys[start : start + _SQL_CHUNK])
            marks = ", ".join("?" for _ in chunk)
            found.update(self.conn.execute(f"SELECT key, name FROM parties WHERE key IN ({marks})", chunk).fetchall())
        return found

    # -- the corpus's document frequencies --------------------------------------------------------
    def add_document_terms(self, terms: Sequence[str]) -> None:
        """Count one more article (the empty term) using each of ``terms``."""
        self.conn.executemany(
            "INSERT INTO term_documents(term, documents) VALUES (?, 1)"
            " ON CONFLICT(term) DO UPDATE SET documents = documents + 1",
            [("",), *((t,) for t in sorted(set(terms)) if t)],
        )

    def document_frequencies(self, terms: Sequence[str]) -> tuple[int, dict[str, int]]:
        """(articles counted, articles using each of ``terms`` that any uses)."""
        found: dict[str, int] = {}
        wanted = sorted(set(terms) - {""})
        for start in range(0, len(wanted), _SQL_CHUNK):
            chunk = wanted[start : start + _SQL_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            found.update(self.conn.execute(
                f"SELECT term, documents FROM term_documents WHERE term IN ({marks})", chunk
            ).fetchall())
        total = self.conn.execute("SELECT documents FROM term_documents WHERE term = ''").fetchone()
        return (int(total[0]) if total else 0), found
