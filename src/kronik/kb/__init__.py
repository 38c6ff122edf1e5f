"""The knowledge base of actors: countries, organisations, people with dated roles, companies.

PLACEHOLDER interface (to be filled by the entities work): ``KnowledgeBase.load(paths)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

__all__ = ["KnowledgeBase"]


class KnowledgeBase:
    """Actors and their names, indexed once for fast lookup."""

    @classmethod
    def load(cls, extra_paths: Iterable[Path] = ()) -> KnowledgeBase:
        return cls()
