"""``kronik eval STAGE``: one module per stage, each reading its gold format.

Each module exposes ``evaluate(data: Path, engine: Engine, *, limit: int | None = None) -> dict``
returning a JSON-ready dict whose top-level keys include ``precision``, ``recall`` and ``f1`` for
the stage's headline metric, plus its own keys. Floors that CI enforces live in ``floors.toml``.
"""

from __future__ import annotations

import importlib
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from kronik.engine import Engine
from kronik.errors import EvaluationError

__all__ = ["DEFAULT_DATA", "EVALUATORS", "evaluate", "floors"]

#: stage name → module under ``kronik.evaluation``
EVALUATORS: dict[str, str] = {
    "boilerplate": "kronik.evaluation.boilerplate",
    "ner": "kronik.evaluation.ner",
    "dates": "kronik.evaluation.dates",
    "quotes": "kronik.evaluation.quotes",
    "events": "kronik.evaluation.events",
    "events-id": "kronik.evaluation.events_id",
    "dates-id": "kronik.evaluation.dates_id",
    "published": "kronik.evaluation.published",
    "clusters": "kronik.evaluation.clusters",
    "topics": "kronik.evaluation.topics",
}

#: Default gold data per stage, relative to the project root (``../shared/data``).
DEFAULT_DATA: dict[str, str] = {
    "boilerplate": "../shared/data/article-extraction-benchmark",
    "ner": "../shared/data/idner-news-2k/dev.txt",
    "dates": "../shared/data/pfsa-id/dev-40.txt",
    "quotes": "../shared/data/pfsa-id/dev-40.txt",
    "events": "../shared/data/plover/PLOVER_GSR_CAMEO.txt",
    "events-id": "../shared/data/id-events/pfsa-dev-32.json",
    "dates-id": "../shared/data/id-events/pfsa-dev-32.json",
    "published": "../shared/data/indosum",
    "clusters": "../shared/data/ecbplus/ECB+",
    "topics": "../shared/data/indosum",
}


class _Evaluator(Protocol):
    def evaluate(self, data: Path, engine: Engine, *, limit: int | None = None) -> dict[str, Any]: ...


def evaluate(stage: str, data: Path, engine: Engine, *, limit: int | None = None) -> dict[str, Any]:
    """Run the evaluation of ``stage`` on ``data`` and return its metrics."""
    if stage not in EVALUATORS:
        raise EvaluationError(f"no evaluation for {stage!r}; known: {', '.join(EVALUATORS)}")
    if not data.exists():
        raise EvaluationError(f"{data}: gold data not found")
    module: Any = importlib.import_module(EVALUATORS[stage])
    result: dict[str, Any] = module.evaluate(data, engine, limit=limit)
    result.setdefault("stage", stage)
    result.setdefault("data", str(data))
    return result


def floors() -> dict[str, dict[str, float]]:
    """The pinned minimum of each stage's metrics (``floors.toml``)."""
    text = (resources.files("kronik.evaluation") / "floors.toml").read_text(encoding="utf-8")
    return {k: dict(v) for k, v in tomllib.loads(text).items()}
