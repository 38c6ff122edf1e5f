"""The parties of an Indonesian trigger by voice, and the sense its object picks (see
``indonesian.py`` for the grammar in words)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kronik.stages.coding.lexicon import Trigger, TriggerLexicon
from kronik.stages.coding.parties import NAMED_KINDS, Party, Token
from kronik.stages.coding.record import Coded

__all__ = ["Arguments", "SentenceView", "find_arguments"]

_AUTHORITY = frozenset({"POL", "JUD", "GOV", "MIL"})
#: nominal events whose genitive party ("kunjungan Presiden", "unjuk rasa buruh") is the actor
_GENITIVE_ACTOR = frozenset({"CONSULT", "AID", "PROTEST", "THREATEN", "COOPERATE", "SUPPORT", "REJECT",
                             "REQUEST", "AGREE", "CONCEDE", "MOBILIZE", "RETREAT"})
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
    coordinated: bool = False  # a verb joined to an earlier one, sharing its subject
    undergoer: bool = False  # "X menghadapi sanksi dari Y": the text says who does it, or leaves it out
    blocked: bool = False  # the verb's subject is a common noun, not a party ("virus … mengancam")
    thing_subject: bool = False  # a noun phrase with a demonstrative, no party, is the subject ("Program ini")
    clause_object: bool = False  # the trigger's object is a clause ("meminta agar …")
    requested: bool = False
    inferred_actor: bool = False
    sentence_authorities: list[Party] = field(default_factory=list)


@dataclass(slots=True)
class SentenceView:
    """A sentence's tokens and parties with the lookups the grammar needs."""

    text: str
    sentence: tuple[int, int]
    tokens: list[Token]
    parties: list[Party]
    lexicon: TriggerLexicon
    dates: list[tuple[int, int]] = field(default_factory=list)
    lowers: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lowers = [t.lower for t in self.tokens]

    def index(self, offset: int) -> int:
        """The first token starting at or after ``offset``."""
        for i, token in enumerate(self.tokens):
            if token.start >= offset:
                return i
        return len(self.tokens)

    def in_date(self, i: int) -> bool:
        return any(a <= self.tokens[i].start < b for a, b in self.dates)

    def party_at(self, i: int) -> Party | None:
        return next((p for p in self.parties if p.first <= i < p.last), None)

    def before(self, i: int, floor: int, *, skip: str = "aux") -> int:
        """The token before ``i`` past the words of clause list ``skip`` (-1 when none)."""
        words = self.lexicon.words(skip)
        j = i - 1
        while j >= floor and self.lowers[j] in words:
            j -= 1
        return j if j >= floor else -1

    def negated(self, offset: int, clause_start: int) -> bool:
        """A negation among the aspect words right before the trigger ("tidak akan memeriksa");
        one inside a party's name ("orang tak dikenal") does not count."""
        c0 = self.index(clause_start)
        negation = self.lexicon.words("negation")
        aux = self.lexicon.words("aux") | negation
        j = self.index(offset) - 1
        while j >= c0 and self.lowers[j] in aux and self.party_at(j) is None:
            if self.lowers[j] in negation:
                return True
            j -= 1
        return False

    def light_verb_before(self, offset: int, clause_start: int) -> int | None:
        """The offset of a light verb carrying the nominal at ``offset`` ("melakukan penyelidikan")."""
        c0 = self.index(clause_start)
        j = self.before(self.index(offset), c0)
        return self.tokens[j].start if j >= 0 and self.lowers[j] in self.lexicon.words("light_verbs") else None

    def unreal(self, offset: int, clause_start: int) -> bool:
        """An obligation, condition, hope, purpose or attempt right before the trigger (past its
        aspect words and subject): "harus diperiksa", "untuk menangkap", "berharap pelaku ditangkap"."""
        c0 = self.index(clause_start)
        unreal, aux = self.lexicon.words("unreal"), self.lexicon.words("aux")
        purposes = self.lexicon.words("purposes")
        j = self.index(offset) - 1
        if self._generic_relative(j, c0):
            return True
        if j > c0 and self.lowers[j] in self.lexicon.words("coordinators") and _verbish(self.lowers[j - 1], self.lexicon):
            return self.unreal(self.tokens[j - 1].start, clause_start)  # "tidak boleh bergerombol dan diamankan"
        for turn in range(2):  # the words before the trigger, then those before its subject
            while j >= c0 and self.lowers[j] in aux and self.party_at(j) is None:
                if self.lowers[j] in unreal:
                    return True
                j -= 1
            if j >= c0 and self.lowers[j] in unreal and (turn == 0 or self.lowers[j] not in purposes):
                return True  # (a purpose word before a noun is "for", not "in order to")
            party = self.party_at(j) if j >= c0 else None
            if party is None:
                return False
            j = party.first - 1
        return False

    def _generic_relative(self, j: int, c0: int) -> bool:
        """"Orang dewasa yang terbukti bersalah …", "pihak yang menyerang": a relative clause on a bare
        generic noun describes whoever does it, not a happening (unlike "dua orang yang ditangkap")."""
        aux = self.lexicon.words("aux") - self.lexicon.words("relatives")
        while j > c0 and self.lowers[j] in aux:
            j -= 1
        if j <= c0 or self.lowers[j] not in self.lexicon.words("relatives"):
            return False
        heads = self.lexicon.words("generic_heads")
        for head in (j - 1, j - 2):
            if head >= c0 and self.lowers[head] in heads:
                before = self.lowers[head - 1] if head > c0 else ""
                return not (before.isdigit() or before in self.lexicon.words("quantities"))
        return False

    def word_before_is_topic(self, offset: int) -> bool:
        """A topic word right before the trigger ("terkait penangkapan"), or a title in capitals
        after one ("tentang Pemberian Bantuan Pengamanan")."""
        i = self.index(offset)
        topics = self.lexicon.words("topic_markers")
        j = i - 1
        while j >= 0 and self.tokens[j].text[:1].isupper() and self.tokens[i].text[:1].isupper() and j > i - 4:
            j -= 1
        return (i > 0 and self.lowers[i - 1] in topics) or (j >= 0 and j < i - 1 and self.lowers[j] in topics)

    def choose_sense(self, senses: list[Trigger], span: tuple[int, int], clause: tuple[int, int]
                     ) -> tuple[Trigger, frozenset[str]] | None:
        """The first sense whose object, complement and voice fit the sentence, and the classes of
        its object."""
        a, b = self.index(span[0]), self.index(span[1])
        c0, c1 = self.index(clause[0]), self.index(clause[1])
        enclitic = self.text[span[0] : span[1]].casefold().endswith(self.lexicon.clause["object_enclitic"])
        for sense in senses:
            if sense.voice == "bare" and not self._pronoun_before(a, c0):
                continue
            if sense.voice != "bare" and self._pronoun_before(a, c0) and any(s.voice == "bare" for s in senses):
                continue
            classes = self._object_classes(sense.voice, (a, b), (c0, c1), enclitic)
            if sense.objects and not sense.objects & classes and (classes or sense.voice != "nominal"):
                continue  # (a nominal followed by a word of no known class keeps its sense)
            if sense.not_objects & classes:
                continue
            if sense.complement and not self._complement(sense.complement, b, c1):
                continue
            if sense.not_complement and self._complement(sense.not_complement, b, c1):
                continue
            if any(self.lexicon.contexts[c].search(self.text, *self.sentence) for c in sense.not_context):
                continue
            return sense, frozenset(classes)
        return None

    def _pronoun_before(self, a: int, c0: int) -> bool:
        j = self.before(a, c0)
        party = self.party_at(j) if j >= 0 else None
        return party is not None and party.kind == "pronoun" and party.pronoun == "speaker"

    def _complement(self, complements: tuple[str, ...], b: int, c1: int) -> bool:
        """One of the words that must follow the trigger for this sense; "@authority": a party of
        the police, prosecutors or government behind "ke"/"kepada" later in the clause."""
        window = " " + " ".join(self.lowers[b : min(b + 16, c1)]) + " "
        if any(f" {c} " in window for c in complements if not c.startswith("@")):
            return True
        if "@authority" in complements:
            return any(p.first > b and p.last <= c1 and p.sector in _AUTHORITY and p.first > 0
                       and self.lowers[p.first - 1] in self.lexicon.words("addressing") for p in self.parties)
        return False

    def _object_classes(self, voice: str, trigger: tuple[int, int], clause: tuple[int, int], enclitic: bool) -> set[str]:
        a, b = trigger
        c0, c1 = clause
        classes: set[str] = {"party", "human"} if enclitic else set()
        if voice in ("passive", "bare"):
            j = self.before(a, c0)
            if voice == "bare" and j >= 0:
                j = self.before(j, c0)
            if j < 0 or not self.tokens[j].text[:1].isalnum():  # "Diamankan pula kaset …": look after
                return classes | self._object_classes("active", trigger, clause, False)
            nouns = self.lexicon.noun_classes
            subject = [] if self.lowers[j] in nouns or self.party_at(j) is not None else \
                _subject(self, a if voice == "passive" else max(c0, j + 1), c0)
            if subject:  # "ia selalu lolos hingga tertangkap": the subject found further back
                classes |= {"party"} | ({"human"} if subject[0].human else set())
        else:
            j = b
            skip = self.lexicon.words("object_skip") | self.lexicon.words("aux")
            while j < c1 and (self.lowers[j] in skip or self.lowers[j].isdigit()
                              or self.lowers[j] in self.lexicon.words("counters") or self.in_date(j)):
                j += 1
            j = j if j < c1 else -1
        if j < 0 or not self.tokens[j].text[:1].isalnum():
            return classes | {"none"}
        nouns = self.lexicon.noun_classes
        pair = f"{self.lowers[j - 1]} {self.lowers[j]}" if voice in ("passive", "bare") and j > 0 else \
            " ".join(self.lowers[j : j + 2])
        classes |= nouns.get(pair, frozenset()) | nouns.get(self.lowers[j], frozenset())
        if any(w in self.lexicon.words("clause_words") for w in self.lowers[j : min(j + 6, c1)]):
            classes.add("clause")
        party = self.party_at(j)
        if party is not None and party.kind not in ("place", "document"):
            classes.add("party")
            if party.human and not (party.entity is not None and party.entity.type == "GPE"):
                classes.add("human")
        return classes


