"""The ``kronik`` command: parse the command line, call the service, render what it returns.

The group and its shared options are in :mod:`kronik.cli.base`; commands are grouped by concept in
sibling modules that add themselves to :data:`main` when imported here: ``analyze``
(:mod:`kronik.cli.analyze`), ``ingest``/``show``/``articles``/``export`` (:mod:`kronik.cli.store`),
the chronicle's reads (:mod:`kronik.cli.chronicle`), ``eval``/``bench``/``train``
(:mod:`kronik.cli.quality`) and ``serve`` (:mod:`kronik.cli.serve`).
"""

from kronik.cli import analyze, chronicle, quality, serve, store  # noqa: F401 - they register commands
from kronik.cli.base import main

__all__ = ["main"]
