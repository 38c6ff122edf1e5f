"""Reads over the chronicle: events, stories, related articles, relation timelines, actors."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from kronik.errors import NotFoundError
from kronik.records import (
    ChronicleEvent,
    ChronicleEventDetail,
    EventQuery,
    MonthCount,
    Page,
    PartyRecord,
    RelatedArticle,
    Story,
    StoryArticle,
    StoryDetail,
)
from kronik.store.convert import chronicle_event, day, event_report, story, story_detail
from kronik.store.filters import Where, chronicle_order, chronicle_where

__all__ = ["ChronicleReads", "ParticipantCount"]

#: (key, events, as actor, as recipient) of one participant
ParticipantCount = tuple[str, int, int, int]


class ChronicleReads:
    """Mixed into :class:`kronik.store.Store`; needs ``self.conn``."""

    conn: sqlite3.Connection

    def list_chronicle_events(self, query: EventQuery | None = None) -> Page[ChronicleEvent]:
        """Chronicle events (one per happening, however many reports) matching ``query``."""
        query = query or EventQuery()
        where = chronicle_where(query)
        total = self.conn.execute(f"SELECT COUNT(*) FROM chronicle_events c {where.clause}", where.params).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT c.* FROM chronicle_events c {where.clause} ORDER BY {chronicle_order(query)} LIMIT ? OFFSET ?",
            [*where.params, query.limit, query.offset],
        ).fetchall()
        return Page([chronicle_event(r) for r in rows], int(total), query.limit, query.offset)

    def iter_chronicle_events(self) -> Iterator[ChronicleEvent]:
        """Every chronicle event, oldest first (for export)."""
        for row in self.conn.execute("SELECT * FROM chronicle_events ORDER BY date NULLS LAST, id"):
            yield chronicle_event(row)

    def get_chronicle_event(self, event_id: str) -> ChronicleEventDetail:
        """One chronicle event with every report: article, outlet, evidence and offsets."""
        row = self.conn.execute("SELECT * FROM chronicle_events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no chronicle event {event_id!r}")
        reports = self.conn.execute(
            "SELECT m.article_id, m.event_id, m.score, a.title, a.outlet, a.published,"
            ' s.duplicate_of, e.evidence, e.start, e."end", e.date'
            " FROM chronicle_mentions m JOIN articles a ON a.id = m.article_id"
            " JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id"
            " LEFT JOIN article_sketches s ON s.article_id = m.article_id"
            " WHERE m.chronicle_id = ? ORDER BY a.published, m.article_id",
            (event_id,),
        )
        event = chronicle_event(row)
        fields = {name: getattr(event, name) for name in ChronicleEvent.__dataclass_fields__}
        return ChronicleEventDetail(**fields, mentions=[event_report(r) for r in reports])

    def list_stories(self, actor: str | None = None, limit: int = 50, offset: int = 0) -> Page[Story]:
        """Stories, most recently active first; ``actor`` (a participant key) keeps those it is in."""
        where = Where()
        if actor:
            where.add("s.id IN (SELECT story_id FROM story_participants WHERE key = ?)", actor)
        total = self.conn.execute(f"SELECT COUNT(*) FROM stories s {where.clause}", where.params).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT s.* FROM stories s {where.clause} ORDER BY s.last_date DESC NULLS LAST, s.num_events DESC,"
            " s.id LIMIT ? OFFSET ?",
            [*where.params, limit, offset],
        ).fetchall()
        items = []
        for r in rows:
            item = story(r)
            item.sparkline = self._story_sparkline(r["id"])
            items.append(item)
        return Page(items, int(total), limit, offset)

    def get_story(self, story_id: str) -> StoryDetail:
        """One story with its events (oldest first) and the articles that report them."""
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no story {story_id!r}")
        detail = story_detail(row)
        events = self.conn.execute(
            "SELECT * FROM chronicle_events WHERE story_id = ? ORDER BY date NULLS LAST, id", (story_id,)
        )
        detail.events = [chronicle_event(e) for e in events]
        detail.articles = [
            StoryArticle(a["id"], a["title"], a["outlet"], day(a["published"]), a["language"])
            for a in self.conn.execute(
                "SELECT DISTINCT a.id, a.title, a.outlet, a.published, a.language FROM chronicle_mentions m"
                " JOIN chronicle_events c ON c.id = m.chronicle_id JOIN articles a ON a.id = m.article_id"
                " WHERE c.story_id = ? ORDER BY a.published, a.id",
                (story_id,),
            )
        ]
        return detail

    def related_articles(self, article_id: str, limit: int = 20) -> list[RelatedArticle]:
        """Articles related to one: copies first, then the same event, then the same story."""
        if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise NotFoundError(f"no article {article_id!r}")
        found: dict[str, RelatedArticle] = {}

        def add(rows: Iterable[sqlite3.Row], rank: int, reason: Callable[[sqlite3.Row], str]) -> None:
            for r in rows:
                if r["id"] != article_id and r["id"] not in found and len(found) < limit:
                    found[r["id"]] = RelatedArticle(r["id"], r["title"], r["outlet"], day(r["published"]),
                                                    rank, reason(r))

        add(self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, s2.similarity FROM article_sketches s1"
            " JOIN article_sketches s2 ON COALESCE(s2.duplicate_of, s2.article_id)"
            " = COALESCE(s1.duplicate_of, s1.article_id) JOIN articles a ON a.id = s2.article_id"
            " WHERE s1.article_id = ?",
            (article_id,),
        ), 1, lambda r: "near-duplicate text" + (f" (similarity {r['similarity']})" if r["similarity"] else ""))
        add(self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, c.type, c.date, c.participants, COUNT(*) AS shared"
            " FROM chronicle_mentions mine JOIN chronicle_mentions other ON other.chronicle_id = mine.chronicle_id"
            " JOIN chronicle_events c ON c.id = mine.chronicle_id JOIN articles a ON a.id = other.article_id"
            " WHERE mine.article_id = ? GROUP BY a.id ORDER BY shared DESC, a.published DESC",
            (article_id,),
        ), 2, lambda r: f"same event: {r['type']} {r['participants'].strip()} {r['date'] or ''}".strip())
        add(self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, st.title AS story, COUNT(*) AS shared"
            " FROM chronicle_mentions mine JOIN chronicle_events c ON c.id = mine.chronicle_id"
            " JOIN stories st ON st.id = c.story_id"
            " JOIN chronicle_events c2 ON c2.story_id = c.story_id"
            " JOIN chronicle_mentions other ON other.chronicle_id = c2.id"
            " JOIN articles a ON a.id = other.article_id"
            " WHERE mine.article_id = ? GROUP BY a.id ORDER BY shared DESC, a.published DESC",
            (article_id,),
        ), 3, lambda r: f"same story: {r['story']}")
        return list(found.values())

    def relation_events(
        self, first: str, second: str, date_from: date | None = None, date_to: date | None = None
    ) -> list[ChronicleEvent]:
        """Chronicle events with both participant keys (either direction), oldest first."""
        where = Where()
        where.add("c.id IN (SELECT event_id FROM chronicle_participants WHERE key = ?)", first)
        where.add("c.id IN (SELECT event_id FROM chronicle_participants WHERE key = ?)", second)
        if date_from:
            where.add("c.date >= ?", date_from.isoformat())
        if date_to:
            where.add("c.date <= ?", date_to.isoformat() + "~")
        rows = self.conn.execute(
            f"SELECT c.* FROM chronicle_events c {where.clause} ORDER BY c.date NULLS LAST, c.id", where.params
        )
        return [chronicle_event(r) for r in rows]

    def has_participant(self, key: str) -> bool:
        """Whether any chronicle event has this participant key (a country, a KB id, ``name:…``)."""
        found = self.conn.execute("SELECT 1 FROM chronicle_participants WHERE key = ? LIMIT 1", (key,))
        return found.fetchone() is not None

    def party(self, key: str) -> PartyRecord | None:
        """What the chronicle knows of a party key (its name, grain and attributes as first seen)."""
        row = self.conn.execute("SELECT key, name, grain, country, sector FROM parties WHERE key = ?", (key,)).fetchone()
        return PartyRecord(*row) if row else None

    def parties(self) -> dict[str, PartyRecord]:
        """Every party the chronicle has seen, by key."""
        rows = self.conn.execute("SELECT key, name, grain, country, sector FROM parties")
        return {r[0]: PartyRecord(*r) for r in rows}

    def participant_counts(self) -> list[ParticipantCount]:
        """(key, events, as actor, as recipient) of every participant, most events first."""
        rows = self.conn.execute(
            "SELECT key, COUNT(DISTINCT event_id) AS events, SUM(role = 'actor') AS as_actor,"
            " SUM(role = 'recipient') AS as_recipient FROM chronicle_participants GROUP BY key"
            " ORDER BY events DESC, key"
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def _story_sparkline(self, story_id: str) -> list[MonthCount]:
        return [
            MonthCount(r[0], r[1])
            for r in self.conn.execute(
                "SELECT substr(date, 1, 7) AS month, COUNT(*) FROM chronicle_events"
                " WHERE story_id = ? AND date IS NOT NULL GROUP BY month ORDER BY month",
                (story_id,),
            )
        ]