def _usable(view: SentenceView, party: Party) -> bool:
    if party.kind in ("place", "document"):
        return False
    if party.entity is not None and party.entity.type == "GPE" and party.first > 0:
        lex = view.lexicon
        cue = view.lowers[party.first - 1]
        if cue in lex.words("attributive_heads") or " ".join(view.lowers[max(0, party.first - 2):party.first]) \
                in lex.words("attributive_heads"):
            return False  # a country naming a thing ("dolar Amerika Serikat", "bahasa Indonesia")
        return cue not in lex.words("location_cues") and cue not in lex.words("destination_cues")
    return True


def _oblique(view: SentenceView, party: Party) -> bool:
    """Governed by a preposition ("di China"), or joined to a party that is ("di China dan Rusia")."""
    if party.first == 0:
        return False
    cue = view.lowers[party.first - 1]
    obliques = view.lexicon.words("obliques")
    if cue in obliques:
        return True
    if party.first > 1 and view.lowers[party.first - 2] in obliques and cue.isalpha() and cue.islower() \
            and not _verbish(cue, view.lexicon):
        return True  # "dalam jumpa wartawan", "di rumah warga"
    if cue in view.lexicon.words("list_joiners"):
        joined = next((p for p in view.parties if p.last == party.first - 1), None)
        return joined is not None and _oblique(view, joined)
    return False


