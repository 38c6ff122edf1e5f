from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kronik import Settings
from kronik.errors import ConfigError


def test_defaults_file_env_overrides(tmp_path: Path) -> None:
    cfg = tmp_path / "k.toml"
    cfg.write_text('outlet = "FromFile"\nmax_input_bytes = 1000\npipeline = ["clean", "language"]\n')
    env = {"KRONIK_MAX_INPUT_BYTES": "2000", "KRONIK_PUBLISHED": "2023-03-20"}
    s = Settings.load(cfg, environ=env, language="id")
    assert s.outlet == "FromFile"
    assert s.max_input_bytes == 2000
    assert s.published == date(2023, 3, 20)
    assert s.pipeline == ("clean", "language")
    assert s.language == "id"


def test_invalid_values_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="max_input_bytes"):
        Settings.load(None, environ={"KRONIK_MAX_INPUT_BYTES": "lots"})
    with pytest.raises(ConfigError, match="unknown settings"):
        Settings.load(None, environ={}, colour="red")
    bad = tmp_path / "bad.toml"
    bad.write_text("this is = = not toml")
    with pytest.raises(ConfigError, match=str(bad)):
        Settings.load(bad, environ={})
    with pytest.raises(ConfigError):
        Settings(language="indonesian")
