"""The PLOVER ontology as data: event types, quad classes, intensities, modes and CAMEO codes."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources

__all__ = ["EVENT_TYPES", "EventType", "Ontology"]

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(slots=True, frozen=True)
class EventType:
    """One PLOVER event type."""

    name: str
    quad: str
    intensity: float
    cameo: str
    modes: dict[str, str] = field(default_factory=dict)

    def cameo_for(self, mode: str | None) -> str:
        """The nearest CAMEO code for this type and mode."""
        return self.modes.get(mode or "", self.cameo)


@dataclass(slots=True, frozen=True)
class Ontology:
    """All PLOVER types by name."""

    types: dict[str, EventType]

    @classmethod
    def load(cls) -> Ontology:
        text = (resources.files("kronik.ontology") / "plover.toml").read_text(encoding="utf-8")
        data = tomllib.loads(text)
        return cls({
            name: EventType(name, spec["quad"], float(spec["intensity"]), spec["cameo"], dict(spec["modes"]))
            for name, spec in data.items()
        })

    def __getitem__(self, name: str) -> EventType:
        return self.types[name]