def _preposition_of(view: SentenceView, party: Party) -> int:
    """Where a party's prepositional phrase starts ("dalam jumpa wartawan" → "dalam")."""
    obliques = view.lexicon.words("obliques")
    for k in (party.first - 1, party.first - 2):
        if k >= 0 and view.lowers[k] in obliques:
            return k
    return party.first


def _with_coordinated(view: SentenceView, party: Party, pool: list[Party], leftwards: bool) -> list[Party]:
    """A party and those joined to it by "dan", "serta" or a comma."""
    group = [party]
    joiners = view.lexicon.words("list_joiners")
    current = party
    ordered = sorted(pool, key=lambda p: p.first, reverse=leftwards)
    for other in ordered:
        gap = view.lowers[other.last : current.first] if leftwards else view.lowers[current.last : other.first]
        if (other.first < current.first) != leftwards or other is current:
            continue
        if gap and all(w in joiners for w in gap) and _usable(view, other):
            group.append(other)
            current = other
    return group


def _verbish(word: str, lexicon: TriggerLexicon) -> bool:
    """A word shaped like a verb by its prefix (meN-, di-, ber-, ter-, memper-)."""
    return len(word) > 4 and word.isalpha() and word.startswith(tuple(lexicon.clause["verb_prefixes"])) \
        and word not in lexicon.words("not_verbs")


