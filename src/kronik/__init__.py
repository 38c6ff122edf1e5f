"""kronik: news in, chronicle out.

An offline, Indonesian-first engine that turns raw news articles into structured, auditable
knowledge (clean text, entities, dates, quotes, figures, PLOVER events with evidence), and a
corpus of them into a chronicle (duplicates, events across outlets, stories, timelines).

>>> from kronik import Engine, Settings, RawArticle
>>> engine = Engine(Settings())
>>> article = engine.analyze(RawArticle(content="..."))   # doctest: +SKIP
"""

from __future__ import annotations

from kronik.config import Settings
from kronik.engine import Engine, Failure, Result
from kronik.errors import InputError, KronikError
from kronik.model import Article, RawArticle, Source

__all__ = [
    "Article",
    "Engine",
    "Failure",
    "InputError",
    "KronikError",
    "RawArticle",
    "Result",
    "Settings",
    "Source",
    "__version__",
]

__version__ = "0.1.0"
