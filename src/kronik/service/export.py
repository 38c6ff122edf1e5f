"""The rows of ``kronik export`` (and ``GET /api/export``): articles, article events, chronicle events."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from typing import Any, Literal, get_args

from kronik.model import Actor, Article
from kronik.records import ArticleRow, ChronicleRow, EventRow
from kronik.store import Store

__all__ = ["EXPORT_KINDS", "ExportKind", "export_columns", "export_rows"]

#: ``articles``: one row per article; ``events``: one PLOVER-style row per event of each article;
#: ``chronicle``: one row per happening, with how many articles and outlets reported it.
ExportKind = Literal["articles", "events", "chronicle"]
EXPORT_KINDS: tuple[str, ...] = get_args(ExportKind)

_ROW_TYPES: dict[str, Any] = {"articles": ArticleRow, "events": EventRow, "chronicle": ChronicleRow}


def _names(actors: list[Actor]) -> str:
    return "; ".join(a.name for a in actors)


def _countries(actors: list[Actor]) -> str:
    return " ".join(sorted({a.country for a in actors if a.country}))


def export_columns(what: ExportKind) -> list[str]:
    """The column names of ``what``, in order."""
    return [f.name for f in fields(_ROW_TYPES[what])]


def export_rows(store: Store, what: ExportKind) -> Iterator[ArticleRow | EventRow | ChronicleRow]:
    """The rows of ``what`` from ``store``."""
    if what == "chronicle":
        for ev in store.iter_chronicle_events():
            yield ChronicleRow(
                ev.id, ev.date, ev.date_last, ev.type, ev.mode, _names(ev.actors), _countries(ev.actors),
                _names(ev.recipients), _countries(ev.recipients), ev.quad, ev.intensity, ev.cameo, ev.location,
                ev.story_id, ev.num_articles, ev.num_sources, ev.num_mentions, ev.first_report, ev.last_report,
                ev.evidence,
            )
        return
    for article in store.iter_articles():
        if what == "articles":
            yield _article_row(article)
        else:
            yield from _event_rows(article)


def _article_row(article: Article) -> ArticleRow:
    source = article.source
    return ArticleRow(article.id, article.title, article.language, article.published, source.outlet,
                      source.url, source.path, article.text, len(article.entities), len(article.events))


def _event_rows(article: Article) -> Iterator[EventRow]:
    for ev in article.events:
        yield EventRow(
            article.id, ev.id, ev.date, ev.type, ev.mode, _names(ev.actors), _countries(ev.actors),
            _names(ev.recipients), _countries(ev.recipients), ev.quad, ev.intensity, ev.cameo, ev.location,
            ev.negated, ev.future, ev.confidence, ev.evidence,
        )