def _passive_verb(view: SentenceView, word: str) -> bool:
    return word.startswith(tuple(view.lexicon.clause["passive_prefixes"])) and _verbish(word, view.lexicon)


def _nationality(view: SentenceView, party: Party, ends: dict[int, Party]) -> bool:
    """A country right before or after a name ("Huawei China", "operator Rusia Megafon"): a modifier."""
    if party.entity is None or party.entity.type != "GPE":
        return False
    before = ends.get(party.first)
    after = next((p for p in view.parties if p.first == party.last), None)
    return any(p is not None and p.kind in NAMED_KINDS and p.entity is not None
               and p.entity.type in ("ORG", "PERSON") for p in (before, after))


def _subject(view: SentenceView, i: int, c0: int) -> list[Party]:
    """The subject of the verb at token ``i``: walking back through aspect words, dates, commas,
    prepositional phrases and a report's speech verb ("X mengatakan, telah menangkap …": X's side
    acted) to the first party; a common noun on the way means the subject is no party. A verb
    after "dan" shares the subject of the verb before ("menangkap X dan menahannya")."""
    lex = view.lexicon
    aux, obliques, speech = lex.words("aux"), lex.words("obliques"), lex.words("speech_verbs")
    ends = {p.last: p for p in view.parties if p.first >= c0}
    j = i - 1
    shared = False  # past "dan" + verb: looking for the subject of the first verb
    first_verb = False  # (sharing) the first verb passed: its object is behind, its subject ahead
    while j >= c0:
        party = ends.get(j + 1)
        if party is not None:
            object_of_verb = party.first > 0 and _verbish(view.lowers[party.first - 1], view.lexicon)
            if _usable(view, party) and not _oblique(view, party) and not _nationality(view, party, ends) \
                    and not (shared and (object_of_verb or not (first_verb or _clause_initial(view, party, c0)))):
                return _listed(view, party, c0, ends)
            j = _preposition_of(view, party) - 1  # past the whole prepositional phrase
            continue
        word = view.lowers[j]
        if word == "," and j > c0:
            k = j - 1
            while k > c0 and view.lowers[k] != ",":
                k -= 1
            if view.lowers[k] == "," and view.lowers[k + 1] in lex.words("subordinators"):
                j = k - 1  # "X, saat dihubungi, mengatakan": past the parenthesis
                continue
        if word in lex.words("subordinators") and j >= 2 and view.lowers[j - 1] == ",":
            return _speaker_before(view, j - 1)  # "…," kata X, saat berkunjung ke …": X visits
        if word in lex.words("coordinators") and not shared and view.before(i, c0) == j:
            shared = True
        elif shared and _verbish(word, lex):
            first_verb = True
        if shared or word in aux or word in obliques or word in speech or word in lex.words("complementizers") \
                or not word[:1].isalpha() or view.in_date(j) or word in lex.words("subject_qualifiers") \
                or _modifier_of_party(view, j, ends):
            j -= 1
            continue
        return []
    return []


