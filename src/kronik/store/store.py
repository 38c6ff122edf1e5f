"""The store: every write goes through :meth:`Store.write_article`; reads return typed records."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, TypeVar

from kronik.errors import NotFoundError, StoreError
from kronik.model import Article, Event
from kronik.records import (
    ArticleEvent,
    ArticleQuery,
    ArticleSource,
    ArticleSummary,
    EventQuery,
    Page,
    StoredArticle,
)
from kronik.store.chronicle import ChronicleTables
from kronik.store.convert import actors_json, article_event, day
from kronik.store.database import connect
from kronik.store.filters import article_where, mention_order, mention_where
from kronik.store.queries import ChronicleReads

__all__ = ["Store", "WriteResult"]

N = TypeVar("N")


@dataclass(slots=True)
class WriteResult(Generic[N]):
    """What writing one article did; ``notes`` holds what ``on_new`` reported (new articles only)."""

    article_id: str
    new: bool
    sources: int = 1
    notes: list[N] = field(default_factory=list)


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
        self, article: Article, on_new: Callable[[Store, Article], N] | None = None
    ) -> WriteResult[N]:
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
        topic = article.topic  # the topic stage's label (None where it did not run)
        self.conn.execute(
            "INSERT INTO articles(id, title, language, published, published_source, outlet, url, path,"
            " text, contract, ingested_at, topic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id, article.title, article.language, data["published"], article.published_source,
                article.source.outlet, article.source.url, article.source.path, article.text,
                json.dumps(data, ensure_ascii=False), datetime.now(UTC).isoformat(timespec="seconds"), topic,
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

    def count(self, table: str) -> int:
        """Rows of one of the store's tables."""
        if table not in ("articles", "events", "chronicle_events", "stories"):
            raise StoreError(f"cannot count {table!r}")
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def get_article(self, article_id: str) -> StoredArticle:
        """The stored article and its sources; :class:`NotFoundError` if absent."""
        row = self.conn.execute("SELECT contract FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article {article_id!r} in {self.path}")
        sources = [
            ArticleSource(r["path"], r["url"], r["outlet"]) for r in self.conn.execute(
                "SELECT path, url, outlet FROM article_sources WHERE article_id = ? ORDER BY path", (article_id,)
            )
        ]
        return StoredArticle(Article.from_dict(json.loads(row["contract"])), sources)

    def search_articles(self, query: ArticleQuery | None = None) -> Page[ArticleSummary]:
        """Articles matching the query's full text (FTS5) and filters, newest first."""
        query = query or ArticleQuery()
        where = article_where(query)
        total = self.conn.execute(f"SELECT COUNT(*) FROM articles a {where.clause}", where.params).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT a.id, a.title, a.language, a.published, a.outlet, a.url, a.path,"
            f" substr(a.text, 1, 280) AS snippet FROM articles a {where.clause}"
            " ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
            [*where.params, query.limit, query.offset],
        ).fetchall()
        items = [
            ArticleSummary(r["id"], r["title"], r["language"], day(r["published"]), r["outlet"], r["url"],
                           r["path"], r["snippet"])
            for r in rows
        ]
        return Page(items, int(total), query.limit, query.offset)

    def list_events(self, query: EventQuery | None = None) -> Page[ArticleEvent]:
        """Events coded in stored articles (one row per report) matching ``query``."""
        query = query or EventQuery()
        where = mention_where(query)
        joined = "FROM events e JOIN articles a ON a.id = e.article_id"
        total = self.conn.execute(f"SELECT COUNT(*) {joined} {where.clause}", where.params).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT e.*, a.title AS article_title, a.outlet {joined} {where.clause}"
            f" ORDER BY {mention_order(query)} LIMIT ? OFFSET ?",
            [*where.params, query.limit, query.offset],
        ).fetchall()
        return Page([article_event(r) for r in rows], int(total), query.limit, query.offset)

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, oldest ingest first (for export)."""
        for row in self.conn.execute("SELECT contract FROM articles ORDER BY ingested_at, id"):
            yield Article.from_dict(json.loads(row["contract"]))


def _event_row(article_id: str, ev: Event) -> tuple[Any, ...]:
    def countries(actors: list[Any]) -> str:
        codes = sorted({a.country for a in actors if a.country})
        return f" {' '.join(codes)} " if codes else ""

    return (
        ev.id, article_id, ev.type, ev.mode, ev.date, ev.location, actors_json(ev.actors),
        actors_json(ev.recipients), countries(ev.actors), countries(ev.recipients), ev.quad, ev.intensity,
        ev.cameo, int(ev.negated), int(ev.future), ev.confidence, ev.evidence, ev.start, ev.end,
    )
