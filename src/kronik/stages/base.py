"""What a pipeline stage is, and the shared resources stages draw on.

A stage is a small object with a ``name``, the article fields it ``requires`` and those it
``assigns``, and ``__call__(article) -> article``. Stages are built by a factory that receives a
:class:`StageContext`: the settings and the engine's :class:`Resources` (knowledge base, language
packs), each loaded once per engine and shared by every stage. Language resources come through one
door: ``resources.pack(article.language)`` (the family rule applied: ms, jv, su → id) or, for what
is merged across languages, ``resources.languages.all()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from kronik.config import Settings
from kronik.model import Article

if TYPE_CHECKING:
    from kronik.kb import KnowledgeBase
    from kronik.lang import LanguagePack, Languages

__all__ = ["Resources", "Stage", "StageContext", "StageFactory"]


@runtime_checkable
class Stage(Protocol):
    """One named step of the pipeline."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, article: Article) -> Article: ...


@dataclass(slots=True)
class Resources:
    """Heavy shared resources, loaded lazily once per engine (never at import time)."""

    settings: Settings
    _kb: KnowledgeBase | None = None
    _languages: Languages | None = None
    _cache: dict[str, Any] = field(default_factory=dict)

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base (built-in data plus ``settings.kb_paths``)."""
        if self._kb is None:
            from kronik.kb import KnowledgeBase

            self._kb = KnowledgeBase.load(self.settings.kb_paths)
        return self._kb

    @property
    def languages(self) -> Languages:
        """Every language pack (``lang/languages.toml``)."""
        if self._languages is None:
            from kronik.lang import Languages

            self._languages = Languages.load()
        return self._languages

    def pack(self, language: str | None) -> LanguagePack:
        """The pack that reads ``language`` (an ISO 639-1 code): its own, its family's (ms, jv,
        su → id), else the fallback (en)."""
        return self.languages.pack(language)

    def cached(self, key: str, build: Callable[[], Any]) -> Any:
        """Any other resource, built once per engine under ``key``."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]


@dataclass(slots=True, frozen=True)
class StageContext:
    """What a stage factory receives."""

    settings: Settings
    resources: Resources


StageFactory = Callable[[StageContext], Stage]
