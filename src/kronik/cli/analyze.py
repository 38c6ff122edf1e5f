"""``kronik analyze``: articles in, the article contract out (in a registered output format)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

import click

from kronik.cli.base import main, report_failures, session, settings_options, with_progress
from kronik.engine import Failure
from kronik.formats import formats_for, output_format
from kronik.model import Article


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(formats_for("documents")), default="json",
              show_default=True, help="json: one object (a list for many); jsonl: one per line; text: summary.")
@click.option("-o", "--output", type=click.File("wb"), default="-", help="Write here instead of stdout.")
@click.option("--dask", "dask_scheduler", metavar="SCHEDULER",
              help="Run on Dask: processes, threads, or a cluster address tcp://host:8786.")
@settings_options
def analyze(paths: tuple[str, ...], fmt: str, output: BinaryIO, dask_scheduler: str | None, **options: Any) -> None:
    """Analyse articles and print the article contract.

    PATHS are text or HTML files, JSON Lines files (one article per line with `text` or `html`,
    optional `title`, `url`, `published`, `outlet`), directories (recursive), or `-` for stdin.
    """
    kronik = session(**options)
    failures: list[Failure] = []
    total = 0

    def articles() -> Iterator[Article]:
        nonlocal total
        results = kronik.analyze_paths(paths, scheduler=dask_scheduler)
        for result in with_progress(kronik, results, "analysing"):
            total += 1
            if result.failure is not None:
                failures.append(result.failure)
            elif result.article is not None:
                yield result.article

    output_format(fmt, "documents").write(articles(), output, "documents")
    report_failures(failures, total)
