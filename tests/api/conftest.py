"""A store built from the team's example corpus, shared by the API and browser tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kronik.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("api") / "examples.db"
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", str(db), "--no-progress"])
    assert result.exit_code == 0, result.output
    return db
