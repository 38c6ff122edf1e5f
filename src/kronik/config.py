"""One settings object for the whole engine: defaults, then a user TOML file, then environment.

Precedence (last wins): built-in defaults → ``$KRONIK_CONFIG`` or ``~/.config/kronik/config.toml``
→ ``KRONIK_*`` environment variables → explicit overrides (command-line options).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kronik.errors import ConfigError

__all__ = ["DEFAULT_PIPELINE", "Settings"]

DEFAULT_PIPELINE: tuple[str, ...] = (
    "clean",
    "language",
    "sentences",
    "entities",
    "dates",
    "figures",
    "quotes",
    "topic",
    "events",
)

_ENV_PREFIX = "KRONIK_"


@dataclass(slots=True, frozen=True)
class Settings:
    """Everything configurable, validated on construction.

    ``published``, ``outlet`` and ``language`` override what each article says of itself.
    """

    pipeline: tuple[str, ...] = DEFAULT_PIPELINE
    published: date | None = None
    outlet: str | None = None
    language: str | None = None
    languages: tuple[str, ...] = ("id", "en")
    kb_paths: tuple[Path, ...] = ()
    db_path: Path = Path("kronik.db")
    max_input_bytes: int = 20_000_000
    max_text_chars: int = 2_000_000
    fail_fast: bool = False
    progress: bool = True
    dedup_threshold: float = 0.8
    event_window_days: int = 3
    story_gap_days: int = 1830
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.pipeline:
            raise ConfigError("pipeline: at least one stage is needed")
        if self.max_input_bytes <= 0:
            raise ConfigError("max_input_bytes must be positive")
        if self.max_text_chars <= 0:
            raise ConfigError("max_text_chars must be positive")
        if self.language is not None and not (len(self.language) == 2 and self.language.isalpha()):
            raise ConfigError(f"language must be an ISO 639-1 code, got {self.language!r}")
        if not 0.0 < self.dedup_threshold <= 1.0:
            raise ConfigError("dedup_threshold must be in (0, 1]")
        if self.event_window_days < 0:
            raise ConfigError("event_window_days must not be negative")
        if self.story_gap_days < 0:
            raise ConfigError("story_gap_days must not be negative")

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed (``None`` values leave a field as it is)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def load(
        cls,
        config_file: Path | None = None,
        environ: dict[str, str] | None = None,
        **overrides: Any,
    ) -> Settings:
        """Defaults, then the user file, then ``KRONIK_*`` variables, then ``overrides``."""
        env = dict(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        path = config_file or _default_config_file(env)
        if path is not None and path.exists():
            try:
                values.update(tomllib.loads(path.read_text(encoding="utf-8")))
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{path}: cannot read config file: {exc}") from exc
        for name in _field_names():
            key = _ENV_PREFIX + name.upper()
            if key in env:
                values[name] = env[key]
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - set(_field_names())
        if unknown:
            raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}")
        return cls(**{k: _coerce(k, v) for k, v in values.items()})


def _default_config_file(env: dict[str, str]) -> Path | None:
    if "KRONIK_CONFIG" in env:
        return Path(env["KRONIK_CONFIG"])
    home = env.get("HOME")
    return Path(home) / ".config" / "kronik" / "config.toml" if home else None


def _field_names() -> list[str]:
    return [f.name for f in dataclasses.fields(Settings)]


def _coerce(name: str, value: Any) -> Any:
    """Turn file/environment values into the field's type, with a clear error."""
    try:
        if name in ("pipeline", "languages"):
            items = value.split(",") if isinstance(value, str) else list(value)
            return tuple(str(x).strip() for x in items if str(x).strip())
        if name == "kb_paths":
            items = value.split(os.pathsep) if isinstance(value, str) else list(value)
            return tuple(Path(x) for x in items if str(x))
        if name == "db_path":
            return Path(value)
        if name == "published":
            return value if isinstance(value, date) or value is None else date.fromisoformat(value)
        if name in ("max_input_bytes", "max_text_chars", "event_window_days", "story_gap_days"):
            return int(value)
        if name == "dedup_threshold":
            return float(value)
        if name in ("fail_fast", "progress"):
            if isinstance(value, str):
                return value.strip().lower() in ("1", "true", "yes", "on")
            return bool(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name}: invalid value {value!r}: {exc}") from exc
    return value
