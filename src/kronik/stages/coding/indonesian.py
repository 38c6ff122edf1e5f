"""Indonesian clauses → events, by the clause grammar of Indonesian news.

For each trigger (a form the morphology made from a root, or a listed word) the sense is chosen by
its object ("membakar rumah" → ASSAULT, "menahan diri" → nothing), then its parties by voice:

* active (meN-, ber-): the actor is the subject — the nearest party before the verb that no
  preposition governs (a relative "yang" leaves its head there; a coordinated verb shares the
  subject of the one before); the recipient is the first party after it;
* passive (di-, ter-): the subject is the recipient; the agent follows the verb directly or after
  "oleh" ("X ditangkap polisi", "ditetapkan sebagai tersangka oleh KPK");
* object-focus (bare root after a pronoun: "dua pelaku kami tangkap"): the pronoun is the agent;
* nominal (peN-an, "unjuk rasa"): a light verb before it acts as its verb ("melakukan penangkapan
  terhadap X"), an undergoer verb makes its subject the recipient ("menjalani pemeriksaan"), the
  party right after it is its actor when an authority, else its recipient.

Pronouns resolve through the discourse ("kami" in a police chief's quote: the police); an event whose
agent is left unsaid takes the story's authority (COERCE, ACCUSE, SANCTION, MOBILIZE) or the parties of
the last event of its type (a later "penyerangan" of the same attack).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from kronik.model import Article, Entity
from kronik.stages.coding.actors import ActorLexicon
from kronik.stages.coding.arguments import Arguments, find_arguments
from kronik.stages.coding.clauses import clauses
from kronik.stages.coding.discourse import AUTHORITY_SECTORS, Discourse
from kronik.stages.coding.lexicon import Trigger, TriggerLexicon
from kronik.stages.coding.parties import NAMED_KINDS, Party, PartyFinder, Token, tokenize
from kronik.stages.coding.record import Coded
from kronik.stages.coding.senses import choose_sense
from kronik.stages.coding.view import SentenceView
from kronik.stages.temporal import episode_date

__all__ = ["IndonesianCoder"]

_PARTY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC"})
#: events whose unsaid agent is the authority of the story
_AUTHORITY_EVENTS = frozenset({"COERCE", "ACCUSE", "SANCTION", "MOBILIZE"})
_ENFORCEMENT_EVENTS = frozenset({"COERCE", "ACCUSE"})
_AUTHORITY_MODES = frozenset({"investigate", "charge", "find liable"})
#: object classes (``[objects]`` in triggers.toml) that name something concrete an event was done to
_CONCRETE = frozenset({"human", "property", "evidence", "vehicle", "crime"})
#: events whose later bare mentions carry the parties of the first
#: institutions a protest held at them addresses
_PROTESTED_BODIES = frozenset({"GOV", "LEG", "JUD"})
#: crimes whose actors an investigation of "the case" is about
_CRIME_EVENTS = ("ASSAULT", "THREATEN")
_CARRIED_EVENTS = frozenset({"ASSAULT", "PROTEST", "THREATEN", "COERCE", "ACCUSE", "SANCTION", "MOBILIZE"})
#: events whose clause after the trigger tells what was asked, threatened or sentenced, not done
_GOVERNING = frozenset({"REQUEST", "THREATEN"})
#: cooperation that, denied, is a refusal (PLOVER REJECT)
_COOPERATIVE = frozenset({"AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE"})
#: roles in which an unnamed person ("dua orang", "sekelompok orang") is a suspect
_SUSPECT_RECIPIENT = frozenset({"COERCE", "ACCUSE"})
_SUSPECT_ACTOR = frozenset({"ASSAULT", "THREATEN"})


@dataclass(slots=True)
class _Article:
    article: Article
    state: Discourse
    finder: PartyFinder
    entities: dict[str, Entity]
    mentions: list[tuple[int, int, Entity]]
    dates: list[tuple[int, int]]
    names: list[tuple[int, int]]
    coded: list[Coded] = field(default_factory=list)


class IndonesianCoder:
    """Codes the triggers of an Indonesian (or Malay) article."""

    def __init__(self, lexicon: TriggerLexicon, actors: ActorLexicon, outlets: dict[str, str],
                 place_country: Callable[[str], str | None]) -> None:
        self.lexicon = lexicon
        self.actors = actors
        self.outlets = outlets
        self.place_country = place_country
        self.both_sides = lexicon.regex("both_sides", r"(?:{})")

    def home_country(self, article: Article) -> str | None:
        """The country of unmarked agents ("polisi", "warga"): the country most of the article's
        places (its dateline among them) lie in, else the dateline's, else the outlet's, else the
        language's home."""
        line = article.dateline
        dateline = self.place_country(" ".join(line.place.split()).title()) if line is not None and line.place else None
        cues = self.lexicon.words("location_cues") | self.lexicon.words("destination_cues")
        places = Counter(e.country for e in article.entities if e.country and (
            e.type == "LOC" or (e.type == "GPE" and any(_located(article.text, m.start, cues) for m in e.mentions))))
        if dateline:
            places[dateline] += 1
        ranked = places.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]  # where the story happens (a Jakarta desk may report from Hamburg)
        if dateline:
            return dateline
        for outlet in (line.outlet if line else None, article.source.outlet):
            if outlet and outlet.casefold() in self.outlets:
                return self.outlets[outlet.casefold()]
        return self.actors.home_country if not ranked else None

    def code(self, article: Article) -> list[Coded]:
        home = self.home_country(article)
        line = article.dateline
        opening = line.end if line is not None and line.start is not None and line.end is not None else 0
        mentions = sorted((m.start, m.end, e) for e in article.entities if e.type in _PARTY_TYPES
                          for m in e.mentions if m.start >= opening)
        context = _Article(
            article=article, state=Discourse(article, self.actors, home), finder=PartyFinder(self.actors, home),
            entities={e.id: e for e in article.entities}, mentions=mentions,
            dates=[(d.start, d.end) for d in article.dates], names=[(m[0], m[1]) for m in mentions],
        )
        read = []
        for sentence in article.sentences:
            tokens = tokenize(article.text, sentence)
            inside = [m for m in context.mentions if sentence[0] <= m[0] and m[1] <= sentence[1]]
            read.append((sentence, tokens, context.finder.find(article, tokens, inside, context.dates)))
        context.state.prepare([parties for _, _, parties in read])
        names = context.state.known_names()
        for sentence, tokens, parties in read:
            self._sentence(context, sentence, tokens, context.finder.add_names(article.text, tokens, parties, names))
        return context.coded

    def _sentence(self, context: _Article, sentence: tuple[int, int], tokens: list[Token], parties: list[Party]) -> None:
        article = context.article
        context.state.learn(parties)
        view = SentenceView(article.text, sentence, tokens, parties, self.lexicon, context.dates)
        triggers = [(tokens[a].start, tokens[b - 1].end) for a, b in self.lexicon.find(view.lowers)]
        names = [(m[0], m[1]) for m in context.mentions if sentence[0] <= m[0] < sentence[1]]
        in_sentence: list[Coded] = []
        for clause in clauses(article.text, sentence, self.lexicon):
            governor = clause[1]  # where the content of a request, threat or verdict begins
            for span in (t for t in triggers if clause[0] <= t[0] and t[1] <= clause[1]):
                if any(a < span[1] and span[0] < b for a, b in names):
                    continue  # part of a name ("Komisi Pemberantasan Korupsi")
                if span[0] >= governor:
                    continue  # "meminta Juliari untuk menyerahkan diri": what was asked, not done
                if in_sentence and self._object_of_last(view, in_sentence[-1], span):
                    continue  # "menandatangani nota kesepahaman": the verb's object, one event
                event = self._code(context, view, clause, span, in_sentence)
                if event is not None:
                    in_sentence.append(event)
                if self._governs(event, view, span):
                    governor = min(governor, span[1])  # what follows is what was asked or sentenced
        context.coded.extend(in_sentence)
        context.state.remember(parties)

    def _governs(self, event: Coded | None, view: SentenceView, span: tuple[int, int]) -> bool:
        """A request, threat or verdict: what follows it in the clause is its content, whether or
        not the request itself was coded ("guna menuntut Ahok diproses hukum"): an uncoded verb of
        asking governs when a party or a clause word follows it."""
        if event is not None:
            return event.type in _GOVERNING or event.mode == "find liable"
        senses = self.lexicon.senses_of(view.text[span[0] : span[1]])[1]
        b = view.index(span[1])
        asked = b < len(view.lowers) and (view.party_at(b) is not None or view.lowers[b] in self.lexicon.words("clause_words"))
        return asked and any(s.governs and s.voice == "active" for s in senses)

    def _object_of_last(self, view: SentenceView, last: Coded, span: tuple[int, int]) -> bool:
        """A nominal trigger right after a verb trigger of the same type is its object
        ("menandatangani nota kesepahaman"); a refusal right after a protest is its slogan
        ("unjuk rasa menolak RUU")."""
        _, senses = self.lexicon.senses_of(view.text[span[0] : span[1]])
        if not senses or last.span is None or view.index(span[0]) - view.index(last.span[1]) > 1:
            return False
        same = senses[0].voice == "nominal" and senses[0].type == last.type
        return same or (last.type == "PROTEST" and senses[0].type == "REJECT")

    def _code(self, context: _Article, view: SentenceView, clause: tuple[int, int], span: tuple[int, int],
              in_sentence: list[Coded]) -> Coded | None:
        text = view.text
        _, senses = self.lexicon.senses_of(text[span[0] : span[1]])
        if view.word_before_is_topic(span[0]):
            return None  # "Peraturan ... tentang Pemberian Bantuan", "soal penangkapan"
        chosen = choose_sense(view, senses, span, clause)
        verb = view.light_verb_before(span[0], clause[0])
        if chosen is None or view.unreal(span[0] if verb is None else verb, clause[0]):
            return None  # no sense fits; or an obligation, condition, hope or purpose, not a report
        trigger = chosen[0]
        if trigger.voice == "passive" and trigger.type.casefold() in self.lexicon.words("label_events") and \
                view.relative_before(view.index(span[0])):
            return None  # "kelompok yang didukung Barat": a label, no happening
        if view.negated(span[0], clause[0]):
            if trigger.type not in _COOPERATIVE:
                return None  # "tidak menangkap": nothing happened
            trigger = replace(trigger, type="REJECT", mode="refuse")  # "tidak akan mendukung": a refusal
        args = find_arguments(view, trigger, span, clause, in_sentence)
        args.decreed = view.text[span[0] : span[1]].casefold() in self.lexicon.words("decreed")
        if trigger.type == "PROTEST" and not args.recipients:
            args.recipients = self._protest_target(context, view, span, clause)
        # a party, or a concrete thing done to ("rumah yang digeledah"), makes the event the text's own
        explicit = bool(args.actors or args.recipients or chosen[1] & _CONCRETE)
        self._resolve(context, view, args, span)
        anchored = self._complete(context, trigger, args, span[0])
        continuing = args.anaphoric and trigger.type in context.state.events
        b = view.index(span[1])  # "pelaku pembakaran": a description; "serangan … akan dibatasi": a subject
        modifier = view.party_at(view.index(span[0]) - 1) is not None or bool(
            self.lexicon.regex("future").search(view.text, span[1], view.tokens[min(b + 4, len(view.tokens)) - 1].end))
        if not (args.actors or anchored or continuing or args.blocked) and trigger.implicit_actor and not modifier \
                and (args.recipients or trigger.type != "ASSAULT"):
            args.actors = [self._implied(context, trigger)]  # "unjuk rasa": protesters, unnamed
            explicit = True
        if not (explicit or anchored or continuing) or not self._acceptable(context, trigger, args, continuing):
            return None
        self._as_suspects(trigger, args)
        return self._record(context, view, trigger, args, (clause, span))

    def _resolve(self, context: _Article, view: SentenceView, args: Arguments, span: tuple[int, int]) -> None:
        """Pronouns to the parties they stand for; a party never its own recipient."""
        state = context.state

        def resolved(parties: list[Party]) -> list[Party]:
            out: list[Party] = []
            for party in parties:
                before = [p for p in view.parties if p.end <= party.start]
                if self.both_sides.fullmatch(party.name) or (args.symmetric and party.pronoun == "group"):
                    reals = state.principals()  # "kedua pemimpin": the two sides named before
                else:
                    real = state.resolve(party, span[0], before, context.entities)
                    reals = [real] if real is not None else []
                out += [r for r in reals if all(r.key != p.key for p in out)]
            return out

        args.actors = resolved(args.actors)
        line = context.article.dateline
        outlets = {o.casefold() for o in (line.outlet if line else None, context.article.source.outlet) if o}
        args.recipients = [r for r in resolved(args.recipients)  # ("kata X kepada Kompas": the reporter)
                           if (args.symmetric or all(r.key != a.key for a in args.actors))
                           and r.name.casefold() not in outlets]

    def _complete(self, context: _Article, trigger: Trigger, args: Arguments, offset: int) -> bool:
        """Unsaid agents from the story: the subject shared with the verb before, the speaker of a
        quote, the story's authority, or the parties of the last event of the same type. True when
        the event continues an earlier one whose parties the text named."""
        state = context.state
        previous = state.events.get(trigger.type)
        carried = previous is not None and trigger.type in _CARRIED_EVENTS and (
            args.subjectless or trigger.voice in ("nominal", "passive")) and previous[2]
        if not args.actors:
            speaker = state.speaker(offset, context.entities)
            if args.coordinated and state.last_actors:
                args.actors = list(state.last_actors)
            elif speaker is not None and trigger.voice in ("active", "bare") and not args.blocked \
                    and trigger.type != "ASSAULT":  # (a speaker tells of attacks, rarely makes them)
                args.actors = [speaker]
            elif ((self._by_authority(trigger) and (trigger.voice != "active" or args.subjectless))
                  or (trigger.type == "REQUEST" and trigger.voice == "passive")) and not args.undergoer:
                taken = tuple(r.key for r in args.recipients)
                here = [p for p in args.sentence_authorities if p.key not in taken]
                enforcer = trigger.type in _ENFORCEMENT_EVENTS and not args.decreed
                if enforcer:  # a charge is laid by police, prosecutors or an enforcement body, never the suspect
                    here = [p for p in here if (p.sector in ("POL", "JUD") or p.enforcer) and not p.court]
                forces = trigger.type == "MOBILIZE"  # troops and police are deployed by their commanders
                if forces:
                    here = [p for p in here if p.sector in ("POL", "MIL")]
                authority = here[0] if here else state.authority(taken, enforcer=enforcer, forces=forces)
                args.actors = [authority] if authority is not None else []
            args.inferred_actor = bool(args.actors)
        same_target = not args.recipients or (previous is not None and bool(
            {r.key for r in args.recipients} & {r.key for r in previous[1]}))
        if not args.actors and carried and previous is not None and same_target:
            args.actors = list(previous[0])  # a later mention of the same attack, not another one
            args.inferred_actor = True
        if not args.recipients and carried and previous is not None and trigger.voice != "active":
            keys = {a.key for a in args.actors}
            args.recipients = [r for r in previous[1] if r.key not in keys]
        if not args.recipients and args.case_reference and trigger.type == "ACCUSE":
            args.recipients = self._perpetrators(context, args)
        return carried

    @staticmethod
    def _protest_target(context: _Article, view: SentenceView, span: tuple[int, int],
                        clause: tuple[int, int]) -> list[Party]:
        """Whom a protest addresses when the grammar found no one: the institution it gathers at
        ("Di DPRD Kota X, mahasiswa berdemonstrasi"), else the government of a law it opposes
        ("unjuk rasa menolak RUU Cipta Kerja")."""
        inside = [p for p in view.parties if clause[0] <= p.start and p.end <= clause[1]]
        gathered = [p for p in inside if p.kind in ("entity", "phrase") and p.sector in _PROTESTED_BODIES and p.first > 0
                    and view.lowers[p.first - 1] in view.lexicon.words("location_cues")]
        if gathered:
            return gathered[:1]
        law = view.lexicon.regex("laws").search(view.text, span[1], clause[1])
        if law is None:
            return []
        return [Party(law.start(), law.end(), "pemerintah", "phrase", "GOV", context.state.home,
                      first=view.index(law.start()), last=view.index(law.end()))]

    @staticmethod
    def _perpetrators(context: _Article, args: Arguments) -> list[Party]:
        """"Polisi menyelidiki kasus tersebut": whoever did the attack or threat the story told."""
        keys = {a.key for a in args.actors}
        for kind in _CRIME_EVENTS:
            told = context.state.events.get(kind)
            if told is not None:
                return [p for p in told[0] if p.sector not in AUTHORITY_SECTORS and p.key not in keys]
        return []

    def _acceptable(self, context: _Article, trigger: Trigger, args: Arguments, continuing: bool) -> bool:
        if continuing:
            return True  # "kunjungan ini": merges into the event told before
        if trigger.voice == "active" and (args.thing_subject or args.kicker) and not args.actors:
            return False  # "Program jahat ini menyerang …": a thing, no party, acts
        if trigger.type == "CONSULT" and all(p.kind == "phrase" and p.tier == 2 for p in args.actors + args.recipients):
            return False  # "korban bertemu pelaku", "dikunjungi pengunjung": no political meeting
        sides = len({p.key for p in args.actors + args.recipients})
        asked = trigger.type == "REQUEST" and not trigger.strict_recipient and args.clause_object and \
            any(p.kind in NAMED_KINDS for p in args.actors)
        if trigger.needs_recipient and not (args.recipients or (trigger.symmetric and sides >= 2) or asked):
            return False
        if trigger.mode == "visit" and args.recipients and all(
                r.entity is not None and r.entity.type in ("GPE", "LOC") and any(r.country == a.country for a in args.actors)
                for r in args.recipients):
            return False  # "tiba di Jakarta": travel at home, no visit to another party
        outlet = context.article.dateline.outlet if context.article.dateline else None
        if outlet and args.actors and all(a.sector == "MED" and a.name.casefold() == outlet.casefold()
                                          for a in args.actors):
            return False  # "Kompas menghubungi X": the outlet's own reporting
        if trigger.symmetric and trigger.needs_recipient and sides < 2:
            return False
        return bool(args.actors or args.recipients)

    @staticmethod
    def _by_authority(trigger: Trigger) -> bool:
        """An act only an authority performs, so its unsaid agent is the story's authority: an arrest,
        a search, a charge, an investigation, a dismissal, a deployment; not a criticism."""
        return trigger.type in _AUTHORITY_EVENTS and (trigger.type != "ACCUSE" or trigger.mode in _AUTHORITY_MODES)

    def _implied(self, context: _Article, trigger: Trigger) -> Party:
        """The unnamed actor a trigger implies ("pengunjuk rasa" of "unjuk rasa")."""
        name = trigger.implicit_actor or ""
        judged = self.actors.classify(name.split())
        return Party(0, 0, name, "phrase", judged.sector, context.state.home)

    def _as_suspects(self, trigger: Trigger, args: Arguments) -> None:
        """Unnamed people arrested, charged or attacking are suspects ("dua orang" → CRM)."""
        if trigger.type in _SUSPECT_RECIPIENT and trigger.mode in ("arrest", "charge", "investigate"):
            args.recipients = [self._suspect(p) for p in args.recipients]
        if trigger.type in _SUSPECT_ACTOR:
            args.actors = [self._suspect(p) for p in args.actors]

    def _suspect(self, party: Party) -> Party:
        words = party.name.casefold().split()
        if party.kind == "phrase" and party.sector == "CVL" and any(w in self.actors.suspects for w in words):
            return replace(party, sector="CRM")
        return party

    def _record(self, context: _Article, view: SentenceView, trigger: Trigger, args: Arguments,
                where: tuple[tuple[int, int], tuple[int, int]]) -> Coded:
        clause, span = where
        article, text, lex = context.article, view.text, self.lexicon
        episode = episode_date(article, span[0], clause)
        date, dated = episode.value, episode.source == "sentence"
        head_start = max(clause[0], span[0] - 40)
        actors, recipients = args.actors, args.recipients
        if trigger.symmetric:
            parties = list({p.key: p for p in actors + recipients}.values())
            actors, recipients = parties, (list(parties) if len(parties) > 1 else [])
        coded = Coded(
            type=trigger.type, mode=trigger.mode, trigger=text[span[0] : span[1]],
            actors=[p.actor() for p in actors], recipients=[p.actor() for p in recipients],
            sentence=view.sentence, symmetric=trigger.symmetric, date=date, dated=dated,
            location=args.location or (article.dateline.place if article.dateline else None),
            negated=False,
            future=bool(lex.regex("future").search(text, head_start, span[0])) or args.requested,
            hypothetical=bool(lex.regex("hypothetical").search(text, head_start, span[0])
                              or lex.regex("conditionals").search(text, span[1], clause[1])),
            background=bool(lex.regex("background").search(text, head_start, span[0])),
            mentions=[view.sentence], anaphoric=args.anaphoric, nominal=trigger.voice == "nominal",
            passive=trigger.voice == "passive", resolved=not args.inferred_actor,
            confidence_penalty=0.1 if args.inferred_actor else 0.0, span=span,
        )
        context.state.record(trigger.type, actors, recipients, not args.inferred_actor or bool(args.recipients))
        return coded


def _located(text: str, start: int, cues: frozenset[str]) -> bool:
    """A country named as where something happens ("di Gaza", "ke Rusia")."""
    words = text[max(0, start - 12) : start].casefold().split()
    return bool(words) and words[-1] in cues


def authorities_in(parties: list[Party]) -> list[Party]:
    """The authorities a sentence names (police, prosecutors, government, military)."""
    return [p for p in parties if p.sector in AUTHORITY_SECTORS and p.kind in NAMED_KINDS
            and (p.entity is None or p.entity.type != "GPE")]
