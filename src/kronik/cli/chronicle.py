"""Commands over the SQLite store: ``ingest``, ``show``, ``events``, ``stories``, ``story``,
``related``, ``timeline``, ``export``."""

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
from kronik.corpus import Chronicle
from kronik.engine import Engine, Failure
from kronik.errors import KronikError
from kronik.store import EXPORT_FORMATS, EXPORT_KINDS, EventFilter, Store, export_articles

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

    PATHS are files, directories (recursive), JSON Lines files or `-` for stdin. Each new article is
    linked into the chronicle incrementally (near-duplicates, cross-article events, stories) in the
    same transaction. A bad article is reported at the end and never stops the batch (exit status 1).
    """
    settings = build_settings(**options)
    engine = Engine(settings)
    chronicle = Chronicle.from_settings(settings, engine.resources.kb)
    failures: list[Failure] = []
    new = seen = total = copies = merged = 0
    with Store.open(db or settings.db_path) as store:
        for result in run_batch(engine, paths, label="ingesting"):
            total += 1
            if result.failure is not None:
                failures.append(result.failure)
                continue
            assert result.article is not None
            try:
                written = store.write_article(result.article, on_new=chronicle.add)
            except KronikError as exc:
                failures.append(Failure(result.article.source.path, exc))
                continue
            new += written.new
            seen += not written.new
            for report in written.notes:
                copies += report.duplicate_of is not None
                merged += report.merged_events
        stored = store.count_articles()
    click.echo(
        f"{total} read, {new} new ({copies} near-duplicates, {merged} events merged with earlier reports),"
        f" {seen} already stored, {len(failures)} failed; {stored} articles in {db or settings.db_path}",
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
@click.option("--story", help="Only events of this story id.")
@click.option("--mentions", is_flag=True,
              help="List every article's events (one row per report) instead of chronicle events.")
@click.option("--limit", type=int, default=50, show_default=True, help="Events per page.")
@click.option("--offset", type=int, default=0, help="Skip this many events.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def events(
    db: Path | None, actor: str | None, recipient: str | None, event_type: str | None,
    date_from: date | None, date_to: date | None, text: str | None, story: str | None, mentions: bool,
    limit: int, offset: int, as_json: bool,
) -> None:
    """List events, newest first, with filters: one row per happening (however many articles
    reported it), or with --mentions one row per article event."""
    filters = EventFilter(actor, recipient, event_type, date_from, date_to, text, story)
    with Store.open(_db_path(db), readonly=True) as store:
        if mentions:
            page = store.list_events(filters, limit=limit, offset=offset)
        else:
            page = store.list_chronicle_events(filters, limit=limit, offset=offset)
    if as_json:
        click.echo(json.dumps({"total": page.total, "items": page.items}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{page.total} event(s)")
    for ev in page.items:
        reports = f"[{ev['outlet'] or '-'}]" if mentions else f"[{ev['num_articles']} art., {ev['num_sources']} src.]"
        click.echo(f"{ev['date'] or '?':10}  {_event_line(ev)}  {reports} {ev['evidence'][:80]}")


def _event_line(ev: dict[str, Any]) -> str:
    def side(actors: list[dict[str, Any]]) -> str:
        return "+".join(dict.fromkeys(a["country"] or a["name"] for a in actors))

    return f"{ev['type']:<10} {side(ev['actors']) or '?'} → {side(ev['recipients']) or '-'}"


@main.command()
@_db_option
@click.option("--actor", help="Only stories with this participant (country code or entity id).")
@click.option("--limit", type=int, default=50, show_default=True, help="Stories per page.")
@click.option("--offset", type=int, default=0, help="Skip this many stories.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def stories(db: Path | None, actor: str | None, limit: int, offset: int, as_json: bool) -> None:
    """List stories (events between the same participants over time), most recent first."""
    with Store.open(_db_path(db), readonly=True) as store:
        page = store.list_stories(limit=limit, offset=offset, actor=actor)
    if as_json:
        click.echo(json.dumps({"total": page.total, "items": page.items}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{page.total} story(ies)")
    for st in page.items:
        span = f"{st['first_date'] or '?'} → {st['last_date'] or '?'}"
        click.echo(f"{st['id']}  {st['title']:<30} {st['num_events']:>4} event(s)  {span}")


@main.command()
@click.argument("story_id")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def story(story_id: str, db: Path | None, as_json: bool) -> None:
    """Show one story: its events over time and the articles that report them."""
    with Store.open(_db_path(db), readonly=True) as store:
        data = store.get_story(story_id)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{data['title']}  ({data['id']}, {data['num_events']} events, "
               f"{data['first_date'] or '?'} → {data['last_date'] or '?'})")
    for ev in data["events"]:
        click.echo(f"  {ev['date'] or '?':10}  {_event_line(ev)}  [{ev['num_articles']} art.] {ev['evidence'][:70]}")
    click.echo("articles:")
    for art in data["articles"]:
        click.echo(f"  {art['published'] or '?':10}  {art['id']}  {art['title'] or '(untitled)'}")


@main.command()
@click.argument("article_id")
@_db_option
@click.option("--limit", type=int, default=20, show_default=True, help="Most related articles shown.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def related(article_id: str, db: Path | None, limit: int, as_json: bool) -> None:
    """Articles related to one: its copies, the same event, then the same story, with the reason."""
    with Store.open(_db_path(db), readonly=True) as store:
        items = store.related_articles(article_id, limit=limit)
    if as_json:
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    click.echo(f"{len(items)} related article(s)")
    for item in items:
        click.echo(f"  {item['published'] or '?':10}  {item['id']}  {item['title'] or '(untitled)'}  — {item['reason']}")


@main.command()
@click.argument("first")
@click.argument("second")
@_db_option
@click.option("--from", "date_from", callback=_parse_date, metavar="YYYY-MM-DD", help="Earliest event date.")
@click.option("--to", "date_to", callback=_parse_date, metavar="YYYY-MM-DD", help="Latest event date.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def timeline(
    first: str, second: str, db: Path | None, date_from: date | None, date_to: date | None, as_json: bool
) -> None:
    """The relation timeline of two actors: events per month by quad class, mean intensity.

    FIRST and SECOND are country codes (CHN), country names (China, Tiongkok) or KB ids.
    """
    from kronik.kb import KnowledgeBase, resolve_actor

    kb = KnowledgeBase.load(build_settings().kb_paths)
    a, b = resolve_actor(kb, first), resolve_actor(kb, second)
    with Store.open(_db_path(db), readonly=True) as store:
        data = store.timeline(
            a, b, date_from.isoformat() if date_from else None, date_to.isoformat() if date_to else None
        )
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{a} – {b}: {len(data['events'])} event(s)")
    for point in data["months"]:
        counts = point["counts"]
        click.echo(
            f"  {point['month']}  coop {counts['VERBAL_COOPERATION']}v/{counts['MATERIAL_COOPERATION']}m"
            f"  conflict {counts['VERBAL_CONFLICT']}v/{counts['MATERIAL_CONFLICT']}m"
            f"  intensity {point['mean_intensity'] if point['mean_intensity'] is not None else '-'}"
        )


@main.command()
@_db_option
@click.option("--what", type=click.Choice(EXPORT_KINDS), default="events", show_default=True,
              help="Records to export (events: one PLOVER-style row per article event; chronicle: one"
                   " row per happening with its report counts).")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True,
              help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Output file.")
def export(db: Path | None, what: str, fmt: str, output: Path) -> None:
    """Export stored articles, events or chronicle events to JSON Lines, CSV or Parquet."""
    with Store.open(_db_path(db), readonly=True) as store:
        count = export_articles(store, what, fmt, output)
    click.echo(f"{count} {what} written to {output}", err=True)
