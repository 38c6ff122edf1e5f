"""Shared fixtures: the engine, fixture paths and the shared gold data (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kronik import Engine, Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples" / "corpus"


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


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from the team's example corpus (shared by the API, browser and faces tests)."""
    from kronik.cli import main

    db = tmp_path_factory.mktemp("examples") / "examples.db"
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", str(db), "--no-progress"])
    assert result.exit_code == 0, result.output
    return db
