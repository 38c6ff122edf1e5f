"""The event stage: PLOVER events coded natively from Indonesian (and English) clauses.

For every trigger (``lang/<code>/triggers.toml``) outside direct quotes, within its own clause:

* actors are the entities before an active trigger (or after "oleh"/"by" for a passive one),
  recipients those after it or behind a recipient preposition ("dengan", "ke", "kepada", "with",
  "to"); places behind a location preposition ("di", "in") are the location, not a party;
* symmetric events (meetings, talks, joint agreements) put every party on both sides; "kedua
  pihak"/"both sides" stand for the two principal parties named before;
* the date is the clause's own date expression, else the article's reference date; the location
  the clause's place, else the dateline;
* negation, intent/future, hypothetical and background ("tengah menghadapi") flags come from the
  words before the trigger;
* mentions of one happening within the article (same type, parties and date, or an undated
  mention of a dated one) merge into one event with all its evidence spans.
Events without any resolved party are not coded.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, field
from typing import ClassVar

from kronik.model import Actor, Article, Entity, Event, EvidenceSpan
from kronik.ontology import Ontology
from kronik.stages.base import StageContext
from kronik.stages.coding.lexicon import Trigger, TriggerLexicon

__all__ = ["EventStage"]

_PARTY_TYPES = ("PERSON", "ORG", "GPE")
_INTENT_TYPES = frozenset({"AID", "CONCEDE", "RETREAT", "COOPERATE", "SUPPORT", "CONSULT"})
# PLOVER codes a stated intent to act against someone as a threat, and a refusal to cooperate as
# a rejection ("will not accept", "tidak akan menyetujui").
_TARGETED_TYPES = frozenset({"ASSAULT", "COERCE"})  # material conflict aimed at where it happens
_HOSTILE_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})
_COOPERATIVE_TYPES = frozenset({"AGREE", "CONCEDE", "COOPERATE", "AID", "SUPPORT"})
_QUOTE = re.compile(r"[“\"]([^”\"\n]{3,})[”\"]")
_RELATIVE = re.compile(r"\s*(?:yang|which|who)\b", re.IGNORECASE)
_DEMONSTRATIVE = re.compile(r"\s+(?:ini|tersebut|itu)\b", re.IGNORECASE)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    entity: Entity


@dataclass(slots=True)
class _Coded:
    type: str
    mode: str | None
    trigger: str
    actors: list[Entity]
    recipients: list[Entity]
    symmetric: bool
    date: str | None
    dated: bool
    location: str | None
    negated: bool
    future: bool
    hypothetical: bool
    background: bool
    sentence: tuple[int, int]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    anaphoric: bool = False
    nominal: bool = False
    passive: bool = False
    recipient_is_place: bool = False  # the recipient was read off the event's location
    unresolved: str | None = None  # the subject's words when no entity is found


class EventStage:
    """Assign ``article.events``."""

    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences", "entities", "dates", "language")
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, context: StageContext) -> None:
        self.resources = context.resources
        self.ontology: Ontology = context.resources.cached("ontology", Ontology.load)

    def lexicon(self, language: str | None) -> TriggerLexicon:
        code = "id" if language in ("id", "ms", "jv", "su") else "en"
        lexicon: TriggerLexicon = self.resources.cached(f"triggers:{code}", lambda: TriggerLexicon.load(code))
        return lexicon

    def __call__(self, article: Article) -> Article:
        lexicon = self.lexicon(article.language)
        text = article.text
        quoted = [(m.start(1), m.end(1)) for m in _QUOTE.finditer(text)]
        mentions = sorted(
            (_Mention(m.start, m.end, e) for e in article.entities if e.type in _PARTY_TYPES for m in e.mentions),
            key=lambda m: m.start,
        )
        skip = (article.dateline.start, article.dateline.end) if article.dateline and article.dateline.start is not None else None
        names = [(m.start, m.end) for e in article.entities for m in e.mentions]
        coded: list[_Coded] = []
        if lexicon.is_sports(text):
            article.events = []
            return article
        for sentence in article.sentences:
            for clause in _clauses(text, sentence, lexicon):
                for match in lexicon.pattern.finditer(text, clause[0], clause[1]):
                    if any(a <= match.start() < b for a, b in quoted):
                        continue
                    if any(a < match.end() and match.start() < b for a, b in names):
                        continue  # "Asia-Pacific Economic Cooperation": part of a name, not an event
                    trigger = lexicon.forms[match.group().casefold()]
                    event = self._code(article, lexicon, trigger, match, clause, sentence, mentions, skip)
                    if event is not None:
                        coded.append(event)
        events: dict[str, Event] = {}
        for reading in _merge([_plover_reading(c) for c in coded]):
            coded_event = self._event(article, reading)
            kept = events.setdefault(coded_event.id, coded_event)
            if kept is not coded_event:  # the same happening reached twice: one event, all evidence
                kept.mentions += [m for m in coded_event.mentions if m not in kept.mentions]
        article.events = list(events.values())
        return article

    def _code(
        self,
        article: Article,
        lexicon: TriggerLexicon,
        trigger: Trigger,
        match: re.Match[str],
        clause: tuple[int, int],
        sentence: tuple[int, int],
        mentions: list[_Mention],
        skip: tuple[int, int | None] | None,
    ) -> _Coded | None:
        text = article.text
        t_start, t_end = match.span()
        nominal = match.group().casefold() in lexicon.nominal
        if nominal and _word_before(text, t_start) in lexicon.topic_markers:
            return None  # "pernyataan tentang kemitraan": a topic, not a happening
        inside = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1]
                  and not (skip and skip[1] is not None and m.start < skip[1])]
        location = None
        place: Entity | None = None
        before: list[Entity] = []
        after: list[Entity] = []
        previous_was_place = False
        for m in inside:
            cue = _word_before(text, m.start)
            coordinated = cue in ("dan", "and", "serta") and previous_was_place
            if (cue in lexicon.location_cues or coordinated) and m.entity.type in ("GPE", "LOC"):
                location = location or text[m.start : m.end]
                place = place or m.entity
                previous_was_place = True
                continue
            previous_was_place = False
            if m.end <= t_start:
                (after if cue in lexicon.recipient_cues else before).append(m.entity)
            elif m.start >= t_end:
                if cue in lexicon.passive_agent or (
                    nominal and _directly_after(text, t_end, m.start) and cue not in lexicon.recipient_cues
                ):
                    before.append(m.entity)
                else:
                    after.append(m.entity)
        if nominal and lexicon.undergoer.search(text, max(clause[0], t_start - 40), t_start):
            # "X menghadapi sanksi dari Y": X undergoes the event, Y (after a source cue) does it
            sources = [m.entity for m in inside if m.start >= t_end and (
                _word_before(text, m.start, past_articles=True) in lexicon.source_cues or _directly_after(text, t_end, m.start))]
            actors = sources
            recipients = [e for e in before + after if e not in sources]
        elif trigger.passive:
            agents = [m.entity for m in inside if m.start >= t_end and _word_before(text, m.start) in lexicon.passive_agent]
            actors, recipients = agents, [e for e in before if e not in agents]
        else:
            actors, recipients = before, after
        actors = _dedupe(actors)
        # a person or organisation does not act on itself; a country may (its police, its rebels)
        recipients = [e for e in _dedupe(recipients) if trigger.symmetric or e.type == "GPE" or e not in actors]
        if trigger.symmetric:
            parties = _dedupe(actors + recipients)
            if sum(e.type != "GPE" for e in parties) >= 2:
                parties = [e for e in parties if e.type != "GPE"]
            if len(parties) < 2 and lexicon.both_sides.search(text, clause[0], clause[1]):
                parties = _dedupe(parties + _principal_parties(mentions, clause[0]))
            if nominal and len(parties) == 1:
                return None  # "pertemuan dewan gubernur The Fed": one side's own meeting
            actors, recipients = parties, (list(parties) if len(parties) > 1 else [])
        elif not actors and lexicon.both_sides.search(text, clause[0], t_start):
            actors = _principal_parties(mentions, clause[0])
        elif not actors and _RELATIVE.match(text, clause[0]):  # "China yang telah meminjamkan ...": the head noun
            heads = [m.entity for m in mentions if sentence[0] <= m.start and m.end <= clause[0]]
            actors = heads[-1:]
            recipients = [e for e in recipients if e not in actors]
        if not actors and not trigger.symmetric and not trigger.passive:
            pronoun = lexicon.person_pronoun.search(text, clause[0], t_start)
            if pronoun is not None:  # "Namun, ia juga memperingatkan ...": the last person named
                people = [m.entity for m in mentions if m.end <= pronoun.start() and m.entity.type == "PERSON"]
                actors = [e for e in people[-1:] if e not in recipients]
        recipient_is_place = False
        if (not recipients and trigger.type in _TARGETED_TYPES and place is not None and place.type == "GPE"
                and actors and all(a.country != place.country for a in actors)):
            recipients = [place]  # "Israel menyerang kamp pengungsi di Gaza": the attacked country
            recipient_is_place = True
        if trigger.needs_recipient and not recipients:
            return None  # "membantu pencarian", "mendukung penghapusan kekerasan": no one named
        anaphoric = nominal and bool(_DEMONSTRATIVE.match(text, t_end))
        unresolved: str | None = None
        if not actors and not recipients and not anaphoric:
            if nominal:
                return None
            unresolved = _subject_phrase(text, clause[0], t_start, lexicon)
            if unresolved is None:
                return None
        head = text[max(clause[0], t_start - 40) : t_start]
        date, dated = self._date(article, clause, sentence)
        return _Coded(
            type=trigger.type, mode=trigger.mode, trigger=match.group(), actors=actors, recipients=recipients,
            symmetric=trigger.symmetric, date=date, dated=dated,
            location=location or (article.dateline.place if article.dateline else None),
            negated=bool(lexicon.negation.search(text, clause[0], t_start)), future=bool(lexicon.future.search(head)),
            hypothetical=bool(lexicon.hypothetical.search(text, sentence[0], t_start)),
            background=bool(lexicon.background.search(head)), sentence=sentence,
            mentions=[sentence], anaphoric=anaphoric, nominal=nominal, passive=trigger.passive, recipient_is_place=recipient_is_place,
            unresolved=unresolved,
        )

    def _date(self, article: Article, clause: tuple[int, int], sentence: tuple[int, int]) -> tuple[str | None, bool]:
        for lo, hi in (clause, sentence):
            for d in article.dates:
                if lo <= d.start < hi and d.value and d.granularity in ("day", "time"):
                    return d.value[:10], True
        return (article.published.isoformat() if article.published else None), False

    def _event(self, article: Article, c: _Coded) -> Event:
        kind = self.ontology[c.type]
        start, end = c.mentions[0]
        actors = [_actor(e) for e in c.actors] or ([Actor(c.unresolved)] if c.unresolved else [])
        recipients = [_actor(e) for e in c.recipients]
        resolved = bool(c.actors)
        named_recipient = bool(recipients) and not c.recipient_is_place
        confidence = 0.4 + 0.25 * resolved + 0.15 * named_recipient + 0.1 * c.dated - 0.1 * c.nominal
        if c.negated or c.hypothetical:
            confidence -= 0.3
        key = "|".join([article.id, c.type, c.mode or "", ",".join(sorted(a.entity or a.name for a in actors)), c.date or "", str(start)])
        return Event(
            id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            type=c.type, mode=c.mode, actors=actors, recipients=recipients, date=c.date, location=c.location,
            negated=c.negated, future=c.future, hypothetical=c.hypothetical, background=c.background,
            evidence=article.text[start:end], start=start, end=end, confidence=round(max(0.05, min(confidence, 1.0)), 2),
            quad=kind.quad, intensity=kind.intensity, cameo=kind.cameo_for(c.mode), trigger=c.trigger,
            mentions=[EvidenceSpan(article.text[a:b], a, b) for a, b in c.mentions],
        )


def _plover_reading(c: _Coded) -> _Coded:
    """PLOVER's reading of intent and refusal: an announced intent to cooperate is AGREE, an
    announced hostile act a THREATEN, a refusal to cooperate a REJECT."""
    if c.negated and c.type in _COOPERATIVE_TYPES:
        c.type, c.mode, c.negated = "REJECT", "refuse", False
    elif c.future and c.type in _INTENT_TYPES:
        c.type, c.mode = "AGREE", "diplomatic"
    elif c.future and c.type in _HOSTILE_TYPES and not c.passive:  # "akan ditahan": a plan, no threat
        c.type, c.mode = "THREATEN", "warn"
    return c


def _clauses(text: str, sentence: tuple[int, int], lexicon: TriggerLexicon) -> list[tuple[int, int]]:
    bounds = [sentence[0]]
    for m in lexicon.clause_break.finditer(text, sentence[0], sentence[1]):
        bounds.append(m.start() + 1)
    bounds.append(sentence[1])
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


_ARTICLES = frozenset({"the", "a", "an"})


def _word_before(text: str, position: int, *, past_articles: bool = False) -> str:
    """The word before a position, optionally looking past an English article ("from the United States")."""
    words = [w.casefold() for w in re.findall(r"[\w-]+", text[max(0, position - 30) : position])]
    while past_articles and words and words[-1] in _ARTICLES:
        words.pop()
    return words[-1] if words else ""


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


_SUBJECT_STOP = frozenset({"the", "a", "an", "and", "or", "of", "that", "which", "who", "on", "in", "at", "to",
                           "yang", "dan", "di", "ke", "dari", "itu", "ini", "pada", "telah", "sudah", "akan",
                           "has", "have", "had", "was", "were", "is", "are", "will", "would", "also", "juga"})


def _subject_phrase(text: str, clause_start: int, trigger_start: int, lexicon: TriggerLexicon) -> str | None:
    """An unresolved actor from the words right before the trigger: the nearest actor noun with
    its modifiers ("Ibo traditional elders", "ratusan warga"), else a capitalised name; None for
    anything else ("Namun ia", "berupaya mencegah")."""
    segment = text[clause_start:trigger_start]
    words = re.findall(r"[\w'-]+", segment[segment.rfind(",") + 1 :])[-6:]
    lowered = [w.casefold() for w in words]
    for i in range(len(words) - 1, -1, -1):
        size = 2 if i and f"{lowered[i - 1]} {lowered[i]}" in lexicon.actor_nouns else 1
        if size == 2 or lowered[i] in lexicon.actor_nouns:
            first = i - size + 1
            while first > max(0, i - 3) and lowered[first - 1] in lexicon.actor_modifiers:
                first -= 1
            return " ".join(words[first : i + 1])
    name: list[str] = []
    for word in reversed(words):
        if word.casefold() in _SUBJECT_STOP or word.isdigit():
            if name:
                break
            continue
        if not word[:1].isupper():
            return None
        name.insert(0, word)
        if len(name) == 4:
            break
    return " ".join(name) if name and " ".join(name).casefold() not in lexicon.pronouns else None


def _directly_after(text: str, trigger_end: int, start: int) -> bool:
    """Nothing but spaces, commas or title words between a trigger and a mention."""
    gap = text[trigger_end:start]
    return not gap.strip(" ,") or _only_title_words(gap)


def _only_title_words(gap: str) -> bool:
    """A gap such as "Presiden " or "Menteri Luar Negeri " between a nominal and its actor."""
    words = gap.split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words)


def _actor(entity: Entity) -> Actor:
    return Actor(entity.name, entity.id, entity.country, entity.sector)


def _parties(c: _Coded) -> frozenset[str]:
    return frozenset(e.id for e in c.actors + c.recipients)


def _merge(coded: list[_Coded]) -> list[_Coded]:
    """Mentions of one happening → one event: same type and mode, the same parties (or an undated
    mention whose parties are among a dated one's), same or unstated date."""
    merged: list[_Coded] = []
    for c in coded:
        if c.anaphoric:  # "kunjungan ini", "pembicaraan tersebut": the event told before
            earlier = [m for m in merged if m.type == c.type]
            if earlier:
                if c.sentence not in earlier[-1].mentions:
                    earlier[-1].mentions.append(c.sentence)
                continue
            if not c.actors and not c.recipients:
                continue
        same_sentence = [m for m in merged if m.type == c.type and c.sentence in m.mentions and _parties(m) & _parties(c)]
        if same_sentence:  # "menandatangani kesepakatan": one happening, several trigger words
            continue
        for m in merged:
            parties_fit = _parties(m) == _parties(c) or (not c.dated and _parties(c) <= _parties(m))
            same = m.type == c.type and m.mode == c.mode and parties_fit
            compatible_date = m.date == c.date or not c.dated or not m.dated
            if same and compatible_date and m.negated == c.negated:
                if c.dated and not m.dated:
                    m.date, m.dated = c.date, True
                if c.sentence not in m.mentions:
                    m.mentions.append(c.sentence)
                break
        else:
            merged.append(c)
    return merged
