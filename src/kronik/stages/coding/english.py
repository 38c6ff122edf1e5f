"""English clauses → events: parties are the linked entities around a trigger.

Actors are the entities before an active trigger (or after "by" for a passive one), recipients those
after it or behind a recipient preposition ("with", "to"); places behind a location preposition
("in") are the location; symmetric events (meetings, joint agreements) put every party on both sides
and "both sides" stands for the two principal parties named before; "X faces sanctions from Y" makes
Y the actor. Events without any resolved party are not coded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kronik.model import Actor, Article, Entity
from kronik.stages.coding.clauses import SentenceContext, clauses, event_date, word_before
from kronik.stages.coding.lexicon import Trigger, TriggerLexicon
from kronik.stages.coding.record import Coded

__all__ = ["EnglishCoder"]

#: events whose verb governs a clause after it ("demanded that X provide …", "accused X of sending …")
_GOVERNING = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SUPPORT"})
_PARTY_TYPES = ("PERSON", "ORG", "GPE")
_TARGETED_TYPES = frozenset({"ASSAULT", "COERCE"})  # material conflict aimed at where it happens
_QUOTE = re.compile(r"[“\"]([^”\"\n]{3,})[”\"]")


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    entity: Entity


def _actor(entity: Entity) -> Actor:
    return Actor(entity.name, entity.id, entity.country, entity.sector)


class EnglishCoder:
    """Codes the triggers of an English article."""

    def __init__(self, lexicon: TriggerLexicon) -> None:
        self.lexicon = lexicon
        self.undergoer = lexicon.regex("undergoer_verbs", r"(?<![\w-])(?:{})\s+(?:[\w-]+\s+)?$")
        self.relative = lexicon.regex("relatives", r"\s*(?:{})\b")
        self.demonstrative = lexicon.regex("demonstratives", r"\s+(?:{})\b")
        self.person_pronoun = lexicon.regex("person_pronouns", r"(?<![\w-])(?:{})\s+(?:[\w-]+\s+){{0,2}}$")

    def code(self, article: Article) -> list[Coded]:
        text = article.text
        joiners = self.lexicon.words("name_joiners")
        spans = [(_name_span(text, m.start, m.end, joiners), e) for e in article.entities for m in e.mentions]
        mentions = sorted((_Mention(s[0], s[1], e) for s, e in spans if s is not None and (
            e.type in _PARTY_TYPES or (e.type == "LOC" and e.country))), key=lambda m: m.start)
        names = [s for s, _ in spans if s is not None]
        skip = article.dateline.end if article.dateline and article.dateline.start is not None else None
        coded: list[Coded] = []
        quoted = [(m.start(1), m.end(1)) for m in _QUOTE.finditer(text)]
        for sentence in article.sentences:
            for clause in clauses(text, sentence, self.lexicon):
                for match in self.lexicon.pattern.finditer(text, clause[0], clause[1]):
                    if any(a <= match.start() < b for a, b in quoted):
                        continue  # what someone says they will do is no report of it
                    if any(a < match.end() and match.start() < b for a, b in names):
                        continue  # "Asia-Pacific Economic Cooperation": part of a name, not an event
                    _, senses = self.lexicon.senses_of(match.group())
                    context = SentenceContext(article, sentence, clause)
                    inside = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1] and not (skip and m.start < skip)]
                    event = self._code(context, senses[0], match, inside, mentions)
                    if event is not None:
                        if any(c.sentence == sentence and not c.nominal and c.type in _GOVERNING for c in coded):
                            event.confidence_penalty += 0.15  # after the main verb: likely its complement
                        coded.append(event)
        return coded

    def _sides(self, text: str, trigger: Trigger, span: tuple[int, int], inside: list[_Mention], nominal: bool
               ) -> tuple[list[Entity], list[Entity], str | None, Entity | None]:
        lex = self.lexicon
        t_start, t_end = span
        location: str | None = None
        place: Entity | None = None
        before: list[Entity] = []
        after: list[Entity] = []
        previous_was_place = False
        for m in inside:
            cue = word_before(text, m.start)
            coordinated = cue in lex.words("place_joiners") and previous_was_place
            if (cue in lex.words("location_cues") or coordinated) and m.entity.type in ("GPE", "LOC"):
                location = location or text[m.start : m.end]
                place = place or m.entity
                previous_was_place = True
                continue
            previous_was_place = False
            if m.end <= t_start:
                (after if cue in lex.words("recipient_cues") else before).append(m.entity)
            elif m.start >= t_end:
                if cue in lex.words("passive_agent") or (
                    nominal and _directly_after(text, t_end, m.start) and cue not in lex.words("recipient_cues")
                ):
                    before.append(m.entity)
                else:
                    after.append(m.entity)
        if nominal and self.undergoer.search(text, max(0, t_start - 40), t_start):
            sources = [m.entity for m in inside if m.start >= t_end and (
                word_before(text, m.start, skip=lex.words("articles")) in lex.words("source_cues")
                or _directly_after(text, t_end, m.start))]
            return sources, [e for e in before + after if e not in sources], location, place
        if trigger.passive:
            agents = [m.entity for m in inside if m.start >= t_end and word_before(text, m.start) in lex.words("passive_agent")]
            return agents, [e for e in before if e not in agents], location, place
        return before, after, location, place

    def _code(self, context: SentenceContext, trigger: Trigger, match: re.Match[str], inside: list[_Mention],
              mentions: list[_Mention]) -> Coded | None:
        article, sentence, clause = context.article, context.sentence, context.clause
        text = article.text
        lex = self.lexicon
        t_start, t_end = match.span()
        nominal = trigger.voice == "nominal"
        if nominal and word_before(text, t_start) in lex.words("topic_markers"):
            return None  # "a statement about the partnership": a topic, not a happening
        actors, recipients, location, place = self._sides(text, trigger, (t_start, t_end), inside, nominal)
        actors = _dedupe(actors)
        recipients = [e for e in _dedupe(recipients) if trigger.symmetric or e.type == "GPE" or e not in actors]
        if trigger.symmetric:
            parties = _dedupe(actors + recipients)
            if sum(e.type != "GPE" for e in parties) >= 2:
                parties = [e for e in parties if e.type != "GPE"]
            if len(parties) < 2 and lex.regex("both_sides").search(text, clause[0], clause[1]):
                parties = _dedupe(parties + _principal_parties(mentions, clause[0]))
            if nominal and len(parties) == 1:
                return None  # "a meeting of the Fed's board": one side's own meeting
            actors, recipients = parties, (list(parties) if len(parties) > 1 else [])
        elif not actors and lex.regex("both_sides").search(text, clause[0], t_start):
            actors = _principal_parties(mentions, clause[0])
        elif not actors and self.relative.match(text, clause[0]):  # "China, which lent ...": the head noun
            heads = [m.entity for m in mentions if sentence[0] <= m.start and m.end <= clause[0]]
            actors = heads[-1:]
            recipients = [e for e in recipients if e not in actors]
        if not actors and not trigger.symmetric and not trigger.passive:
            pronoun = self.person_pronoun.search(text, clause[0], t_start)
            if pronoun is not None:  # "However, he also warned ...": the last person named
                people = [m.entity for m in mentions if m.end <= pronoun.start() and m.entity.type == "PERSON"]
                actors = [e for e in people[-1:] if e not in recipients]
        recipient_is_place = False
        if (not recipients and trigger.type in _TARGETED_TYPES and place is not None and place.type in ("GPE", "LOC")
                and place.country and actors and all(a.country != place.country for a in actors)):
            recipients = [place]  # "Israel attacked a refugee camp in Gaza": the attacked country
            recipient_is_place = True
        if trigger.needs_recipient and not recipients:
            return None
        anaphoric = nominal and bool(self.demonstrative.match(text, t_end))
        unresolved: str | None = None
        if not actors and not recipients and not anaphoric:
            if nominal:
                return None
            unresolved = _subject_phrase(text, clause[0], t_start, lex)
            if unresolved is None:
                return None
        date, dated = event_date(article, clause, sentence)
        head = text[max(clause[0], t_start - 40) : t_start]
        return Coded(
            type=trigger.type, mode=trigger.mode, trigger=match.group(),
            actors=[_actor(e) for e in actors] or ([Actor(unresolved)] if unresolved else []),
            recipients=[_actor(e) for e in recipients], sentence=sentence, symmetric=trigger.symmetric,
            date=date, dated=dated, location=location or (article.dateline.place if article.dateline else None),
            negated=bool(lex.negation.search(text, clause[0], t_start)), future=bool(lex.regex("future").search(head)),
            hypothetical=bool(lex.regex("hypothetical").search(text, sentence[0], t_start)),
            background=bool(lex.regex("background").search(head)), mentions=[sentence], anaphoric=anaphoric,
            nominal=nominal, passive=trigger.passive, recipient_is_place=recipient_is_place, resolved=bool(actors),
        )


_WORD_SPAN = re.compile(r"\S+")


def _name_span(text: str, start: int, end: int, joiners: frozenset[str]) -> tuple[int, int] | None:
    """The part of a mention shaped like a name: its first run of capitalised words (name joiners
    such as "of" inside it). A tagging slip such as "telephoned Russian Foreign Minister" or
    "Pakistan last year, a State …" keeps "Russian Foreign Minister", "Pakistan"."""
    run: list[tuple[int, int]] = []
    for m in _WORD_SPAN.finditer(text, start, end):
        word = m.group().rstrip(",.;:")
        if word[:1].isupper() or (run and word in joiners):
            run.append((m.start(), m.start() + len(word)))
            if word != m.group():
                break  # punctuation ends a name
        elif run:
            break
    while run and text[run[-1][0] : run[-1][1]] in joiners:
        run.pop()
    return (run[0][0], run[-1][1]) if run else None


def _dedupe(entities: list[Entity]) -> list[Entity]:
    """One entity once; a country dropped when a person or organisation of it is already there."""
    seen: dict[str, Entity] = {}
    for e in entities:
        seen.setdefault(e.id, e)
    kept = list(seen.values())
    covered = {e.country for e in kept if e.type != "GPE" and e.country}
    return [e for e in kept if not (e.type == "GPE" and e.country in covered)]


def _principal_parties(mentions: list[_Mention], before: int) -> list[Entity]:
    """The two most recent people of distinct countries named before ``before``, else countries."""
    earlier = [m for m in mentions if m.end <= before]
    for kinds in (("PERSON",), ("PERSON", "ORG", "GPE")):
        parties: list[Entity] = []
        countries: set[str] = set()
        for m in reversed(earlier):
            country = m.entity.country
            if m.entity.type in kinds and country and country not in countries:
                countries.add(country)
                parties.append(m.entity)
            if len(parties) == 2:
                return list(reversed(parties))
    return []


def _subject_phrase(text: str, clause_start: int, trigger_start: int, lexicon: TriggerLexicon) -> str | None:
    """An unresolved actor from the words right before the trigger: the nearest actor noun with
    its modifiers ("Ibo traditional elders"), else a capitalised name; None for anything else."""
    segment = text[clause_start:trigger_start]
    words = re.findall(r"[\w'-]+", segment[segment.rfind(",") + 1 :])[-6:]
    lowered = [w.casefold() for w in words]
    nouns, modifiers = lexicon.words("actor_nouns"), lexicon.words("actor_modifiers")
    for i in range(len(words) - 1, -1, -1):
        size = 2 if i and f"{lowered[i - 1]} {lowered[i]}" in nouns else 1
        if size == 2 or lowered[i] in nouns:
            first = i - size + 1
            while first > max(0, i - 3) and lowered[first - 1] in modifiers:
                first -= 1
            return " ".join(words[first : i + 1])
    name: list[str] = []
    for word in reversed(words):
        if word.casefold() in lexicon.words("subject_stop") or word.isdigit():
            if name:
                break
            continue
        if not word[:1].isupper():
            return None
        name.insert(0, word)
        if len(name) == 4:
            break
    pronouns = lexicon.words("person_pronouns") | lexicon.words("other_pronouns")
    return " ".join(name) if name and " ".join(name).casefold() not in pronouns else None


def _directly_after(text: str, trigger_end: int, start: int) -> bool:
    """Nothing but spaces, commas or title words between a trigger and a mention."""
    gap = text[trigger_end:start]
    words = gap.split()
    return not gap.strip(" ,") or (0 < len(words) <= 4 and all(w[:1].isupper() for w in words))
