"""The store: every write goes through :meth:`Store.write_article`; reads return plain dicts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from kronik.errors import NotFoundError, StoreError
from kronik.model import Article, Event
from kronik.store.chronicle import ChronicleTables
from kronik.store.database import connect
from kronik.store.filters import EventFilter, Page
from kronik.store.queries import ChronicleReads

__all__ = ["EventFilter", "Page", "Store", "WriteResult"]


@dataclass(slots=True)
class WriteResult:
    """What writing one article did."""

    article_id: str
    new: bool
    sources: int = 1
    notes: list[Any] = field(default_factory=list)  # what ``on_new`` reported


class Store(ChronicleTables, ChronicleReads):
    """An SQLite-backed store of analysed articles (WAL: many readers, one writer)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool = False) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> Store:
        path = Path(path)
        return cls(connect(path, readonly=readonly), path, readonly=readonly)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- the one writer ---------------------------------------------------------------------
    def write_article(
        self, article: Article, on_new: Callable[[Store, Article], Any] | None = None
    ) -> WriteResult:
        """Store an analysed article in one transaction; idempotent by ``article.id``.

        Re-ingesting an identical body adds its source (path, url, outlet) to the existing row.
        ``on_new`` (e.g. :meth:`kronik.corpus.Chronicle.add`) runs inside the same transaction for
        a new article, so the article and its chronicle links land together or not at all.
        """
        if self.readonly:
            raise StoreError(f"{self.path}: the store is open read-only")
        if not article.id:
            raise StoreError("an article needs an id (run the clean stage first)")
        src = article.source
        try:
            with self.conn:
                exists = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
                if not exists:
                    self._insert(article)
                self.conn.execute(
                    "INSERT OR IGNORE INTO article_sources(article_id, path, url, outlet) VALUES (?, ?, ?, ?)",
                    (article.id, src.path or "", src.url or "", src.outlet or ""),
                )
                notes = [] if exists or on_new is None else [on_new(self, article)]
                sources = self.conn.execute(
                    "SELECT COUNT(*) FROM article_sources WHERE article_id = ?", (article.id,)
                ).fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot write article {article.id}: {exc}") from exc
        return WriteResult(article.id, new=not exists, sources=sources, notes=notes)

    def _insert(self, article: Article) -> None:
        data = article.to_dict()
        self.conn.execute(
            "INSERT INTO articles(id, title, language, published, published_source, outlet, url, path,"
            " text, contract, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id, article.title, article.language, data["published"], article.published_source,
                article.source.outlet, article.source.url, article.source.path, article.text,
                json.dumps(data, ensure_ascii=False), datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO entities(article_id, entity_id, name, type, country, sector, role, mentions)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(article.id, e.id, e.name, e.type, e.country, e.sector, e.role, len(e.mentions)) for e in article.entities],
        )
        self.conn.executemany(
            'INSERT OR REPLACE INTO events(id, article_id, type, mode, date, location, actors, recipients,'
            ' actor_countries, recipient_countries, quad, intensity, cameo, negated, future, confidence,'
            ' evidence, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [_event_row(article.id, ev) for ev in article.events],
        )

    # -- reads ------------------------------------------------------------------------------
    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def get_article(self, article_id: str) -> dict[str, Any]:
        """The stored article contract plus its sources; :class:`NotFoundError` if absent."""
        row = self.conn.execute("SELECT contract FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article {article_id!r} in {self.path}")
        data: dict[str, Any] = json.loads(row["contract"])
        data["sources"] = [
            dict(r) for r in self.conn.execute(
                "SELECT path, url, outlet FROM article_sources WHERE article_id = ? ORDER BY path", (article_id,)
            )
        ]
        return data

    def search_articles(
        self,
        q: str | None = None,
        *,
        language: str | None = None,
        outlet: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Page:
        """Articles matching full-text ``q`` (FTS5) and the filters, newest first."""
        where: list[str] = []
        params: list[Any] = []
        if q:
            where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(_fts_query(q))
        for column, value in (("language", language), ("outlet", outlet)):
            if value:
                where.append(f"a.{column} = ?")
                params.append(value)
        if date_from:
            where.append("a.published >= ?")
            params.append(date_from.isoformat())
        if date_to:
            where.append("a.published <= ?")
            params.append(date_to.isoformat())
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        total = self.conn.execute(f"SELECT COUNT(*) FROM articles a {clause}", params).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT a.id, a.title, a.language, a.published, a.outlet, a.url, a.path,"
            f" substr(a.text, 1, 280) AS snippet FROM articles a {clause}"
            " ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return Page([dict(r) for r in rows], int(total), limit, offset)

    def list_events(self, filters: EventFilter | None = None, limit: int = 50, offset: int = 0) -> Page:
        """Events coded in stored articles, matching ``filters``, newest first."""
        f = filters or EventFilter()
        where: list[str] = []
        params: list[Any] = []
        for side, value in (("actor", f.actor), ("recipient", f.recipient)):
            if value:
                where.append(f"({side}_countries LIKE ? OR {side}s LIKE ?)")
                params += [f"% {value.upper()} %", f"%{json.dumps(value)[1:-1]}%"]
        more, more_params = f.type_and_dates("e")
        where += more
        params += more_params
        if f.text:
            where.append("e.evidence LIKE ?")
            params.append(f"%{f.text}%")
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        total = self.conn.execute(f"SELECT COUNT(*) FROM events e {clause}", params).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT e.*, a.title AS article_title, a.outlet FROM events e JOIN articles a ON a.id = e.article_id"
            f" {clause} ORDER BY e.date DESC NULLS LAST, e.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return Page([_event_dict(r) for r in rows], int(total), limit, offset)

    def iter_contracts(self) -> Iterator[dict[str, Any]]:
        """Every stored article contract, oldest ingest first (for export)."""
        for row in self.conn.execute("SELECT contract FROM articles ORDER BY ingested_at, id"):
            yield json.loads(row["contract"])


def _event_row(article_id: str, ev: Event) -> tuple[Any, ...]:
    def countries(actors: list[Any]) -> str:
        codes = sorted({a.country for a in actors if a.country})
        return f" {' '.join(codes)} " if codes else ""

    actors = json.dumps([_plain_actor(a) for a in ev.actors], ensure_ascii=False)
    recipients = json.dumps([_plain_actor(a) for a in ev.recipients], ensure_ascii=False)
    return (
        ev.id, article_id, ev.type, ev.mode, ev.date, ev.location, actors, recipients,
        countries(ev.actors), countries(ev.recipients), ev.quad, ev.intensity, ev.cameo,
        int(ev.negated), int(ev.future), ev.confidence, ev.evidence, ev.start, ev.end,
    )


def _plain_actor(actor: Any) -> dict[str, Any]:
    return {"name": actor.name, "entity": actor.entity, "country": actor.country, "sector": actor.sector}


def _event_dict(row: sqlite3.Row) -> dict[str, Any]:
    data = dict(row)
    data["actors"] = json.loads(data["actors"])
    data["recipients"] = json.loads(data["recipients"])
    data.pop("actor_countries", None)
    data.pop("recipient_countries", None)
    data["negated"], data["future"] = bool(data["negated"]), bool(data["future"])
    return data


def _fts_query(q: str) -> str:
    """User text → a safe FTS5 query: each word quoted (no operator injection), all required."""
    words = [w.replace('"', "") for w in q.split()]
    return " ".join(f'"{w}"' for w in words if w)
