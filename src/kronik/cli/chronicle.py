"""The chronicle's reads: ``events``, ``event``, ``stories``, ``story``, ``related``, ``timeline``,
``actors`` and ``actor``. Actors may be named by code, name (Indonesian or English) or KB id."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from kronik.cli.base import db_option, main, parse_date, session
from kronik.cli.render import day, echo_json, event_line, month_line
from kronik.records import EVENT_SORTS, ChronicleEvent
from kronik.service import GRAINS, ActorQuery, EventQuery, StoryQuery, TimelineQuery

F = TypeVar("F", bound=Callable[..., Any])
_JSON = click.option("--json", "as_json", is_flag=True, help="Machine-readable output (as the API returns it).")


def _page_options(default: int, what: str) -> Callable[[F], F]:
    """``--limit`` (default ``default``) and ``--offset`` options for a list of ``what``."""

    def wrap(func: F) -> F:
        func = click.option("--offset", type=int, default=0, help=f"Skip this many {what}.")(func)
        return click.option("--limit", type=int, default=default, show_default=True, help=f"{what.capitalize()} per page.")(func)
    return wrap


@main.command()
@db_option
@click.option("--actor", help="Actor: country code (CHN), name (China, Tiongkok, Joko Widodo) or KB id.")
@click.option("--recipient", help="Recipient: country code, name or KB id.")
@click.option("--type", "type", help="PLOVER event type (e.g. CONSULT).")
@click.option("--mode", help="PLOVER mode of the type (e.g. visit).")
@click.option("--quad", help="Quad class (VERBAL_COOPERATION, MATERIAL_CONFLICT...).")
@click.option("--from", "date_from", callback=parse_date, metavar="YYYY-MM-DD", help="Earliest event date.")
@click.option("--to", "date_to", callback=parse_date, metavar="YYYY-MM-DD", help="Latest event date.")
@click.option("--outlet", help="Only events reported by this outlet.")
@click.option("--language", metavar="CODE", help="Only events reported in this language.")
@click.option("--topic", help="Only events reported by articles of this topic.")
@click.option("--text", help="Words in the evidence sentence.")
@click.option("--story", help="Only events of this story id.")
@click.option("--sort", type=click.Choice(EVENT_SORTS), default="newest", show_default=True, help="Order.")
@click.option("--mentions", is_flag=True,
              help="List every article's events (one row per report) instead of chronicle events.")
@_page_options(50, "events")
@_JSON
def events(db: Path | None, mentions: bool, as_json: bool, **filters: Any) -> None:
    """List events, newest first, with filters: one row per happening (however many articles
    reported it), or with --mentions one row per article event."""
    query = EventQuery(**filters)
    kronik = session(db)
    page = kronik.event_mentions(query) if mentions else kronik.events(query)
    if as_json:
        echo_json(page)
        return
    click.echo(f"{page.total} event(s)")
    for ev in page.items:
        reports = (f"[{ev.num_articles} art., {ev.num_sources} src.]" if isinstance(ev, ChronicleEvent)
                   else f"[{ev.outlet or '-'}]")
        click.echo(f"{day(ev.date):10}  {event_line(ev)}  {reports} {ev.evidence[:80]}")


@main.command()
@click.argument("event_id")
@db_option
@_JSON
def event(event_id: str, db: Path | None, as_json: bool) -> None:
    """Show one chronicle event with every article that reports it."""
    detail = session(db).event(event_id)
    if as_json:
        echo_json(detail)
        return
    click.echo(f"{day(detail.date)}  {event_line(detail)}  ({detail.id}, {detail.num_articles} article(s),"
               f" {detail.num_sources} source(s))")
    for m in detail.mentions:
        click.echo(f"  {day(m.published):10}  {m.article_id}  [{m.outlet or '-'}] {m.evidence[:70]}")


@main.command()
@db_option
@click.option("--actor", help="Only stories with this participant (code, name or KB id).")
@_page_options(50, "stories")
@_JSON
def stories(db: Path | None, actor: str | None, limit: int, offset: int, as_json: bool) -> None:
    """List stories (events between the same participants over time), most recent first."""
    page = session(db).stories(StoryQuery(actor, limit, offset))
    if as_json:
        echo_json(page)
        return
    click.echo(f"{page.total} story(ies)")
    for st in page.items:
        span = f"{day(st.first_date)} → {day(st.last_date)}"
        click.echo(f"{st.id}  {st.title:<30} {st.num_events:>4} event(s)  {span}")


@main.command()
@click.argument("story_id")
@db_option
@_JSON
def story(story_id: str, db: Path | None, as_json: bool) -> None:
    """Show one story: its events over time and the articles that report them."""
    data = session(db).story(story_id)
    if as_json:
        echo_json(data)
        return
    click.echo(f"{data.title}  ({data.id}, {data.num_events} events, {day(data.first_date)} → {day(data.last_date)})")
    for ev in data.events:
        click.echo(f"  {day(ev.date):10}  {event_line(ev)}  [{ev.num_articles} art.] {ev.evidence[:70]}")
    click.echo("articles:")
    for art in data.articles:
        click.echo(f"  {day(art.published):10}  {art.id}  {art.title or '(untitled)'}")


@main.command()
@click.argument("article_id")
@db_option
@click.option("--limit", type=int, default=20, show_default=True, help="Most related articles shown.")
@_JSON
def related(article_id: str, db: Path | None, limit: int, as_json: bool) -> None:
    """Articles related to one: its copies, the same event, then the same story, with the reason."""
    found = session(db).related(article_id, limit)
    if as_json:
        echo_json(found)
        return
    click.echo(f"{len(found.items)} related article(s)")
    for item in found.items:
        click.echo(f"  {day(item.published):10}  {item.id}  {item.title or '(untitled)'}  — {item.reason}")


@main.command()
@click.argument("first")
@click.argument("second")
@db_option
@click.option("--from", "date_from", callback=parse_date, metavar="YYYY-MM-DD", help="Earliest event date.")
@click.option("--to", "date_to", callback=parse_date, metavar="YYYY-MM-DD", help="Latest event date.")
@_page_options(500, "events")
@_JSON
def timeline(first: str, second: str, db: Path | None, as_json: bool, **window: Any) -> None:
    """The relation timeline of two actors: events per month by quad class, mean intensity.

    FIRST and SECOND are country codes (CHN), names (China, Tiongkok, Joko Widodo) or KB ids.
    """
    line = session(db).timeline(TimelineQuery(first, second, **window))
    if as_json:
        echo_json(line)
        return
    click.echo(f"{line.a} – {line.b}: {line.total} event(s)")
    for point in line.months:
        click.echo(month_line(point))


@main.command()
@db_option
@click.option("--grain", type=click.Choice(GRAINS), help="Only countries, people, organisations, places or names.")
@click.option("--name", "q", help="Only actors whose name or key contains this.")
@_page_options(50, "actors")
@_JSON
def actors(db: Path | None, as_json: bool, **query: Any) -> None:
    """Actors taking part in chronicle events (countries, people, organisations), most active first."""
    page = session(db).actors(ActorQuery(**query))
    if as_json:
        echo_json(page)
        return
    click.echo(f"{page.total} actor(s)")
    for a in page.items:
        click.echo(f"  {a.key:<32} {a.name:<32} {a.grain:<12} {a.events:>5} event(s)")


@main.command()
@click.argument("name")
@db_option
@_JSON
def actor(name: str, db: Path | None, as_json: bool) -> None:
    """Look an actor up in the knowledge base: a code, a name in any language or a KB id."""
    found = session(db).actor(name)
    if as_json:
        echo_json(found)
        return
    for entry in [found.actor, *found.matches]:
        role = entry.role_at(date.today())
        click.echo(f"{entry.id:<36} {entry.name:<32} {entry.type:<7} {entry.country or '-':<4}"
                   f" {(role.title if role else None) or '-'}")
