"""A coded event before it becomes a :class:`kronik.model.Event`, and the merging of mentions of one
happening within an article."""

from __future__ import annotations

from dataclasses import dataclass, field

from kronik.model import Actor

__all__ = ["Coded", "merge_mentions", "party_key"]


@dataclass(slots=True)
class Coded:
    """One trigger read as an event: who did what to whom, when and where, with its flags."""

    type: str
    mode: str | None
    trigger: str
    actors: list[Actor]
    recipients: list[Actor]
    sentence: tuple[int, int]
    symmetric: bool = False
    date: str | None = None
    dated: bool = False
    location: str | None = None
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    background: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    anaphoric: bool = False
    nominal: bool = False
    passive: bool = False
    recipient_is_place: bool = False  # the recipient was read off the event's location
    resolved: bool = True  # the actor is a named or resolved party, not a bare phrase
    confidence_penalty: float = 0.0
    span: tuple[int, int] | None = None  # the trigger's characters


def party_key(actor: Actor) -> str:
    return actor.entity or actor.name.casefold()


def _parties(c: Coded) -> frozenset[str]:
    return frozenset(party_key(a) for a in c.actors + c.recipients)


def merge_mentions(coded: list[Coded], *, by_mode: bool = True) -> list[Coded]:
    """Mentions of one happening → one event: same type and mode, the same parties (or an undated
    mention whose parties are among a dated one's), same or unstated date. Two triggers of one type
    in one sentence are one happening when they share parties (and, with ``by_mode``, their mode:
    an arrest and a seizure told together are two events)."""
    merged: list[Coded] = []
    for c in coded:
        if c.anaphoric:  # "kunjungan ini", "pembicaraan tersebut": the event told before
            earlier = [m for m in merged if m.type == c.type]
            if earlier:
                if c.sentence not in earlier[-1].mentions:
                    earlier[-1].mentions.append(c.sentence)
                continue
            if not c.actors and not c.recipients:
                continue
        same_sentence = [m for m in merged if m.type == c.type and c.sentence in m.mentions
                         and (m.mode == c.mode or not by_mode)
                         and (_parties(c) <= _parties(m) or _parties(m) <= _parties(c) if by_mode
                              else _parties(m) & _parties(c))]
        if same_sentence:  # "menandatangani kesepakatan": one happening, several trigger words
            continue
        for m in merged:
            parties_fit = _parties(m) == _parties(c) or (not c.dated and _parties(c) <= _parties(m))
            same = m.type == c.type and m.mode == c.mode and parties_fit
            compatible_date = m.date == c.date or not c.dated or not m.dated
            if same and compatible_date and m.negated == c.negated and m.future == c.future:
                if c.dated and not m.dated:
                    m.date, m.dated = c.date, True
                if c.sentence not in m.mentions:
                    m.mentions.append(c.sentence)
                break
        else:
            merged.append(c)
    return merged
