"""Reads over the chronicle: events, stories, related articles, relation timelines."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from kronik.corpus.timeline import monthly_series
from kronik.errors import NotFoundError
from kronik.store.filters import EventFilter, Page

__all__ = ["ChronicleReads"]


def _chronicle_dict(row: sqlite3.Row) -> dict[str, Any]:
    data = dict(row)
    data["actors"] = json.loads(data["actors"])
    data["recipients"] = json.loads(data["recipients"])
    data["participants"] = data["participants"].split()
    data.pop("created_at", None)
    return data


class ChronicleReads:
    """Mixed into :class:`kronik.store.Store`; needs ``self.conn``."""

    conn: sqlite3.Connection

    def list_chronicle_events(
        self, filters: EventFilter | None = None, limit: int = 50, offset: int = 0
    ) -> Page:
        """Chronicle events (one per happening, however many reports) matching ``filters``."""
        f = filters or EventFilter()
        where: list[str] = []
        params: list[Any] = []
        for role, value in (("actor", f.actor), ("recipient", f.recipient)):
            if value:
                where.append(
                    "c.id IN (SELECT event_id FROM chronicle_participants WHERE role = ? AND key IN (?, ?))"
                )
                params += [role, value, value.upper()]
        more, more_params = f.type_and_dates("c")
        where += more
        params += more_params
        if f.text:
            where.append(
                "c.id IN (SELECT m.chronicle_id FROM chronicle_mentions m JOIN events e"
                " ON e.article_id = m.article_id AND e.id = m.event_id WHERE e.evidence LIKE ?)"
            )
            params.append(f"%{f.text}%")
        if f.story:
            where.append("c.story_id = ?")
            params.append(f.story)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        total = self.conn.execute(f"SELECT COUNT(*) FROM chronicle_events c {clause}", params).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT c.* FROM chronicle_events c {clause}"
            " ORDER BY c.date DESC NULLS LAST, c.num_articles DESC, c.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return Page([_chronicle_dict(r) for r in rows], int(total), limit, offset)

    def iter_chronicle_events(self) -> Iterator[dict[str, Any]]:
        """Every chronicle event, oldest first (for export)."""
        for row in self.conn.execute("SELECT * FROM chronicle_events ORDER BY date NULLS LAST, id"):
            yield _chronicle_dict(row)

    def get_chronicle_event(self, event_id: str) -> dict[str, Any]:
        """One chronicle event with every report: article, outlet, evidence and offsets."""
        row = self.conn.execute("SELECT * FROM chronicle_events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no chronicle event {event_id!r}")
        data = _chronicle_dict(row)
        data["mentions"] = [
            dict(m)
            for m in self.conn.execute(
                "SELECT m.article_id, m.event_id, m.score, a.title, a.outlet, a.published,"
                ' s.duplicate_of, e.evidence, e.start, e."end", e.date'
                " FROM chronicle_mentions m JOIN articles a ON a.id = m.article_id"
                " JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id"
                " LEFT JOIN article_sketches s ON s.article_id = m.article_id"
                " WHERE m.chronicle_id = ? ORDER BY a.published, m.article_id",
                (event_id,),
            )
        ]
        return data

    def list_stories(self, limit: int = 50, offset: int = 0, actor: str | None = None) -> Page:
        """Stories, most recently active first; ``actor`` keeps those with that participant."""
        where, params = "", []
        if actor:
            where = "WHERE s.id IN (SELECT story_id FROM story_participants WHERE key IN (?, ?))"
            params = [actor, actor.upper()]
        total = self.conn.execute(f"SELECT COUNT(*) FROM stories s {where}", params).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT s.* FROM stories s {where} ORDER BY s.last_date DESC NULLS LAST, s.num_events DESC,"
            " s.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        items = []
        for r in rows:
            story = self._story_dict(r)
            story["sparkline"] = self._story_sparkline(r["id"])
            items.append(story)
        return Page(items, int(total), limit, offset)

    def get_story(self, story_id: str) -> dict[str, Any]:
        """One story with its events (oldest first) and the articles that report them."""
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no story {story_id!r}")
        story = self._story_dict(row)
        events = self.conn.execute(
            "SELECT * FROM chronicle_events WHERE story_id = ? ORDER BY date NULLS LAST, id", (story_id,)
        ).fetchall()
        story["events"] = [_chronicle_dict(e) for e in events]
        story["articles"] = [
            dict(a)
            for a in self.conn.execute(
                "SELECT DISTINCT a.id, a.title, a.outlet, a.published, a.language FROM chronicle_mentions m"
                " JOIN chronicle_events c ON c.id = m.chronicle_id JOIN articles a ON a.id = m.article_id"
                " WHERE c.story_id = ? ORDER BY a.published, a.id",
                (story_id,),
            )
        ]
        story["timeline"] = monthly_series(story["events"])
        return story

    def related_articles(self, article_id: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles related to one: copies first, then the same event, then the same story."""
        if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise NotFoundError(f"no article {article_id!r}")
        found: dict[str, dict[str, Any]] = {}

        def add(rows: Any, rank: int, reason: Any) -> None:
            for r in rows:
                if r["id"] != article_id and r["id"] not in found and len(found) < limit:
                    found[r["id"]] = {
                        "id": r["id"], "title": r["title"], "outlet": r["outlet"],
                        "published": r["published"], "rank": rank, "reason": reason(r),
                    }

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

    def timeline(
        self, first: str, second: str, date_from: str | None = None, date_to: str | None = None
    ) -> dict[str, Any]:
        """Chronicle events between two actors (either direction), per month by quad class."""
        params: list[Any] = [first, second]
        where = ""
        if date_from:
            where += " AND c.date >= ?"
            params.append(date_from)
        if date_to:
            where += " AND c.date <= ?"
            params.append(date_to + "~")
        rows = self.conn.execute(
            "SELECT c.* FROM chronicle_events c WHERE"
            " c.id IN (SELECT event_id FROM chronicle_participants WHERE key = ?)"
            " AND c.id IN (SELECT event_id FROM chronicle_participants WHERE key = ?)"
            f"{where} ORDER BY c.date NULLS LAST, c.id",
            params,
        ).fetchall()
        events = [_chronicle_dict(r) for r in rows]
        return {"a": first, "b": second, "events": events, "months": monthly_series(events)}

    def _story_dict(self, row: sqlite3.Row) -> dict[str, Any]:
        data = dict(row)
        data["participants"] = data["participants"].split()
        terms = json.loads(data.pop("terms"))
        data["terms"] = [t for t in terms if not t.startswith("entity:")][:10]
        data.pop("created_at", None)
        return data

    def _story_sparkline(self, story_id: str) -> list[dict[str, Any]]:
        return [
            {"month": r[0], "events": r[1]}
            for r in self.conn.execute(
                "SELECT substr(date, 1, 7) AS month, COUNT(*) FROM chronicle_events"
                " WHERE story_id = ? AND date IS NOT NULL GROUP BY month ORDER BY month",
                (story_id,),
            )
        ]
