"""The language door: which packs exist, and which pack reads an article's language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kronik.errors import ResourceError
from kronik.lang.pack import LanguagePack, read_resource

__all__ = ["Languages"]


@dataclass(slots=True)
class Languages:
    """The shipped packs (``lang/languages.toml``), loaded once per engine.

    ::

        languages = Languages.load()
        languages.pack("ms").code          # "id": Malay is read with the Indonesian pack
        languages.family("fr")             # "en": the fallback pack
        [p.data("months") for p in languages.all()]
    """

    packs: dict[str, LanguagePack]
    fallback: str
    required: dict[str, list[str]] = field(default_factory=dict)  # resource → keys every pack has
    _common: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Languages:
        index = read_resource(".", "languages")
        packs = {code: LanguagePack.load(code) for code in index["packs"]}
        fallback = index["fallback"]
        if fallback not in packs:
            raise ResourceError(f"lang/languages.toml: the fallback {fallback!r} is not a pack")
        return cls(packs, fallback, dict(index.get("resources", {})))

    def problems(self) -> list[str]:
        """What the packs lack: resource files or keys the stages read (empty when complete)."""
        found: list[str] = []
        for pack in self.packs.values():
            for name, keys in self.required.items():
                if not pack.has(name):
                    found.append(f"{pack.code}/{name}: the file is missing")
                    continue
                missing = [k for k in keys if k not in pack.data(name)]
                if missing:
                    found.append(f"{pack.code}/{name}: lacks {', '.join(missing)}")
        return found

    @property
    def codes(self) -> tuple[str, ...]:
        """The packs' codes, in merge order."""
        return tuple(self.packs)

    def family(self, language: str | None) -> str:
        """The code of the pack that reads ``language`` (its own, a family pack, else the fallback)."""
        code = (language or "").strip().lower()
        if code in self.packs:
            return code
        for pack in self.packs.values():
            if code in pack.reads:
                return pack.code
        return self.fallback

    def pack(self, language: str | None) -> LanguagePack:
        """The pack that reads ``language`` (see :meth:`family`)."""
        return self.packs[self.family(language)]

    def all(self, codes: Iterable[str] | None = None) -> list[LanguagePack]:
        """Every pack in merge order, or those of ``codes`` that exist, in that order (for resources
        merged across languages: crawled pages mix an English template with an Indonesian article)."""
        if codes is None:
            return list(self.packs.values())
        return [self.packs[c] for c in dict.fromkeys(codes) if c in self.packs]

    def common(self, name: str) -> Any:
        """A resource shared by every language (``lang/common/<name>``)."""
        if name not in self._common:
            self._common[name] = read_resource("common", name)
        return self._common[name]
