"""Checks of what a query names: event types, modes, quad classes, orders and pages.

An unknown value is a :class:`~kronik.errors.QueryError` that names the valid values and, when
one is close, what the user probably meant.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from rapidfuzz import process

from kronik.errors import QueryError
from kronik.lang import Languages
from kronik.ontology import Ontology
from kronik.records import EVENT_SORTS, EventQuery, EventSort

__all__ = ["Vocabulary", "check_choice", "check_event_query", "check_page"]

MENTION_SORTS: tuple[str, ...] = tuple(s for s in EVENT_SORTS if s != "most_reported")


@dataclass(slots=True, frozen=True)
class Vocabulary:
    """What an event query may name: PLOVER types, the modes of each type, the quad classes."""

    types: tuple[str, ...]
    modes: dict[str, frozenset[str]]
    quads: tuple[str, ...]

    @classmethod
    def load(cls, ontology: Ontology, languages: Languages) -> Vocabulary:
        """The ontology's types and modes, plus the (type, mode) pairs of every pack's triggers."""
        modes = {name: set(kind.modes) for name, kind in ontology.types.items()}
        for pack in languages.all():
            for trigger in pack.data("triggers")["trigger"]:
                if trigger.get("mode"):
                    modes.setdefault(trigger["type"], set()).add(trigger["mode"])
        quads = tuple(dict.fromkeys(kind.quad for kind in ontology.types.values()))
        return cls(tuple(ontology.types), {k: frozenset(v) for k, v in modes.items()}, quads)

    def all_modes(self) -> tuple[str, ...]:
        return tuple(sorted(set().union(*self.modes.values())))


def check_choice(value: str, choices: Iterable[str], field: str) -> str:
    """``value`` as spelled in ``choices`` (case-insensitively), else an error listing them."""
    options = tuple(choices)
    by_fold = {c.casefold(): c for c in options}
    found = by_fold.get(value.strip().casefold())
    if found is not None:
        return found
    close = [c for c, _, _ in process.extract(value, options, limit=3, score_cutoff=60)]
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise QueryError(f"unknown {field} {value!r}{hint} (valid: {', '.join(options)})",
                     field=field, choices=options)


def check_page(limit: int, offset: int) -> None:
    if limit < 1:
        raise QueryError(f"limit must be at least 1, got {limit}", field="limit")
    if offset < 0:
        raise QueryError(f"offset must not be negative, got {offset}", field="offset")


def check_event_query(query: EventQuery, vocabulary: Vocabulary, *, mentions: bool) -> EventQuery:
    """The query with its type, mode, quad class and order checked and spelled as stored."""
    check_page(query.limit, query.offset)
    kind = check_choice(query.type, vocabulary.types, "event type") if query.type else None
    modes = sorted(vocabulary.modes[kind]) if kind else vocabulary.all_modes()
    mode = check_choice(query.mode, modes, f"mode{f' of {kind}' if kind else ''}") if query.mode else None
    quad = check_choice(query.quad, vocabulary.quads, "quad class") if query.quad else None
    sorts = MENTION_SORTS if mentions else EVENT_SORTS
    sort = check_choice(query.sort, sorts, "order")
    if query.date_from and query.date_to and query.date_from > query.date_to:
        raise QueryError(f"the date range is empty: {query.date_from} is after {query.date_to}", field="date")
    return dataclasses.replace(query, type=kind, mode=mode, quad=quad, sort=cast(EventSort, sort))
