"""SQL of the query records: WHERE clauses and ORDER BY keys, always with bound parameters.

Actors in a query reaching the store are participant keys (``CHN``, ``person:joko_widodo``,
``name:…``): the service resolved what the user typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from kronik.records import ArticleQuery, EventQuery

__all__ = ["Where", "article_where", "chronicle_order", "chronicle_where", "mention_order", "mention_where"]

_CHRONICLE_ORDER = {
    "newest": "c.date DESC NULLS LAST, c.num_articles DESC, c.id",
    "oldest": "c.date ASC NULLS LAST, c.num_articles DESC, c.id",
    "most_reported": "c.num_articles DESC, c.num_sources DESC, c.date DESC NULLS LAST, c.id",
    "most_intense": "ABS(c.intensity) DESC NULLS LAST, c.date DESC NULLS LAST, c.id",
}
_MENTION_ORDER = {
    "newest": "e.date DESC NULLS LAST, e.id",
    "oldest": "e.date ASC NULLS LAST, e.id",
    "most_intense": "ABS(e.intensity) DESC NULLS LAST, e.date DESC NULLS LAST, e.id",
}


@dataclass(slots=True)
class Where:
    """Conditions joined by AND, and their parameters."""

    conditions: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    @property
    def clause(self) -> str:
        return f"WHERE {' AND '.join(self.conditions)}" if self.conditions else ""


def _common(where: Where, alias: str, query: EventQuery) -> None:
    """Type, mode, quad class and dates, on ``{alias}.type`` etc."""
    for column, value in (("type", query.type), ("mode", query.mode), ("quad", query.quad)):
        if value:
            where.add(f"{alias}.{column} = ?", value)
    if query.date_from:
        where.add(f"{alias}.date >= ?", query.date_from.isoformat())
    if query.date_to:
        where.add(f"{alias}.date <= ?", query.date_to.isoformat() + "~")  # "~" sorts after a time suffix


def _reporting_articles(query: EventQuery) -> Where:
    """Conditions on the articles that report an event (outlet, language, topic)."""
    where = Where()
    for column, value in (("outlet", query.outlet), ("language", query.language), ("topic", query.topic)):
        if value:
            where.add(f"a.{column} = ?", value)
    return where


def chronicle_where(query: EventQuery) -> Where:
    """Conditions on chronicle events ``c``."""
    where = Where()
    for role, key in (("actor", query.actor), ("recipient", query.recipient)):
        if key:
            where.add("c.id IN (SELECT event_id FROM chronicle_participants WHERE role = ? AND key = ?)", role, key)
    _common(where, "c", query)
    if query.text:
        where.add("c.id IN (SELECT m.chronicle_id FROM chronicle_mentions m JOIN events e"
                  " ON e.article_id = m.article_id AND e.id = m.event_id WHERE e.evidence LIKE ?)",
                  f"%{query.text}%")
    articles = _reporting_articles(query)
    if articles.conditions:
        where.add("c.id IN (SELECT m.chronicle_id FROM chronicle_mentions m JOIN articles a"
                  f" ON a.id = m.article_id {articles.clause})", *articles.params)
    if query.story:
        where.add("c.story_id = ?", query.story)
    return where


def mention_where(query: EventQuery) -> Where:
    """Conditions on article events ``e`` (joined with their article ``a``)."""
    where = Where()
    for side, key in (("actor", query.actor), ("recipient", query.recipient)):
        if key:
            where.add(f"(e.{side}_countries LIKE ? OR e.{side}s LIKE ? OR e.{side}s LIKE ?)",
                      f"% {key.upper()} %", *_actor_needles(key))
    _common(where, "e", query)
    if query.text:
        where.add("e.evidence LIKE ?", f"%{query.text}%")
    articles = _reporting_articles(query)
    where.conditions += articles.conditions
    where.params += articles.params
    if query.story:
        where.add("e.rowid IN (SELECT e2.rowid FROM chronicle_mentions m JOIN chronicle_events c"
                  " ON c.id = m.chronicle_id JOIN events e2 ON e2.article_id = m.article_id"
                  " AND e2.id = m.event_id WHERE c.story_id = ?)", query.story)
    return where


def _actor_needles(key: str) -> tuple[str, str]:
    """LIKE patterns finding a party key in an event's actors JSON: a KB id as its entity; a
    ``name:`` key as the end of a local entity id (``local:org:polda_papua``) or as a name."""
    if key.startswith("name:"):
        slug = key.removeprefix("name:")
        return f'%:{slug}"%', f"%{json.dumps(slug.replace('_', ' '), ensure_ascii=False)}%"
    quoted = json.dumps(key, ensure_ascii=False)
    return f"%{quoted}%", f"%{quoted}%"


def chronicle_order(query: EventQuery) -> str:
    return _CHRONICLE_ORDER[query.sort]


def mention_order(query: EventQuery) -> str:
    return _MENTION_ORDER[query.sort]


def article_where(query: ArticleQuery) -> Where:
    """Conditions on articles ``a``: full text (FTS5, each word quoted) and metadata."""
    where = Where()
    if query.q:
        where.add("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", _fts_query(query.q))
    for column, value in (("language", query.language), ("outlet", query.outlet), ("topic", query.topic)):
        if value:
            where.add(f"a.{column} = ?", value)
    if query.date_from:
        where.add("a.published >= ?", query.date_from.isoformat())
    if query.date_to:
        where.add("a.published <= ?", query.date_to.isoformat())
    return where


def _fts_query(q: str) -> str:
    """User text → a safe FTS5 query: each word quoted (no operator injection), all required."""
    words = [w.replace('"', "") for w in q.split()]
    return " ".join(f'"{w}"' for w in words if w)
