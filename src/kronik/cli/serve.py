"""``kronik serve``: the REST API and the dashboard over a store."""

from __future__ import annotations

import os
from pathlib import Path

import click

from kronik.cli.base import build_settings, main


@main.command()
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite database file (default: the `db_path` setting, kronik.db).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="TCP port.")
@click.option("--token", envvar="KRONIK_TOKEN", help="Bearer token that allows writes (POST /api/articles);"
              " also read from $KRONIK_TOKEN. Without one the server is read-only.")
@click.option("--max-body", "max_body", type=int, default=5_000_000, show_default=True,
              help="Largest request body in bytes.")
def serve(db: Path | None, host: str, port: int, token: str | None, max_body: int) -> None:
    """Serve the REST API (/api, OpenAPI at /openapi.json) and the dashboard (/)."""
    import uvicorn

    from kronik.api import ApiOptions, create_app

    settings = build_settings(no_progress=True)
    options = ApiOptions(db or settings.db_path, token=token or os.environ.get("KRONIK_TOKEN"),
                         settings=settings, max_body_bytes=max_body)
    app = create_app(options)
    mode = "read-write (token set)" if options.token else "read-only"
    click.echo(f"kronik serving {options.db_path} on http://{host}:{port}/ ({mode})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