def _speaker_before(view: SentenceView, comma: int) -> list[Party]:
    """The speaker of a report attributed right before ``comma`` ("kata Bupati X,")."""
    party = next((p for p in view.parties if p.last == comma), None)
    if party is None or not _usable(view, party):
        return []
    j = party.first - 1
    while j >= 0 and (title := view.party_at(j)) is not None:
        j = title.first - 1
    return [party] if j >= 0 and view.lowers[j] in view.lexicon.words("speech_verbs") else []


def _clause_initial(view: SentenceView, party: Party, c0: int) -> bool:
    """A party at the head of its clause ("Namun, ia …"), where a subject stands, not an object."""
    if party.first <= c0:
        return True
    word, lex = view.lowers[party.first - 1], view.lexicon
    return not word.isalpha() or word in lex.words("aux") | lex.words("coordinators") | lex.words("subordinators")


def _modifier_of_party(view: SentenceView, j: int, ends: dict[int, Party]) -> bool:
    """A common noun right after a party is part of its noun phrase ("Kelompok kerja itu", "warga
    desa"), not a subject of its own; a verb never is."""
    k = j
    while k > 0 and view.lowers[k].isalpha() and view.lowers[k].islower() and not _verbish(view.lowers[k], view.lexicon):
        if k in ends:
            return True
        k -= 1
        if j - k > 2:
            return False
    return k in ends


def _listed(view: SentenceView, party: Party, c0: int, ends: dict[int, Party]) -> list[Party]:
    """A subject and the parties listed before it ("MTS dan Huawei", "Alibaba, MegaFon, Mail.ru,
    dan RDIF"), past descriptors ("operator", "grup internet") and nationalities."""
    group = [party]
    joined = False
    j = party.first - 1
    while j >= c0:
        other = ends.get(j + 1)
        if other is not None:
            if _nationality(view, other, ends) or (other.kind == "phrase" and not joined) or _oblique(view, other):
                j = other.first - 1
                continue
            if not joined or not _usable(view, other):
                break
            group.append(other)
            joined = False
            j = other.first - 1
            continue
        word = view.lowers[j]
        if word == "," or word in view.lexicon.words("list_joiners"):
            joined = True
        elif not (word.isalpha() and word.islower() and not _verbish(word, view.lexicon)) or word in view.lexicon.words("speech_verbs"):
            break
        j -= 1
    return group[::-1]


def _relative_head(view: SentenceView, i: int, c0: int) -> list[Party]:
    """"X yang ditangkap": the head before "yang" (which may stand before the clause)."""
    j = i - 1
    relatives = view.lexicon.words("relatives")
    aux = view.lexicon.words("aux") - relatives
    while j >= 0 and view.lowers[j] in aux:
        j -= 1
    if j < 0 or view.lowers[j] not in relatives:
        return []
    heads = [p for p in view.parties if p.last <= j and p.last >= j - 1 and _usable(view, p)]
    return heads[-1:]


def _noun_subject(view: SentenceView, a: int, c0: int) -> bool:
    """A common noun (no party, no function word) stands right before the verb: its subject."""
    j = view.before(a, c0)
    lex = view.lexicon
    return j >= 0 and view.lowers[j].isalpha() and view.party_at(j) is None and view.lowers[j] not in (
        lex.words("obliques") | lex.words("speech_verbs") | lex.words("coordinators") | lex.words("relatives")
        | lex.words("complementizers"))


def _demonstrative_subject(view: SentenceView, a: int, c0: int) -> bool:
    """A common noun phrase closed by a demonstrative stands right before the verb ("Virus itu
    menyerang"), with no party in it."""
    j = view.before(a, c0)
    return j > c0 and view.lowers[j] in view.lexicon.words("demonstratives") and \
        not any(view.party_at(k) is not None for k in range(max(c0, j - 3), j + 1))


def _walk_blocked(view: SentenceView, a: int, c0: int) -> bool:
    """A content word (a verb or a common noun) stands between the clause's start and the trigger,
    past prepositions: the subject is somewhere the grammar cannot see, not simply unsaid."""
    lex = view.lexicon
    skip = lex.words("aux") | lex.words("obliques") | lex.words("coordinators") | lex.words("complementizers")
    return any(view.lowers[k].isalpha() and view.lowers[k] not in skip and view.party_at(k) is None
               for k in range(c0, a))


