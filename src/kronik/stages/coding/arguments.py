"""The parties of an Indonesian trigger by voice, and the sense its object picks (see
``indonesian.py`` for the grammar in words)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kronik.stages.coding.lexicon import Trigger
from kronik.stages.coding.parties import NAMED_KINDS, Party
from kronik.stages.coding.record import Coded
from kronik.stages.coding.subjects import (
    clause_subject,
    demonstrative_subject,
    judge,
    main_subject,
    noun_subject,
    relative_head,
    subject,
    walk_blocked,
)
from kronik.stages.coding.view import SentenceView, oblique, passive_verb, usable, verbish

__all__ = ["Arguments", "SentenceView", "find_arguments"]

_AUTHORITY = frozenset({"POL", "JUD", "GOV", "MIL"})
#: nominal events whose genitive party ("kunjungan Presiden", "unjuk rasa buruh") is the actor
_GENITIVE_ACTOR = frozenset({"CONSULT", "AID", "PROTEST", "THREATEN", "COOPERATE", "SUPPORT", "REJECT",
                             "REQUEST", "AGREE", "CONCEDE", "MOBILIZE", "RETREAT"})
#: events whose organisation, named behind "dari" after a passive verb, acts ("dipecat dari PKS")
_EXPELLING_EVENTS = frozenset({"SANCTION"})
#: nominal events whose participant is the subject of the clause they are told in ("X tiba di Moskow
#: dalam rangka kunjungan ke Rusia")
_PARTICIPANT_EVENTS = frozenset({"CONSULT", "AID", "COOPERATE", "AGREE"})


@dataclass(slots=True)
class Arguments:
    """What the grammar found for one trigger."""

    actors: list[Party] = field(default_factory=list)
    recipients: list[Party] = field(default_factory=list)
    location: str | None = None
    symmetric: bool = False
    subjectless: bool = False  # the verb's subject or the nominal's agent is not in the clause
    anaphoric: bool = False  # "penangkapan tersebut": a mention of an event told before
    decreed: bool = False  # a ban a government decrees, not an act the police carry out ("dilarang")
    case_reference: bool = False  # "menyelidiki kasus tersebut": the object is a crime told before
    coordinated: bool = False  # a verb joined to an earlier one, sharing its subject
    undergoer: bool = False  # "X menghadapi sanksi dari Y": the text says who does it, or leaves it out
    blocked: bool = False  # the verb's subject is a common noun, not a party ("virus … mengancam")
    kicker: bool = False  # a subhead run into the sentence ("Mendukung Kepala Dinas X mengatakan …")
    thing_subject: bool = False  # a noun phrase with a demonstrative, no party, is the subject ("Program ini")
    clause_object: bool = False  # the trigger's object is a clause ("meminta agar …")
    requested: bool = False
    inferred_actor: bool = False
    sentence_authorities: list[Party] = field(default_factory=list)


def _with_coordinated(view: SentenceView, party: Party, pool: list[Party], leftwards: bool) -> list[Party]:
    """A party and those joined to it by "dan", "serta" or a comma (a list closed by "dan": "Rusia,
    Mesir dan Qatar"; a comma alone may open an apposition or a new clause)."""
    group = [party]
    joiners = view.lexicon.words("list_joiners")
    current = party
    closed = 1  # members up to the last one joined by a word
    ordered = sorted(pool, key=lambda p: p.first, reverse=leftwards)
    for other in ordered:
        gap = view.lowers[other.last : current.first] if leftwards else view.lowers[current.last : other.first]
        if (other.first < current.first) != leftwards or other is current:
            continue
        opens_clause = not leftwards and any(verbish(w, view.lexicon) for w in view.lowers[other.last : other.last + 2])
        if gap and all(w in joiners or w == "," for w in gap) and usable(view, other) and not opens_clause:
            group.append(other)  # (not "… korban dan pelaku lain menunggu": a new clause's subject)
            current = other
            closed = len(group) if any(w in joiners for w in gap) else closed
    return group[:closed]


def _first_after(view: SentenceView, b: int, c1: int, *, cues: frozenset[str] | None = None,
                 exclude: tuple[Party, ...] = ()) -> list[Party]:
    """The first party after token ``b`` in the clause (behind one of ``cues`` when given),
    stopping at the speaker of a report ("…, kata X")."""
    speech = view.lexicon.words("speech_verbs")
    right = [p for p in view.parties if p.first >= b and p.last <= c1 and usable(view, p) and p not in exclude]
    for party in right:
        cue = view.lowers[party.first - 1] if party.first > 0 else ""
        if cue in speech:
            return []
        if cue in view.lexicon.words("location_cues") and party.entity is not None and party.entity.type in ("GPE", "LOC"):
            continue
        if cues is not None and cue not in cues:
            continue
        if cue in view.lexicon.words("passive_agent"):
            continue
        return _with_coordinated(view, party, right, leftwards=False)
    return []


def _agent_after(view: SentenceView, b: int, c1: int) -> list[Party]:
    """A passive's agent: right after the verb, or behind "oleh" before another verb begins."""
    obliques = view.lexicon.words("obliques")
    verb = next((k for k in range(b, c1) if view.party_at(k) is None and verbish(view.lowers[k], view.lexicon)), c1)
    for party in view.parties:
        if party.first < b or party.last > min(c1, verb) or not usable(view, party):
            continue
        cue = view.lowers[party.first - 1] if party.first > 0 else ""
        if cue in view.lexicon.words("passive_agent") or (party.first <= b + 1 and cue not in obliques and cue.isalnum()) \
                or _behind_agent_cue(view, b, party):
            pool = [p for p in view.parties if p.first >= party.first and p.last <= c1 and usable(view, p)]
            return _with_coordinated(view, party, pool, leftwards=False)
    return []


def _behind_agent_cue(view: SentenceView, b: int, party: Party) -> bool:
    """"didukung oleh berbagai negara termasuk Rusia": the party ends the agent phrase that "oleh"
    opens right after the verb (common nouns and "termasuk" between)."""
    cue = next((k for k in range(b, min(b + 3, party.first)) if view.lowers[k] in view.lexicon.words("passive_agent")), None)
    return cue is not None and party.first - cue <= 5 and all(
        view.lowers[k].isalpha() and view.party_at(k) is None for k in range(cue + 1, party.first))


def _location(view: SentenceView, c0: int, c1: int) -> str | None:
    cues = view.lexicon.words("location_cues")
    for party in view.parties:
        placed = party.kind == "place" or (party.first > 0 and view.lowers[party.first - 1] in cues)
        if c0 <= party.first and party.last <= c1 and party.entity is not None \
                and party.entity.type in ("GPE", "LOC") and placed:
            return view.text[party.start : party.end]
    return None


def _done_by(view: SentenceView, b: int, c1: int) -> list[Party]:
    """"Penangkapan dilakukan KPK", "penggeledahan yang dilakukan Densus 88": the agent after a
    passive light verb following the nominal."""
    j = b
    while j < c1 and view.lowers[j] in view.lexicon.words("aux"):
        j += 1
    if j >= c1 or view.lowers[j] not in view.lexicon.words("passive_light_verbs"):
        return []
    party = next((p for p in view.parties if p.first in (j + 1, j + 2) and p.last <= c1 and usable(view, p)), None)
    return [party] if party is not None else []


def _nominal(view: SentenceView, trigger: Trigger, span: tuple[int, int], clause: tuple[int, int],
             args: Arguments) -> None:
    a, b = span
    c0, c1 = clause
    lex = view.lexicon
    j = view.before(a, c0)
    k = view.before(j, c0) if j >= 0 else -1
    verb = next((x for x in (j, k) if x >= 0 and (view.lowers[x] in lex.words("light_verbs")
                                                   or view.lowers[x] in lex.words("undergoer_verbs"))), -1)
    if verb >= 0 and view.lowers[verb] in lex.words("undergoer_verbs"):
        args.undergoer = True
        args.recipients = subject(view, verb, c0)  # "Iran menghadapi sanksi dari Uni Eropa"
        nxt = view.party_at(b)
        genitive = [nxt] if nxt is not None and nxt.first == b and usable(view, nxt) else []
        args.actors = _first_after(view, b, c1, cues=lex.words("source_cues")) or genitive
    elif verb >= 0:
        args.actors = subject(view, verb, c0) or main_subject(view, verb, c0)
        targets = lex.words("recipient_cues")
        args.recipients = _first_after(view, b, c1, cues=targets) or _first_after(view, b, c1)
    else:
        agents = [p for p in view.parties if p.first > b and p.last <= c1 and p.first > 0
                  and view.lowers[p.first - 1] in lex.words("passive_agent")]
        pool = [p for p in view.parties if p.first > b and p.last <= c1 and usable(view, p)]
        args.actors = (_with_coordinated(view, agents[0], pool, leftwards=False) if agents else []) or \
            _done_by(view, b, c1)
        nxt = view.party_at(b)
        if nxt is not None and nxt.first == b and usable(view, nxt) and not args.actors:
            if trigger.type in _GENITIVE_ACTOR or nxt.sector in _AUTHORITY:
                args.actors = [nxt]
            else:
                args.recipients = [nxt]
        if not args.recipients:
            args.recipients = _first_after(view, b, c1, cues=lex.words("nominal_target_cues"), exclude=tuple(args.actors))
    if not args.actors and trigger.type in _PARTICIPANT_EVENTS:
        args.actors = clause_subject(view, a, c0)  # "Xi tiba di Moskow dalam rangka kunjungan ke Rusia"
    args.anaphoric = b < len(view.lowers) and view.lowers[b] in lex.words("demonstratives")
    args.subjectless = not args.actors


def find_arguments(view: SentenceView, trigger: Trigger, span: tuple[int, int], clause: tuple[int, int],
                   in_sentence: list[Coded]) -> Arguments:
    """The actors, recipients and location of one trigger."""
    a, b = view.index(span[0]), view.index(span[1])
    c0, c1 = view.index(clause[0]), view.index(clause[1])
    args = Arguments(symmetric=trigger.symmetric, location=_location(view, c0, c1))
    demonstratives, cases = view.lexicon.words("demonstratives"), view.lexicon.words("case_nouns")
    args.case_reference = any(view.lowers[k] in cases and view.lowers[k + 1] in demonstratives
                              for k in range(b, min(b + 3, c1 - 1)))
    args.sentence_authorities = [p for p in view.parties if p.sector in _AUTHORITY and p.kind in NAMED_KINDS
                                 and (p.entity is None or p.entity.type != "GPE") and not oblique(view, p)]
    if trigger.voice == "nominal":
        _nominal(view, trigger, (a, b), (c0, c1), args)
        return args
    window = view.lowers[b : min(b + 6, c1)]  # "meminta agar …", "meminta uji PCR diperluas"
    args.clause_object = any(w in view.lexicon.words("clause_words") or passive_verb(view, w) for w in window)
    enclitic = view.lexicon.clause["object_enclitic"]
    if trigger.voice == "passive" and view.lowers[b - 1].endswith(enclitic) and view.party_at(b) is not None:
        _nominal(view, trigger, (a, b), (c0, c1), args)  # "ditangkapnya pelaku oleh Mabes Polri"
        return args
    if trigger.voice == "passive":
        args.actors = _agent_after(view, b, c1)
        args.recipients = subject(view, a, c0) or relative_head(view, a, c0)
        if not args.actors and args.recipients:
            args.actors = judge(view, args.recipients[0], c0)
        if not args.actors and trigger.type in _EXPELLING_EVENTS:  # "dipecat dari PKS": the party expels
            args.actors = [p for p in _first_after(view, b, c1, cues=view.lexicon.words("source_cues"))
                           if p.first <= b + 2 and p.entity is not None and p.entity.type == "ORG"]
        if not args.recipients and not noun_subject(view, a, c0):  # "Diamankan pula dua orang …"
            args.recipients = _first_after(view, b, c1, exclude=tuple(args.actors))
        args.subjectless = not args.actors
        return args
    if trigger.voice == "bare":
        agent = view.before(a, c0)
        party = view.party_at(agent)
        args.actors = [party] if party is not None else []
        args.recipients = subject(view, party.first if party else a, c0) or relative_head(view, agent, c0) or \
            _first_after(view, b, c1, exclude=tuple(args.actors))  # "yang kami amankan … anak-anak pelajar"
        return args
    args.actors = subject(view, a, c0) or relative_head(view, a, c0) or main_subject(view, a, c0)
    args.blocked = not args.actors and (noun_subject(view, a, c0) or walk_blocked(view, a, c0))
    args.thing_subject = args.blocked and demonstrative_subject(view, a, c0)
    args.kicker = a == 0 and b < len(view.tokens) and view.tokens[b].text[:1].isupper() and \
        view.tokens[a].text[:1].isupper()
    joined = view.before(a, 0)
    if joined >= 0 and view.lowers[joined] in view.lexicon.words("coordinators") and in_sentence and \
            not any(p.first > joined for p in args.actors):
        args.actors = []  # "menangkap X dan menyita Y": the second verb shares the first one's subject
        args.coordinated = True
    args.recipients = _first_after(view, b, c1, exclude=tuple(args.actors)) or _destination(view, trigger, b, c1)
    if trigger.type == "REQUEST" and args.recipients and _undergoes(view, args.recipients[-1], c1):
        args.recipients = []  # "berharap pelaku segera ditangkap": no one is asked
    args.subjectless = not args.actors
    return args


def _undergoes(view: SentenceView, party: Party, c1: int) -> bool:
    """The party is the subject of a passive verb right after it ("pelaku segera ditangkap")."""
    j = party.last
    while j < c1 and view.lowers[j] in view.lexicon.words("aux"):
        j += 1
    return j < c1 and passive_verb(view, view.lowers[j])


def _destination(view: SentenceView, trigger: Trigger, b: int, c1: int) -> list[Party]:
    """The country or place a visit goes to ("berkunjung ke Jepang", "tiba di Moskow")."""
    if trigger.mode != "visit":
        return []
    lex = view.lexicon
    arrived = view.lowers[b - 1] in lex.words("location_cues")  # "tiba di Moskow": the place is the destination
    cues = lex.words("destination_cues") | (lex.words("location_cues") if arrived else frozenset())
    return [p for p in view.parties if b <= p.first and p.last <= c1 and p.entity is not None
            and p.entity.type in ("GPE", "LOC") and p.first > 0 and view.lowers[p.first - 1] in cues][:1]
