"""Commands over the SQLite store: ``ingest``, ``show``, ``events``, ``export``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from kronik.cli import (
    _parse_date,
    build_settings,
    main,
    report_failures,
    run_batch,
    settings_options,
)
from kronik.engine import Engine, Failure
from kronik.store import EXPORT_FORMATS, EventFilter, Store, export_articles

_DB_HELP = "SQLite database file (default: the `db_path` setting, kronik.db)."


def _db_option(func: Any) -> Any:
    return click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), help=_DB_HELP)(func)


def _db_path(db: Path | None) -> Path:
    return db or build_settings().db_path


@main.command()
@click.argument("paths", nargs=-1)
@_db_option
@settings_options
def ingest(paths: tuple[str, ...], db: Path | None, **options: Any) -> None:
    """Analyse articles and store them in SQLite (idempotent by content hash).

    PATHS are files, directories (recursive), JSON Lines files or `-` for stdin. One transaction per
    article; a bad article is reported at the end and never stops the batch (exit status 1).
    """
    settings = build_settings(**options)
    engine = Engine(settings)
    failures: list[Failure] = []
    new = seen = total = 0
    with Store.open(db or settings.db_path) as store:
        for result in run_batch(engine, paths, label="ingesting"):
            total += 1
            if result.failure is not None:
                failures.append(result.failure)
                continue
            assert result.article is not None
            written = store.write_article(result.article)
            new += written.new
            seen += not written.new
        stored = store.count_articles()
    click.echo(
        f"{total} read, {new} new, {seen} already stored, {len(failures)} failed; "
        f"{stored} articles in {db or settings.db_path}",
        err=True,
    )
    report_failures(failures, total)


@main.command()
@click.argument("article_id")
@_db_option
@click.option("--json/--text", "as_json", default=True, help="JSON contract (default) or a summary.")
def show(article_id: str, db: Path | None, as_json: bool) -> None:
    """Show one stored article with all its extractions."""
    from kronik.cli import summarise
    from kronik.model import Article

    with Store.open(_db_path(db), readonly=True) as store:
        data = store.get_article(article_id)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(summarise(Article.from_dict(data)))


@main.command()
@_db_option
@click.option("--actor", help="Actor: country code (CHN), entity id or name.")
@click.option("--recipient", help="Recipient: country code, entity id or name.")
@click.option("--type", "event_type", help="PLOVER event type (e.g. CONSULT).")
@click.option("--from", "date_from", callback=_parse_date, metavar="YYYY-MM-DD", help="Earliest event date.")
@click.option("--to", "date_to", callback=_parse_date, metavar="YYYY-MM-DD", help="Latest event date.")
@click.option("--text", help="Words in the evidence sentence.")
@click.option("--limit", type=int, default=50, show_default=True, help="Events per page.")
@click.option("--offset", type=int, default=0, help="Skip this many events.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def events(
    db: Path | None, actor: str | None, recipient: str | None, event_type: str | None,
    date_from: date | None, date_to: date | None, text: str | None, limit: int, offset: int, as_json: bool,
) -> None:
    """List coded events in the store, newest first, with filters."""
    filters = EventFilter(actor, recipient, event_type, date_from, date_to, text)
    with Store.open(_db_path(db), readonly=True) as store:
        page = store.list_events(filters, limit=limit, offset=offset)
    if as_json:
        click.echo(json.dumps({"total": page.total, "items": page.items}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{page.total} event(s)")
    for ev in page.items:
        who = "+".join(a["country"] or a["name"] for a in ev["actors"]) or "?"
        whom = "+".join(a["country"] or a["name"] for a in ev["recipients"]) or "-"
        click.echo(f"{ev['date'] or '?':10}  {ev['type']:<10} {who} → {whom}  [{ev['outlet'] or '-'}] {ev['evidence'][:80]}")


@main.command()
@_db_option
@click.option("--what", type=click.Choice(["articles", "events"]), default="events", show_default=True,
              help="Records to export (events: one PLOVER-style row per event).")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True,
              help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Output file.")
def export(db: Path | None, what: str, fmt: str, output: Path) -> None:
    """Export stored articles or events to JSON Lines, CSV or Parquet."""
    with Store.open(_db_path(db), readonly=True) as store:
        count = export_articles(store, what, fmt, output)
    click.echo(f"{count} {what} written to {output}", err=True)