def _main_subject(view: SentenceView, a: int, c0: int) -> list[Party]:
    """"Selain memecat tiga perwira, Polri juga ...": a verb in an opening subordinate clause takes
    the subject of the main clause after the comma."""
    if a <= c0 or view.lowers[c0] not in view.lexicon.words("subordinators"):
        return []
    comma = next((k for k in range(a, len(view.lowers)) if view.lowers[k] == ","), None)
    if comma is None:
        return []
    party = next((p for p in view.parties if p.first in (comma + 1, comma + 2) and _usable(view, p)), None)
    return [party] if party is not None else []


def _first_after(view: SentenceView, b: int, c1: int, *, cues: frozenset[str] | None = None,
                 exclude: tuple[Party, ...] = ()) -> list[Party]:
    """The first party after token ``b`` in the clause (behind one of ``cues`` when given),
    stopping at the speaker of a report ("…, kata X")."""
    speech = view.lexicon.words("speech_verbs")
    right = [p for p in view.parties if p.first >= b and p.last <= c1 and _usable(view, p) and p not in exclude]
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
    verb = next((k for k in range(b, c1) if view.party_at(k) is None and _verbish(view.lowers[k], view.lexicon)), c1)
    for party in view.parties:
        if party.first < b or party.last > min(c1, verb) or not _usable(view, party):
            continue
        cue = view.lowers[party.first - 1] if party.first > 0 else ""
        if cue in view.lexicon.words("passive_agent") or (party.first <= b + 1 and cue not in obliques):
            pool = [p for p in view.parties if p.first >= party.first and p.last <= c1 and _usable(view, p)]
            return _with_coordinated(view, party, pool, leftwards=False)
    return []


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
    party = next((p for p in view.parties if p.first in (j + 1, j + 2) and p.last <= c1 and _usable(view, p)), None)
    return [party] if party is not None else []


def _clause_subject(view: SentenceView, a: int, c0: int) -> list[Party]:
    """The first party of the clause before ``a`` that no preposition governs: its subject."""
    for party in view.parties:
        if c0 <= party.first and party.last <= a and _usable(view, party) and not _oblique(view, party):
            return [party]
    return []


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
        args.recipients = _subject(view, verb, c0)  # "Iran menghadapi sanksi dari Uni Eropa"
        nxt = view.party_at(b)
        genitive = [nxt] if nxt is not None and nxt.first == b and _usable(view, nxt) else []
        args.actors = _first_after(view, b, c1, cues=lex.words("source_cues")) or genitive
    elif verb >= 0:
        args.actors = _subject(view, verb, c0) or _main_subject(view, verb, c0)
        targets = lex.words("recipient_cues") | {"kepada", "terhadap"}
        args.recipients = _first_after(view, b, c1, cues=targets) or _first_after(view, b, c1)
    else:
        agents = [p for p in view.parties if p.first > b and p.last <= c1 and p.first > 0
                  and view.lowers[p.first - 1] in lex.words("passive_agent")]
        pool = [p for p in view.parties if p.first > b and p.last <= c1 and _usable(view, p)]
        args.actors = (_with_coordinated(view, agents[0], pool, leftwards=False) if agents else []) or \
            _done_by(view, b, c1)
        nxt = view.party_at(b)
        if nxt is not None and nxt.first == b and _usable(view, nxt) and not args.actors:
            if trigger.type in _GENITIVE_ACTOR or nxt.sector in _AUTHORITY:
                args.actors = [nxt]
            else:
                args.recipients = [nxt]
        if not args.recipients:
            cues = frozenset({"terhadap", "kepada", "pada", "atas", "bagi"})
            args.recipients = _first_after(view, b, c1, cues=cues, exclude=tuple(args.actors))
    if not args.actors and trigger.type in _PARTICIPANT_EVENTS:
        args.actors = _clause_subject(view, a, c0)  # "Xi tiba di Moskow dalam rangka kunjungan ke Rusia"
    args.anaphoric = b < len(view.lowers) and view.lowers[b] in lex.words("demonstratives")
    args.subjectless = not args.actors


