"""The ``kronik`` command: thin over library calls.

Commands are grouped by concept in sibling modules, each adding itself to :data:`main`:
``analyze`` (this module), ``eval``/``bench``/``train`` (:mod:`kronik.cli.quality`),
the chronicle over the store (:mod:`kronik.cli.chronicle`) and ``serve`` (:mod:`kronik.cli.serve`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

from kronik import __version__
from kronik.config import Settings
from kronik.engine import Engine, Failure, Result
from kronik.errors import KronikError
from kronik.ingest import read_inputs
from kronik.model import Article

__all__ = ["main"]


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from exc


def settings_options(func: Any) -> Any:
    """The options every analysing command shares, folded into one Settings object."""
    options = [
        click.option("--published", callback=_parse_date, metavar="YYYY-MM-DD",
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


def run_batch(engine: Engine, paths: tuple[str, ...], label: str = "analysing") -> Iterator[Result]:
    """Analyse every input under ``paths``, with a progress bar on a terminal."""
    results = engine.analyze_many(read_inputs(paths or ("-",), max_bytes=engine.settings.max_input_bytes))
    if not engine.settings.progress:
        yield from results
        return
    from tqdm import tqdm

    yield from tqdm(results, desc=label, unit=" articles", file=sys.stderr)


def report_failures(failures: list[Failure], total: int) -> None:
    """Print every failed article with its reason, then exit 1 if any failed."""
    if not failures:
        return
    click.echo(f"\n{len(failures)} of {total} article(s) failed:", err=True)
    for failure in failures:
        click.echo(f"  {failure.reason}", err=True)
    sys.exit(1)


class _Group(click.Group):
    """The command group; a KronikError anywhere becomes a one-line message and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
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


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="json",
              show_default=True, help="json: one object (a list for many); jsonl: one per line; text: summary.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of stdout.")
@click.option("--dask", "dask_scheduler", metavar="SCHEDULER",
              help="Run on Dask: processes, threads, or a cluster address tcp://host:8786.")
@settings_options
def analyze(paths: tuple[str, ...], fmt: str, output: Any, dask_scheduler: str | None, **options: Any) -> None:
    """Analyse articles and print the article contract.

    PATHS are text or HTML files, JSON Lines files (one article per line with `text` or `html`,
    optional `title`, `url`, `published`, `outlet`), directories (recursive), or `-` for stdin.
    """
    settings = build_settings(**options)
    failures: list[Failure] = []
    articles: list[dict[str, Any]] = []
    total = 0
    for path, article, failure in _analysed(settings, paths, dask_scheduler):
        total += 1
        if failure is not None:
            failures.append(Failure(path, failure))
            continue
        assert article is not None
        if fmt == "jsonl":
            output.write(json.dumps(article, ensure_ascii=False) + "\n")
        elif fmt == "text":
            output.write(summarise(Article.from_dict(article)) + "\n")
        else:
            articles.append(article)
    if fmt == "json" and articles:
        payload: Any = articles[0] if len(articles) == 1 else articles
        output.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    report_failures(failures, total)


def _analysed(
    settings: Settings, paths: tuple[str, ...], dask_scheduler: str | None
) -> Iterator[tuple[str | None, dict[str, Any] | None, KronikError | None]]:
    """(path, article contract, error) for every input, in-process or on Dask."""
    if dask_scheduler:
        from kronik.distributed import analyze_distributed

        for outcome in analyze_distributed(paths or (".",), settings, scheduler=dask_scheduler):
            error = None if outcome.ok else KronikError(outcome.error or "failed")
            yield outcome.path, outcome.article, error
        return
    for result in run_batch(Engine(settings), paths):
        if result.failure is not None:
            yield result.failure.path, None, result.failure.error
        else:
            assert result.article is not None
            yield result.article.source.path, result.article.to_dict(), None


def summarise(article: Article) -> str:
    """A human summary of one analysed article."""
    lines = [
        f"== {article.title or '(untitled)'}  [{article.id}]",
        f"   source: {article.source.path or '-'}  outlet: {article.source.outlet or '-'}  "
        f"language: {article.language or '-'}  published: {article.published or '-'}"
        + (f" ({article.published_source})" if article.published_source else ""),
    ]
    if article.dateline:
        lines.append(f"   dateline: {article.dateline.place or '-'} / {article.dateline.outlet or '-'}")
    lines.append(
        f"   {len(article.text)} chars, {len(article.sentences)} sentences, "
        f"{len(article.removed)} removed, {len(article.links)} links"
    )
    if article.entities:
        names = ", ".join(f"{e.name} ({e.type}{'/' + e.country if e.country else ''})" for e in article.entities[:12])
        lines.append(f"   entities: {names}")
    for d in article.dates[:8]:
        lines.append(f"   date: {d.text!r} → {d.value}" + (f"..{d.end_value}" if d.end_value else ""))
    for f in article.figures[:8]:
        lines.append(f"   figure: {f.text!r} = {f.value:g} {f.unit or ''}".rstrip())
    for q in article.quotes[:8]:
        lines.append(f"   quote: {q.speaker or '?'}: {q.text[:70]!r}")
    for ev in article.events[:12]:
        who = "+".join(a.country or a.name for a in ev.actors) or "?"
        whom = "+".join(a.country or a.name for a in ev.recipients) or "-"
        lines.append(f"   event: {ev.type}/{ev.mode or '-'} {who} → {whom} on {ev.date or '?'}: {ev.evidence[:60]!r}")
    for r in article.removed:
        lines.append(f"   removed [{r.reason}]: {r.text[:70]!r}")
    return "\n".join(lines)


# Command groups in sibling modules register themselves on import.
from kronik.cli import chronicle, quality, serve  # noqa: E402,F401
