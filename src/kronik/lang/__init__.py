"""Language resources as data: one folder per ISO 639-1 code (``id/``, ``en/``).

Each folder holds TOML or JSON files by concept (``boilerplate.toml``, ``abbreviations.toml``,
``dates.toml``, ``cues.toml``, ``triggers.toml``, ...). :class:`LanguagePack` loads a file the
first time a stage asks for it and keeps it; an engine keeps one pack per language.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from kronik.errors import ResourceError

__all__ = ["SUPPORTED_LANGUAGES", "LanguagePack", "coded_event_modes", "load_resource"]

SUPPORTED_LANGUAGES: tuple[str, ...] = ("id", "en")
FALLBACK_LANGUAGE = "en"


@dataclass(slots=True)
class LanguagePack:
    """The data files of one language, loaded on first use."""

    code: str
    _files: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, code: str) -> LanguagePack:
        """The pack for ``code``; languages without a folder fall back to English."""
        return cls(code if code in SUPPORTED_LANGUAGES else FALLBACK_LANGUAGE)

    def data(self, name: str) -> Any:
        """The parsed content of ``<code>/<name>.toml`` or ``<code>/<name>.json``."""
        if name not in self._files:
            self._files[name] = load_resource(self.code, name)
        return self._files[name]

    def has(self, name: str) -> bool:
        folder = resources.files("kronik.lang") / self.code
        return any((folder / f"{name}{ext}").is_file() for ext in (".toml", ".json"))


def load_resource(code: str, name: str) -> Any:
    """Parse ``kronik/lang/<code>/<name>.(toml|json)``; a clear error when absent or broken."""
    folder = resources.files("kronik.lang") / code
    for ext, parse in ((".toml", tomllib.loads), (".json", json.loads)):
        path = folder / f"{name}{ext}"
        if path.is_file():
            try:
                return parse(path.read_text(encoding="utf-8"))
            except (ValueError, tomllib.TOMLDecodeError) as exc:
                raise ResourceError(f"language resource {code}/{name}{ext} is corrupt: {exc}") from exc
    raise ResourceError(f"language resource {code}/{name} not found (.toml or .json)")


def coded_event_modes() -> list[tuple[str, str]]:
    """(PLOVER type, mode) of every event trigger of every supported language."""
    return [
        (entry["type"], entry["mode"])
        for code in SUPPORTED_LANGUAGES
        for entry in load_resource(code, "triggers")["trigger"]
        if entry.get("mode")
    ]
