"""What an article has said so far, for reading the next sentence: the last person and group named,
the authority the story is about, what each person's office makes them, who speaks each quote, and
the last event of each type.

Pronouns resolve here ("ia" → the last person, "mereka" → the last group, "kami"/"pihaknya" → the
speaker), as do role nouns whose sector is the story's authority ("petugas", "penyidik") and the
agent of a passive or nominal event that names none ("X ditangkap" → the police of the story).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kronik.model import Article, Entity
from kronik.stages.coding.actors import ActorLexicon
from kronik.stages.coding.parties import NAMED_KINDS, Party

__all__ = ["AUTHORITY_SECTORS", "Discourse"]

AUTHORITY_SECTORS = frozenset({"POL", "JUD", "GOV", "MIL"})
_ENFORCERS = frozenset({"POL", "JUD"})
_FORCES = frozenset({"POL", "MIL"})


@dataclass(slots=True)
class _Profile:
    sector: str | None
    country: str | None
    tier: int  # what named the office: 0 an institution, 1 an office, 2 an agent noun ("tersangka")


@dataclass(slots=True)
class Discourse:
    """The running state of one article, updated sentence by sentence."""

    article: Article
    lexicon: ActorLexicon
    home: str | None
    last_person: Party | None = None
    last_group: Party | None = None
    authorities: list[Party] = field(default_factory=list)
    profiles: dict[str, _Profile] = field(default_factory=dict)  # entity id or name word → office
    events: dict[str, tuple[list[Party], list[Party], bool]] = field(default_factory=dict)
    quotes: list[tuple[int, int, str | None, str | None]] = field(default_factory=list)
    last_actors: list[Party] = field(default_factory=list)
    story_authority: Party | None = None  # the enforcer the article names most
    named: list[Party] = field(default_factory=list)  # every named party so far, in order

    def __post_init__(self) -> None:
        # direct quotes only: their "kami" and their unsaid subjects are the speaker's
        self.quotes = [(q.start, q.end, q.speaker, q.speaker_entity) for q in self.article.quotes if q.direct]

    # -- reading the article and each sentence -------------------------------------------------
    def prepare(self, sentences: list[list[Party]]) -> None:
        """Before reading: every person's office wherever the article names it (an office before a
        suspect's label: a regent stays GOV), and the enforcer the story is about."""
        counts: dict[str, int] = {}
        first: dict[str, Party] = {}
        for parties in sentences:
            for party in parties:
                if party.is_person and party.sector is not None:
                    self._remember_office(party)
                if _is_authority(party) and (party.sector in _ENFORCERS or party.enforcer) and not party.court:
                    counts[party.key] = counts.get(party.key, 0) + 1
                    first.setdefault(party.key, party)
        if counts:
            self.story_authority = first[max(counts, key=lambda k: counts[k])]

    def _remember_office(self, party: Party) -> None:
        """The first office the article gives a person; an office outranks a label ("tersangka")."""
        tier = party.tier if party.tier is not None else 2
        for key in [party.key, *(w.casefold() for w in party.name.split() if len(w) > 2)]:
            known = self.profiles.get(key)
            if known is None or (known.tier >= 2 > tier):
                self.profiles[key] = _Profile(party.sector, party.country, tier)

    def known_names(self) -> frozenset[str]:
        """Name words of the people whose office the article gives."""
        return frozenset(k for k in self.profiles if " " not in k and ":" not in k)

    def learn(self, parties: list[Party]) -> None:
        """Fill in what a sentence's parties leave open: people's offices, role nouns' sectors."""
        for party in parties:
            if party.is_person:
                self._profile(party)
        for party in parties:
            if party.contextual:
                here = [p for p in parties if p is not party and _is_authority(p)]
                self._contextual(party, here)

    def _profile(self, party: Party) -> None:
        keys = [party.key, *(w.casefold() for w in party.name.split() if len(w) > 2)]
        tier = party.tier if party.tier is not None and party.sector is not None else 3
        for key in keys:
            known = self.profiles.get(key)
            if known is not None and known.tier < tier:
                party.sector, party.country = known.sector, known.country or party.country
                return
        if party.sector is None:
            party.sector = "CVL"  # a named person with no office is a civilian (PLOVER/CAMEO)

    def _contextual(self, party: Party, here: list[Party]) -> None:
        authority = here[0] if here else (self.story_authority or self.authority(exclude=(), enforcer=True))
        if authority is not None and authority.sector in AUTHORITY_SECTORS:
            party.sector = authority.sector
            party.country = authority.country or party.country

    def remember(self, parties: list[Party]) -> None:
        """After a sentence: its people, groups and authorities become the context."""
        for party in parties:
            if party.kind not in NAMED_KINDS:
                continue
            self.named.append(party)
            if party.is_person:
                self.last_person = party
            elif party.kind == "phrase" and party.human:
                self.last_group = party
            if _is_authority(party):
                self.authorities.append(party)

    def principals(self) -> list[Party]:
        """"Kedua pemimpin", "kedua pihak": the two sides of the last meeting or agreement, else the
        last two people of different countries named."""
        for kind in ("CONSULT", "AGREE", "COOPERATE"):
            if kind in self.events:
                actors, recipients, _ = self.events[kind]
                sides = list({p.key: p for p in actors + recipients}.values())
                if len(sides) >= 2:
                    return sides
        people = [p for p in self.named if p.is_person]
        chosen: list[Party] = []
        for person in reversed(people):
            if all(person.country != c.country for c in chosen):
                chosen.append(person)
            if len(chosen) == 2:
                break
        return chosen[::-1]

    def record(self, kind: str, actors: list[Party], recipients: list[Party], anchored: bool) -> None:
        """The parties of the last event of a type, for its later bare mentions (``anchored``: the
        text named them, so later mentions may carry them)."""
        self.events[kind] = (actors, recipients, anchored)
        self.last_actors = actors

    # -- resolving ------------------------------------------------------------------------------
    def authority(self, exclude: tuple[str, ...], *, enforcer: bool = False,
                  forces: bool = False) -> Party | None:
        """The most recent authority named (police and prosecutors first when ``enforcer``; police
        and military only when ``forces``: who deploys troops)."""
        pool = [a for a in self.authorities if a.key not in exclude]
        if forces:
            pool = [a for a in pool if a.sector in _FORCES]
        elif enforcer:  # police, prosecutors and enforcement bodies, courts only when no one else
            pool = [a for a in pool if (a.sector in _ENFORCERS or a.enforcer) and not a.court] or \
                [a for a in pool if a.sector in _ENFORCERS]  # never a minister or a president
        if pool:
            return pool[-1]
        story = self.story_authority
        return story if story is not None and story.key not in exclude else None

    def speaker(self, offset: int, entities: dict[str, Entity]) -> Party | None:
        """The speaker of the quote holding ``offset``, as a party."""
        for start, end, name, entity_id in self.quotes:
            if start <= offset < end and (name or entity_id):
                entity = entities.get(entity_id or "")
                label = entity.name if entity is not None else (name or "")
                party = Party(start, start, label, "entity" if entity else "phrase", entity=entity)
                profile = self.profiles.get(entity_id or "") or self._by_name(label)
                if profile is not None:
                    party.sector, party.country = profile.sector, profile.country
                else:
                    judged = self.lexicon.classify(label.split())
                    party.sector = judged.sector or (entity.sector if entity else None) or "CVL"
                    party.country = (entity.country if entity else None) or self.home
                return party
        return None

    def _by_name(self, name: str) -> _Profile | None:
        for word in name.split():
            if word.casefold() in self.profiles:
                return self.profiles[word.casefold()]
        return None

    def resolve(self, party: Party, offset: int, before: list[Party], entities: dict[str, Entity]) -> Party | None:
        """A pronoun party as the party it stands for (others are returned as they are)."""
        if party.kind != "pronoun":
            return party
        if party.pronoun == "person":
            return self.last_person
        if party.pronoun == "group":
            return self.last_group or self.last_person
        named = [p for p in before if p.kind in NAMED_KINDS and p.human]
        speaker = self.speaker(offset, entities)
        if speaker is not None:
            return _as_speaker(speaker, party)
        if named:
            return _as_speaker(named[-1], party)
        return _as_speaker(self.last_person, party) if self.last_person else None


def _is_authority(party: Party) -> bool:
    """A body or official that acts for the state: an institution, a named official or a role noun
    of the police or prosecutors; never a country or an unnamed office ("PNS", "pejabat")."""
    if party.sector not in AUTHORITY_SECTORS or party.kind not in NAMED_KINDS:
        return False
    if party.entity is not None:
        return party.entity.type in ("ORG", "PERSON")
    return party.kind == "person" or party.tier == 0 or party.contextual or party.sector in _ENFORCERS


def _as_speaker(speaker: Party, pronoun: Party) -> Party:
    """The speaker's side in the pronoun's place ("pihaknya" of a police chief: the police)."""
    return replace(speaker, start=pronoun.start, end=pronoun.end, first=pronoun.first, last=pronoun.last)
