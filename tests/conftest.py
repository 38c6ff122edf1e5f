"""Shared fixtures: the engine, fixture paths and the shared gold data (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronik import Engine, Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SEEDS = SHARED / "seeds"


def shared_path(relative: str) -> Path:
    """A path under ../shared, or skip the test with the reason."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"gold data {path} is absent (clone without ../shared)")
    return path


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(Settings(progress=False))


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    folder = shared_path("seeds")
    return sorted(folder.glob("*.txt"))
