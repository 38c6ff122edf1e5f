"""One language's resources: its data files, words, morphology and the languages it reads."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from kronik.errors import ResourceError
from kronik.lang.morphology import Morphology

__all__ = ["LanguagePack", "read_resource"]


def read_resource(folder: str, name: str) -> Any:
    """Parse ``kronik/lang/<folder>/<name>.(toml|json)``; a clear error when absent or broken."""
    base = resources.files("kronik.lang") / folder
    for ext, parse in ((".toml", tomllib.loads), (".json", json.loads)):
        path = base / f"{name}{ext}"
        if path.is_file():
            try:
                return parse(path.read_text(encoding="utf-8"))
            except (ValueError, tomllib.TOMLDecodeError) as exc:
                raise ResourceError(f"language resource {folder}/{name}{ext} is corrupt: {exc}") from exc
    raise ResourceError(f"language resource {folder}/{name} not found (.toml or .json)")


@dataclass(slots=True)
class LanguagePack:
    """The data files of one language (``lang/<code>/``), each parsed on first use and kept.

    ``reads``: other languages read with this pack (the family rule: ms, jv, su → id).
    """

    code: str
    name: str
    reads: frozenset[str]
    morphology: Morphology
    connectors: tuple[str, ...]
    _files: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, code: str) -> LanguagePack:
        """The pack of ``lang/<code>/``, described by its ``language.toml``."""
        about = read_resource(code, "language")
        morphology = about.get("morphology", {})
        try:
            return cls(
                code=code, name=str(about["name"]), reads=frozenset(about.get("reads", [])),
                morphology=Morphology(tuple(morphology.get("enclitics", [])), morphology.get("inflection", "none")),
                connectors=tuple(about.get("words", {}).get("connectors", [])),
            )
        except KeyError as exc:
            raise ResourceError(f"language resource {code}/language.toml lacks {exc}") from exc

    def data(self, name: str) -> Any:
        """The parsed content of ``<code>/<name>.toml`` (or ``.json``)."""
        if name not in self._files:
            self._files[name] = read_resource(self.code, name)
        return self._files[name]

    def has(self, name: str) -> bool:
        """Whether the pack has a ``<name>`` resource file."""
        folder = resources.files("kronik.lang") / self.code
        return any((folder / f"{name}{ext}").is_file() for ext in (".toml", ".json"))

    def words(self, name: str, key: str) -> frozenset[str]:
        """The word list ``key`` of resource ``name``, case-folded (empty when the key is absent)."""
        return frozenset(str(w).casefold() for w in self.data(name).get(key, []))

    @property
    def stopwords(self) -> frozenset[str]:
        """Function words that never start a name ("pada", "namun", "the"; ``entities.toml``)."""
        return self.words("entities", "stopwords")

    @property
    def term_stopwords(self) -> frozenset[str]:
        """Words that tell nothing of a text's subject (``terms.toml``), with :attr:`stopwords`."""
        return self.words("terms", "stopwords") | self.stopwords
