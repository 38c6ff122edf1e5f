"""The built-in pipeline stages, by name.

Each entry maps a stage name to ``"module:Class"``; the class is imported only when an engine
builds a pipeline that uses it, so ``import kronik`` stays cheap. An engine copies this table into
its own registry, where users may add or replace stages (:meth:`kronik.engine.Engine.register`).
"""

from __future__ import annotations

import importlib

from kronik.stages.base import Resources, Stage, StageContext, StageFactory

__all__ = ["BUILTIN_STAGES", "Resources", "Stage", "StageContext", "StageFactory", "load_factory"]

BUILTIN_STAGES: dict[str, str] = {
    "clean": "kronik.stages.clean:CleanStage",
    "language": "kronik.stages.language:LanguageStage",
    "sentences": "kronik.stages.sentences:SentenceStage",
    "entities": "kronik.stages.entities:EntityStage",
    "dates": "kronik.stages.dates:DateStage",
    "figures": "kronik.stages.figures:FigureStage",
    "quotes": "kronik.stages.quotes:QuoteStage",
    "topic": "kronik.stages.topic:TopicStage",
    "events": "kronik.stages.events:EventStage",
}


def load_factory(target: str) -> StageFactory:
    """Import ``"module:Class"`` and return the class (a stage factory)."""
    module_name, _, attr = target.partition(":")
    factory: StageFactory = getattr(importlib.import_module(module_name), attr)
    return factory
