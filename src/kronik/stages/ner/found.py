"""A name found in the text before mentions are grouped into entities, and the merge of the
tagger's spans with the knowledge base's matches.

The tagger decides where names are and what kind they are; the KB links them. A tagged span equal
to a KB alias is that KB entry; a tagged span holding KB names inside is a local name that takes
their country ("Serikat Petani Indonesia", "Jalur Gaza", "Fraksi PAN") or, for one person inside
a longer person span, that person ("Soesilo Bambang Yudhoyono"). KB matches the tagger left out are
kept when they name a country or a known actor, so event coding keeps its parties.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["Found", "local_id", "merge"]

_KIND = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}


@dataclass(slots=True)
class Found:
    """One mention with the entity it names."""

    start: int
    end: int
    key: str  # entity id
    name: str
    type: str
    country: str | None
    sector: str | None
    role: str | None
    confirmed: bool = True  # False: a KB match the tagger did not mark as a name


def local_id(kind: str, surface: str) -> str:
    """The id of a name the KB does not know."""
    slug = re.sub(r"[^a-z0-9]+", "_", surface.casefold()).strip("_")
    return f"local:{kind.lower()}:{slug}"


def merge(
    tagged: Sequence[tuple[int, int, str]], linked: Sequence[Found], unlinked: Callable[[int, int, str], Found]
) -> list[Found]:
    """Mentions from the tagger's (start, end, PER|ORG|LOC) spans and the KB's linked matches."""
    found: list[Found] = []
    claimed: set[int] = set()
    for start, end, kind in tagged:
        overlapping = [i for i, f in enumerate(linked) if f.start < end and start < f.end]
        if not overlapping:
            found.append(unlinked(start, end, kind))
            continue
        inner = [linked[i] for i in overlapping]
        if len(inner) == 1 and (inner[0].start, inner[0].end) == (start, end):
            found.append(inner[0] if kind != "LOC" or inner[0].type != "ORG" else unlinked(start, end, kind))
            claimed.update(overlapping)
            continue
        if all(start <= f.start and f.end <= end for f in inner):
            found += _containing(unlinked(start, end, kind), inner)
            claimed.update(overlapping)
    kept = [f for i, f in enumerate(linked) if i not in claimed and not _overlaps(f, found)]
    for f in kept:
        f.confirmed = False
    return sorted(found + kept, key=lambda f: f.start)


def _containing(outer: Found, inner: list[Found]) -> list[Found]:
    """A tagged name holding KB names: the one person it extends; a known actor followed by its
    own country ("Huawei China", "Gazprombank Rusia") as the two; else a local name of their country
    ("Kementerian Luar Negeri China" is China's ministry, not Indonesia's)."""
    head, rest = inner[0], inner[1:]
    if outer.type == "PERSON" and len(inner) == 1 and head.type == "PERSON":
        return [Found(outer.start, outer.end, head.key, head.name, "PERSON", head.country,
                      head.sector, head.role or outer.role)]
    if (head.start == outer.start and head.type in ("ORG", "PERSON") and rest
            and all(f.type == "GPE" and f.country == head.country for f in rest) and rest[-1].end == outer.end):
        return inner
    countries = [f.country for f in sorted(inner, key=lambda f: f.type not in ("GPE", "LOC")) if f.country and f.type != "PERSON"]
    if countries:  # "Kementerian Luar Negeri China": the country named inside wins
        outer.country = countries[0]
    return [outer]


def _overlaps(f: Found, others: list[Found]) -> bool:
    return any(f.start < o.end and o.start < f.end for o in others)


def kind_name(tag: str) -> str:
    """PERSON / ORG / LOC for the tagger's PER / ORG / LOC."""
    return _KIND[tag]