def find_arguments(view: SentenceView, trigger: Trigger, span: tuple[int, int], clause: tuple[int, int],
                   in_sentence: list[Coded]) -> Arguments:
    """The actors, recipients and location of one trigger."""
    a, b = view.index(span[0]), view.index(span[1])
    c0, c1 = view.index(clause[0]), view.index(clause[1])
    args = Arguments(symmetric=trigger.symmetric, location=_location(view, c0, c1))
    args.sentence_authorities = [p for p in view.parties if p.sector in _AUTHORITY and p.kind in NAMED_KINDS
                                 and (p.entity is None or p.entity.type != "GPE") and not _oblique(view, p)]
    if trigger.voice == "nominal":
        _nominal(view, trigger, (a, b), (c0, c1), args)
        return args
    window = view.lowers[b : min(b + 6, c1)]  # "meminta agar …", "meminta uji PCR diperluas"
    args.clause_object = any(w in view.lexicon.words("clause_words") or _passive_verb(view, w) for w in window)
    enclitic = view.lexicon.clause["object_enclitic"]
    if trigger.voice == "passive" and view.lowers[b - 1].endswith(enclitic) and view.party_at(b) is not None:
        _nominal(view, trigger, (a, b), (c0, c1), args)  # "ditangkapnya pelaku oleh Mabes Polri"
        return args
    if trigger.voice == "passive":
        args.actors = _agent_after(view, b, c1)
        args.recipients = _subject(view, a, c0) or _relative_head(view, a, c0)
        if not args.actors and args.recipients:
            args.actors = _judge(view, args.recipients[0], c0)
        if not args.recipients and not _noun_subject(view, a, c0):  # "Diamankan pula dua orang …"
            args.recipients = _first_after(view, b, c1, exclude=tuple(args.actors))
        args.subjectless = not args.actors
        return args
    if trigger.voice == "bare":
        agent = view.before(a, c0)
        party = view.party_at(agent)
        args.actors = [party] if party is not None else []
        args.recipients = _subject(view, party.first if party else a, c0) or _relative_head(view, agent, c0) or \
            _first_after(view, b, c1, exclude=tuple(args.actors))  # "yang kami amankan … anak-anak pelajar"
        return args
    args.actors = _subject(view, a, c0) or _relative_head(view, a, c0) or _main_subject(view, a, c0)
    args.blocked = not args.actors and (_noun_subject(view, a, c0) or _walk_blocked(view, a, c0))
    args.thing_subject = args.blocked and _demonstrative_subject(view, a, c0)
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


def _judge(view: SentenceView, undergoer: Party, c0: int) -> list[Party]:
    """"Majelis hakim memutuskan X terbukti bersalah": the subject of the verb of judgement before
    the passive clause's subject acts."""
    verb = view.before(undergoer.first, c0)
    if verb < 0 or view.lowers[verb] not in view.lexicon.words("judgement_verbs"):
        return []
    return _subject(view, verb, c0)


def _undergoes(view: SentenceView, party: Party, c1: int) -> bool:
    """The party is the subject of a passive verb right after it ("pelaku segera ditangkap")."""
    j = party.last
    while j < c1 and view.lowers[j] in view.lexicon.words("aux"):
        j += 1
    return j < c1 and _passive_verb(view, view.lowers[j])


def _destination(view: SentenceView, trigger: Trigger, b: int, c1: int) -> list[Party]:
    """The country or place a visit goes to ("berkunjung ke Jepang", "tiba di Moskow")."""
    if trigger.mode != "visit":
        return []
    cues = view.lexicon.words("destination_cues") | ({"di"} if view.lowers[b - 1] == "di" else set())
    return [p for p in view.parties if b <= p.first and p.last <= c1 and p.entity is not None
            and p.entity.type in ("GPE", "LOC") and p.first > 0 and view.lowers[p.first - 1] in cues][:1]
