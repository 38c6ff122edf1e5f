"""The engine: builds a pipeline of named stages from one Settings object and runs articles.

::

    engine = Engine(Settings())
    article = engine.analyze(RawArticle(content=text))
    for result in engine.analyze_many(raw_articles):   # a bad article never stops the batch
        ...
    timings = StageTimings()
    engine.analyze(raw, on_stage=timings)               # seconds per stage (``kronik bench``)

Building the pipeline checks that every stage's ``requires`` is assigned by an earlier stage
(or is a field ingest always provides).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from kronik.config import Settings
from kronik.errors import (
    InputError,
    KronikError,
    PipelineError,
    StageError,
    StageOrderError,
    UnknownStageError,
)
from kronik.model import Article, RawArticle
from kronik.stages import BUILTIN_STAGES, Resources, Stage, StageContext, StageFactory, load_factory

__all__ = ["Engine", "Failure", "Result", "StageHook", "StageTimings"]

#: Fields an article has before any stage runs.
PROVIDED_BY_INGEST: frozenset[str] = frozenset({"raw", "source"})


@dataclass(slots=True)
class Failure:
    """An article that could not be analysed, and why."""

    path: str | None
    error: KronikError

    @property
    def reason(self) -> str:
        return str(self.error)


@dataclass(slots=True)
class Result:
    """The outcome for one input: an article or a failure."""

    article: Article | None = None
    failure: Failure | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


#: Called after each stage with the stage's name and the seconds it took.
StageHook = Callable[[str, float], None]


@dataclass(slots=True)
class StageTimings:
    """A stage hook that adds up the seconds spent in each stage, in pipeline order."""

    seconds: dict[str, float] = field(default_factory=dict)

    def __call__(self, stage: str, elapsed: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + elapsed


class Engine:
    """Registry of stages plus the pipeline built from ``settings.pipeline``."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.resources = Resources(self.settings)
        self._factories: dict[str, StageFactory | str] = dict(BUILTIN_STAGES)
        self._pipeline: list[Stage] | None = None

    # -- registry ---------------------------------------------------------------------------
    def register(self, name: str, factory: StageFactory) -> None:
        """Add or replace a stage by name (before the pipeline is first built)."""
        self._factories[name] = factory
        self._pipeline = None

    @property
    def stage_names(self) -> list[str]:
        return sorted(self._factories)

    @property
    def pipeline(self) -> list[Stage]:
        """The stages in order, built and checked on first use."""
        if self._pipeline is None:
            self._pipeline = self._build(self.settings.pipeline)
        return self._pipeline

    def _build(self, names: Iterable[str]) -> list[Stage]:
        context = StageContext(self.settings, self.resources)
        available = set(PROVIDED_BY_INGEST)
        stages: list[Stage] = []
        for name in names:
            target = self._factories.get(name)
            if target is None:
                known = ", ".join(self.stage_names)
                raise UnknownStageError(f"unknown stage {name!r}; known stages: {known}")
            try:
                factory = load_factory(target) if isinstance(target, str) else target
                stage = factory(context)
            except KronikError:
                raise
            except Exception as exc:  # a missing resource, a broken plug-in
                raise PipelineError(f"stage {name!r} could not be built: {type(exc).__name__}: {exc}") from exc
            missing = [f for f in stage.requires if f not in available]
            if missing:
                raise StageOrderError(
                    f"stage {name!r} requires {', '.join(missing)}, "
                    "which no earlier stage assigns; reorder the pipeline"
                )
            available.update(stage.assigns)
            stages.append(stage)
        return stages

    # -- running ----------------------------------------------------------------------------
    def prepare(self, raw: RawArticle) -> Article:
        """A fresh article for ``raw``, with the settings' overrides applied."""
        s = self.settings
        if s.outlet:
            raw.source.outlet = s.outlet
        if s.published:
            raw.published = s.published
        if s.language:
            raw.language = s.language
        return Article(raw=raw, source=raw.source)

    def analyze(self, raw: RawArticle, *, on_stage: StageHook | None = None) -> Article:
        """Run every stage on one article; raises :class:`StageError` on a stage failure.

        ``on_stage`` (e.g. a :class:`StageTimings`) hears how long each stage took.
        """
        article = self.prepare(raw)
        for stage in self.pipeline:
            started = time.perf_counter() if on_stage else 0.0
            try:
                article = stage(article)
            except KronikError:
                raise
            except Exception as exc:  # a bug or bad input inside a stage: wrap, name the file
                raise StageError(stage.name, exc, path=raw.source.path) from exc
            if on_stage:
                on_stage(stage.name, time.perf_counter() - started)
        return article

    def analyze_many(
        self, items: Iterable[RawArticle | InputError], *, on_stage: StageHook | None = None
    ) -> Iterator[Result]:
        """Analyse a stream; input errors and stage failures become :class:`Failure` results.

        With ``settings.fail_fast`` the first failure is raised instead.
        """
        for item in items:
            if isinstance(item, InputError):
                if self.settings.fail_fast:
                    raise item
                yield Result(failure=Failure(item.path, item))
                continue
            try:
                yield Result(article=self.analyze(item, on_stage=on_stage))
            except KronikError as exc:
                if self.settings.fail_fast:
                    raise
                yield Result(failure=Failure(item.source.path, exc))
