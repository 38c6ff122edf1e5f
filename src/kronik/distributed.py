"""Analyse corpora beyond one process with Dask.

Input files are split into partitions; each partition builds one :class:`~kronik.engine.Engine`
(resources loaded once per partition, never per article) and returns article contracts and
failures. Partitions are computed a few at a time so memory stays bounded however large the
corpus. ``scheduler`` is ``"processes"``, ``"threads"``, ``"synchronous"`` or the address of a
``dask.distributed`` scheduler (``tcp://host:8786``) for a cluster.

::

    for outcome in analyze_distributed(["corpus/"], Settings(), scheduler="processes"):
        if outcome.ok: ...
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kronik.config import Settings
from kronik.engine import Engine
from kronik.errors import ConfigError
from kronik.ingest import iter_files, read_path

__all__ = ["Outcome", "analyze_distributed", "list_input_files"]


@dataclass(slots=True)
class Outcome:
    """One article's result as it comes back from a worker (plain data, picklable)."""

    path: str | None
    article: dict[str, Any] | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


def list_input_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files under ``paths`` (directories recursively), in a stable order."""
    files: list[Path] = []
    for item in paths:
        path = Path(item)
        files.extend(iter_files(path) if path.is_dir() else [path])
    return files


def analyze_partition(files: Sequence[Path], settings: Settings) -> list[Outcome]:
    """Analyse every article in ``files`` with one engine (runs on a worker)."""
    engine = Engine(settings.replace(progress=False))
    outcomes: list[Outcome] = []
    for file in files:
        items = read_path(file, max_bytes=settings.max_input_bytes)
        for result in engine.analyze_many(items):
            if result.article is not None:
                outcomes.append(Outcome(result.article.source.path, article=result.article.to_dict()))
            elif result.failure is not None:
                outcomes.append(Outcome(result.failure.path, error=result.failure.reason))
    return outcomes


def analyze_distributed(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings,
    *,
    scheduler: str = "processes",
    files_per_partition: int = 32,
    partitions_in_flight: int | None = None,
) -> Iterator[Outcome]:
    """Analyse every article under ``paths`` on Dask, yielding outcomes partition by partition."""
    try:
        import dask
    except ImportError as exc:  # pragma: no cover - dask is an optional extra
        raise ConfigError("the Dask engine needs `pip install kronik[dask]`") from exc
    if files_per_partition <= 0:
        raise ConfigError("files_per_partition must be positive")
    files = list_input_files(paths)
    chunks = [files[i : i + files_per_partition] for i in range(0, len(files), files_per_partition)]
    client = _client(scheduler)
    in_flight = partitions_in_flight or 2 * (os.cpu_count() or 2)
    delayed: Any = getattr(dask, "delayed")  # noqa: B009 - dask re-exports it untyped
    compute: Any = getattr(dask, "compute")  # noqa: B009
    task = delayed(analyze_partition, pure=False)
    try:
        for start in range(0, len(chunks), in_flight):
            batch = [task(chunk, settings) for chunk in chunks[start : start + in_flight]]
            if client is not None:
                results = client.compute(batch, sync=True)
            else:
                results = compute(*batch, scheduler=scheduler)
            for outcomes in results:
                yield from outcomes
    finally:
        if client is not None:
            client.close()


def _client(scheduler: str) -> Any:
    """A distributed client for an address; ``None`` for the local schedulers."""
    if scheduler in ("processes", "threads", "synchronous", "sync", "single-threaded"):
        return None
    if "://" not in scheduler:
        raise ConfigError(
            f"unknown Dask scheduler {scheduler!r}: use processes, threads, synchronous or tcp://host:port"
        )
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover
        raise ConfigError("a cluster address needs `pip install distributed`") from exc
    return Client(scheduler)
