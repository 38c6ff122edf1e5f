"""Actors as users name them → the participant keys of the chronicle, resolved once, here.

A user may type a country code (``CHN``, ``chn``), a country's name in Indonesian or English
(``China``, ``Tiongkok``, ``RRT``), a metonym (``Kremlin``), a KB id (``person:joko_widodo``) or a
person's or organisation's name (``Joko Widodo``, ``Jokowi``, ``ASEAN``); a name the KB does not
know is found among the chronicle's own parties (``name:polda_papua``, see
:mod:`kronik.corpus.parties`). Anything else is a :class:`~kronik.errors.QueryError` listing the
closest known names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from kronik.corpus.parties import is_country_key, name_key
from kronik.errors import QueryError
from kronik.kb import KBEntry, KnowledgeBase
from kronik.records import Grain, PartyRecord

__all__ = ["ActorLookup", "ResolvedActor", "describe_key", "resolve_actor"]

_GRAINS: dict[str, Grain] = {"GPE": "country", "PERSON": "person", "ORG": "organisation", "LOC": "place"}
_PREFIX_GRAINS: dict[str, Grain] = {"person": "person", "org": "organisation", "company": "organisation",
                                    "gpe": "country", "name": "name", "loc": "place"}
_OWN_GRAINS: dict[str, Grain] = {"country": "country", "person": "person", "organisation": "organisation",
                                  "place": "place", "name": "name"}
_SUGGESTIONS = 5


@dataclass(slots=True, frozen=True)
class ResolvedActor:
    """What the user typed, the participant key it names, its display name and grain."""

    text: str
    key: str
    name: str
    grain: Grain


@dataclass(slots=True)
class ActorLookup:
    """A knowledge-base look-up: the best entry for ``query`` and other candidates."""

    query: str
    actor: KBEntry
    matches: list[KBEntry]


def describe_key(
    kb: KnowledgeBase, key: str, party: Callable[[str], PartyRecord | None] | None = None
) -> tuple[str, Grain, str | None]:
    """(display name, grain, country) of a participant key: the KB's, else the chronicle's
    ``party`` record (a name the KB does not know, as first seen), else read off the key."""
    if is_country_key(key):
        entry = kb.get(f"gpe:{key}")
        return (entry.name if entry else key), "country", key
    entry = kb.get(key)
    if entry is not None:
        return entry.name, _GRAINS.get(entry.type, "organisation"), entry.country
    found = party(key) if party is not None else None
    if found is not None:
        return found.name, _OWN_GRAINS.get(found.grain, "name"), found.country
    prefix, _, rest = key.partition(":")
    return (rest.replace("_", " ").title() if prefix == "name" else key), _PREFIX_GRAINS.get(prefix, "name"), None


def _key_of(entry: KBEntry) -> str:
    return entry.country if entry.type == "GPE" and entry.country else entry.id


def resolve_actor(
    kb: KnowledgeBase, text: str, is_participant: Callable[[str], bool],
    party: Callable[[str], PartyRecord | None] | None = None,
) -> ResolvedActor:
    """The participant key ``text`` names; ``is_participant`` asks the store whether a key is
    known, ``party`` what it knows of a party key."""
    typed = text.strip()
    if not typed:
        raise QueryError("an actor is needed (a country code, a name or a KB id)", field="actor")
    key = _key_for(kb, typed, is_participant)
    if key is None:
        raise _unknown(kb, typed)
    name, grain, _ = describe_key(kb, key, party)
    return ResolvedActor(typed, key, name, grain)


def _key_for(kb: KnowledgeBase, typed: str, is_participant: Callable[[str], bool]) -> str | None:
    if is_participant(typed):
        return typed
    code = typed.upper()
    if len(code) == 3 and code.isalpha() and kb.get(f"gpe:{code}") is not None:
        return code
    entry = kb.get(typed)
    if entry is not None:
        return _key_of(entry)
    country = kb.lookup_country(typed)
    if country:
        return country
    found = kb.candidates(typed)
    if found:
        return _key_of(found[0])
    name = name_key(typed)
    return name if is_participant(name) else None


def _unknown(kb: KnowledgeBase, typed: str) -> QueryError:
    suggestions: list[str] = []
    for alias in close_names(kb.aliases, typed, limit=2 * _SUGGESTIONS):
        entry = kb.candidates(alias)[0]
        label = f"{entry.name} ({_key_of(entry)})"
        if label not in suggestions and len(suggestions) < _SUGGESTIONS:
            suggestions.append(label)
    hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
    return QueryError(f"unknown actor {typed!r}: no country, person or organisation of that name{hint}",
                      field="actor", choices=tuple(suggestions))


def close_names(aliases: Iterable[str], typed: str, limit: int = _SUGGESTIONS) -> list[str]:
    """The known aliases closest to ``typed`` (case-folded), best first."""
    found = process.extract(typed.casefold(), list(aliases), scorer=fuzz.WRatio, limit=limit, score_cutoff=70)
    return [alias for alias, _, _ in found]


def lookup_actor(kb: KnowledgeBase, text: str) -> ActorLookup | None:
    """The KB entry ``text`` names (an id, a code, a name) and other candidates; ``None`` if none."""
    typed = text.strip()
    entry = kb.get(typed) or (kb.get(f"gpe:{typed.upper()}") if len(typed) == 3 else None)
    country = kb.lookup_country(typed) if entry is None else None
    entry = entry or (kb.get(f"gpe:{country}") if country else None)
    matches = [entry] if entry else kb.search(typed, limit=10)
    if not matches:
        return None
    return ActorLookup(typed, matches[0], matches[1:])
