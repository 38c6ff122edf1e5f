"""Parties at their own grain: who takes part in a chronicle event, as a reader would name them.

An event's actor is kept as the most specific party it names, with its country and sector as
attributes, so the chronicle can be asked for "Joko Widodo", "KPK" or "Polda Papua" as well as
for IDN:

* a KB person, organisation or company → its KB id (``person:joko_widodo``, ``org:IDN-KPK``);
* a country acting as itself ("Indonesia", "Tiongkok") → its ISO code (``IDN``);
* a name the KB does not know (an entity ``local:org:polda_papua``) → ``name:polda_papua``;
* a common noun ("polisi", "warga", "pemerintah") → no party: only its country and sector.

:func:`name_key` is the one spelling of a ``name:`` key, for what an article names and for what a
user types alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kronik.model import Actor
from kronik.records import PartyRecord

__all__ = ["PartyRecord", "is_country_key", "name_key", "parties_of", "party_of"]

_NOT_NAME = re.compile(r"[^a-z0-9]+")
#: grain of a KB id or local entity id by its prefix
_GRAIN_OF_PREFIX = {"person": "person", "org": "organisation", "company": "organisation", "loc": "place",
                    "gpe": "country"}

#: (entity id → its display name), e.g. the article's entities or the KB
Names = Callable[[str], str | None]


def name_key(text: str) -> str:
    """``"name:polda_papua"``: a name's key (case-folded letters and digits joined by ``_``; no
    spaces, so keys stay apart in a spaced list)."""
    return "name:" + "_".join(w for w in _NOT_NAME.split(text.casefold()) if w)


def is_country_key(key: str) -> bool:
    """Whether a participant key is a country's ISO code (``IDN``)."""
    return len(key) == 3 and key.isalpha() and key.isupper()


@dataclass(slots=True, frozen=True)
class _Local:
    """A local entity id ``local:<kind>:<slug>`` taken apart."""

    grain: str
    words: str

    @classmethod
    def parse(cls, entity: str) -> _Local | None:
        parts = entity.split(":", 2)
        if len(parts) != 3 or parts[0] != "local" or not parts[2]:
            return None
        return cls(_GRAIN_OF_PREFIX.get(parts[1], "name"), parts[2].replace("_", " ").strip())


def party_of(actor: Actor, names: Names | None = None) -> PartyRecord | None:
    """The party ``actor`` names at its own grain; ``None`` for a common noun ("polisi")."""
    entity = actor.entity
    if not entity:
        return None
    if entity.startswith("gpe:"):
        code = actor.country or entity[4:].upper()
        return PartyRecord(code, (names(entity) if names else None) or actor.name, "country", code, actor.sector)
    local = _Local.parse(entity)
    if local is not None:
        key = name_key(local.words)
        if key == "name:":
            return None
        shown = (names(entity) if names else None) or actor.name
        if name_key(shown) != key:
            shown = local.words.title()
        return PartyRecord(key, shown, local.grain, actor.country, actor.sector)
    grain = _GRAIN_OF_PREFIX.get(entity.partition(":")[0], "organisation")
    return PartyRecord(entity, (names(entity) if names else None) or actor.name, grain, actor.country,
                       actor.sector)


def parties_of(actors: Iterable[Actor], names: Names | None = None) -> list[PartyRecord]:
    """The distinct parties of some actors, in order."""
    found: dict[str, PartyRecord] = {}
    for actor in actors:
        party = party_of(actor, names)
        if party is not None and party.key not in found:
            found[party.key] = party
    return list(found.values())
