"""Commands that fill and read the store as a whole: ``ingest``, ``show``, ``articles``, ``export``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from kronik.cli.base import (
    db_option,
    main,
    parse_date,
    report_failures,
    session,
    settings_options,
    with_progress,
)
from kronik.cli.render import echo_json, summary_line
from kronik.formats import formats_for, summarise
from kronik.service import EXPORT_KINDS, ArticleQuery


@main.command()
@click.argument("paths", nargs=-1)
@db_option
@settings_options
def ingest(paths: tuple[str, ...], db: Path | None, **options: Any) -> None:
    """Analyse articles and store them in SQLite (idempotent by content hash).

    PATHS are files, directories (recursive), JSON Lines files or `-` for stdin. Each new article is
    linked into the chronicle incrementally (near-duplicates, cross-article events, stories) in the
    same transaction. A bad article is reported at the end and never stops the batch (exit status 1).
    """
    with session(db, **options) as kronik:
        summary = kronik.ingest(with_progress(kronik, kronik.analyze_paths(paths), "ingesting"))
    click.echo(summary_line(summary, kronik.db_path), err=True)
    report_failures(summary.failures, summary.read)


@main.command()
@click.argument("article_id")
@db_option
@click.option("--json/--text", "as_json", default=True, help="JSON contract (default) or a summary.")
def show(article_id: str, db: Path | None, as_json: bool) -> None:
    """Show one stored article with all its extractions."""
    stored = session(db).article(article_id)
    if as_json:
        echo_json(stored)
    else:
        click.echo(summarise(stored.article))


@main.command()
@click.argument("words", nargs=-1)
@db_option
@click.option("--language", metavar="CODE", help="Only articles in this language (ISO 639-1).")
@click.option("--outlet", metavar="NAME", help="Only articles of this outlet.")
@click.option("--topic", metavar="TOPIC", help="Only articles of this topic.")
@click.option("--from", "date_from", callback=parse_date, metavar="YYYY-MM-DD", help="Published on or after.")
@click.option("--to", "date_to", callback=parse_date, metavar="YYYY-MM-DD", help="Published on or before.")
@click.option("--limit", type=int, default=20, show_default=True, help="Articles per page.")
@click.option("--offset", type=int, default=0, help="Skip this many articles.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def articles(words: tuple[str, ...], db: Path | None, as_json: bool, **filters: Any) -> None:
    """Search stored articles: every one of WORDS (full text), newest first."""
    page = session(db).articles(ArticleQuery(" ".join(words) or None, **filters))
    if as_json:
        echo_json(page)
        return
    click.echo(f"{page.total} article(s)")
    for item in page.items:
        click.echo(f"  {_day(item.published):10}  {item.id}  {item.title or '(untitled)'}")


def _day(value: date | None) -> str:
    return value.isoformat() if value else "?"


@main.command()
@db_option
@click.option("--what", type=click.Choice(EXPORT_KINDS), default="events", show_default=True,
              help="Records to export (events: one PLOVER-style row per article event; chronicle: one"
                   " row per happening with its report counts).")
@click.option("--format", "fmt", type=click.Choice(formats_for("rows")), default="jsonl", show_default=True,
              help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Output file.")
def export(db: Path | None, what: str, fmt: str, output: Path) -> None:
    """Export stored articles, events or chronicle events (JSON, JSON Lines, CSV or Parquet)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as out:
        count = session(db).export(what, fmt, out)
    click.echo(f"{count} {what} written to {output}", err=True)
