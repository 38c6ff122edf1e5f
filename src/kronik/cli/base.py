"""The command group and what its commands share: options, the service session, progress,
failure reports, and the exit statuses (a :class:`~kronik.errors.QueryError` exits 2, any other
:class:`~kronik.errors.KronikError` 1)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from kronik import __version__
from kronik.config import Settings
from kronik.engine import Failure
from kronik.errors import KronikError, QueryError
from kronik.service import Kronik

__all__ = ["build_settings", "db_option", "main", "parse_date", "report_failures", "session",
           "settings_options", "with_progress"]

T = TypeVar("T")


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from exc


def settings_options(func: Any) -> Any:
    """The options every analysing command shares, folded into one Settings object."""
    options = [
        click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
                     help="Reference/publication date for every article (resolves relative dates)."),
        click.option("--outlet", metavar="NAME", help="Outlet name for every article."),
        click.option("--language", metavar="CODE", help="Force the language (ISO 639-1), skip detection."),
        click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                     help="Settings file (TOML); default $KRONIK_CONFIG or ~/.config/kronik/config.toml."),
        click.option("--fail-fast", is_flag=True, default=None, help="Stop at the first bad article."),
        click.option("--no-progress", "no_progress", is_flag=True, help="Hide the progress bar."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def db_option(func: Any) -> Any:
    return click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path),
                        help="SQLite database file (default: the `db_path` setting, kronik.db).")(func)


def build_settings(**kw: Any) -> Settings:
    """Settings from the shared options (``None`` leaves the file/env/default value)."""
    no_progress = kw.pop("no_progress", False)
    config_file = kw.pop("config_file", None)
    try:
        settings = Settings.load(config_file, **{k: v for k, v in kw.items() if v is not None})
    except KronikError as exc:
        raise click.UsageError(str(exc)) from exc
    if no_progress or not sys.stderr.isatty():
        settings = settings.replace(progress=False)
    return settings


def session(db: Path | None = None, **options: Any) -> Kronik:
    """The service session of one command: its settings read once, its database."""
    settings = build_settings(**options)
    return Kronik(settings, db_path=db or settings.db_path)


def with_progress(kronik: Kronik, items: Iterable[T], label: str) -> Iterator[T]:
    """``items`` with a progress bar on a terminal (unless the settings hide it)."""
    if not kronik.settings.progress:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=label, unit=" articles", file=sys.stderr)


def report_failures(failures: list[Failure], total: int) -> None:
    """Print every failed article with its reason, then exit 1 if any failed."""
    if not failures:
        return
    click.echo(f"\n{len(failures)} of {total} article(s) failed:", err=True)
    for failure in failures:
        click.echo(f"  {failure.reason}", err=True)
    sys.exit(1)


class QueryFailed(click.ClickException):
    """A query naming something unknown: the message lists the valid values; exit status 2."""

    exit_code = 2


class _Group(click.Group):
    """The command group: a QueryError exits 2, any other KronikError 1, with a one-line message."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except QueryError as exc:
            raise QueryFailed(str(exc)) from exc
        except KronikError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kronik")
def main() -> None:
    """kronik: news in, chronicle out.

    Turns raw news articles (Indonesian first, English too) into structured, auditable knowledge:
    clean text, entities, dates, quotes, figures and PLOVER events with evidence; and a corpus of
    them into a chronicle of events, stories and relation timelines, stored in SQLite.
    """
