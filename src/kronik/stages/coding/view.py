"""A sentence as the Indonesian grammar sees it: tokens, parties and the word-level lookups (is
this word a verb, is this party behind a preposition, a place or a nationality)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kronik.stages.coding.lexicon import TriggerLexicon
from kronik.stages.coding.parties import NAMED_KINDS, Party, Token

__all__ = ["SentenceView", "nationality", "oblique", "passive_verb", "preposition_of", "usable", "verbish"]


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

    def _habitual(self, j: int, c0: int, offset: int) -> bool:
        """A habit or a tally in the few words before the trigger, up to a coordinator ("biasanya
        mengirim ancaman", "sudah ratusan kali Hamas menyerang"; not "selalu lolos hingga tertangkap")."""
        k = j
        while k > max(c0, j - 4) and self.lowers[k] not in self.lexicon.words("coordinators"):
            k -= 1
        start = self.tokens[k].end if self.lowers[k] in self.lexicon.words("coordinators") else self.tokens[k].start
        return bool(self.lexicon.regex("habitual").search(self.text, start, offset))

    def relative_before(self, i: int) -> bool:
        """Whether "yang" opens the clause of the token at ``i`` (past aspect words)."""
        relatives = self.lexicon.words("relatives")
        aux = self.lexicon.words("aux") - relatives
        j = i - 1
        while j >= 0 and self.lowers[j] in aux:
            j -= 1
        return j >= 0 and self.lowers[j] in relatives

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
        if self._generic_relative(j, c0) or self._habitual(j, c0, offset):
            return True
        if j > c0 and self.lowers[j] in self.lexicon.words("coordinators") and verbish(self.lowers[j - 1], self.lexicon):
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


def verbish(word: str, lexicon: TriggerLexicon) -> bool:
    """A word shaped like a verb by its prefix (meN-, di-, ber-, ter-, memper-)."""
    return len(word) > 4 and word.isalpha() and word.startswith(tuple(lexicon.clause["verb_prefixes"])) \
        and word not in lexicon.words("not_verbs")


def passive_verb(view: SentenceView, word: str) -> bool:
    return word.startswith(tuple(view.lexicon.clause["passive_prefixes"])) and verbish(word, view.lexicon)


def usable(view: SentenceView, party: Party) -> bool:
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


def oblique(view: SentenceView, party: Party) -> bool:
    """Governed by a preposition ("di China"), or joined to a party that is ("di China dan Rusia")."""
    if party.first == 0:
        return False
    cue = view.lowers[party.first - 1]
    obliques = view.lexicon.words("obliques")
    if cue in obliques:
        return True
    if party.first > 1 and view.lowers[party.first - 2] in obliques and cue.isalpha() and cue.islower() \
            and not verbish(cue, view.lexicon):
        return True  # "dalam jumpa wartawan", "di rumah warga"
    if cue in view.lexicon.words("list_joiners"):
        joined = next((p for p in view.parties if p.last == party.first - 1), None)
        return joined is not None and oblique(view, joined)
    return False


def preposition_of(view: SentenceView, party: Party) -> int:
    """Where a party's prepositional phrase starts ("dalam jumpa wartawan" → "dalam")."""
    obliques = view.lexicon.words("obliques")
    for k in (party.first - 1, party.first - 2):
        if k >= 0 and view.lowers[k] in obliques:
            return k
    return party.first


def nationality(view: SentenceView, party: Party, ends: dict[int, Party]) -> bool:
    """A country right before or after a name ("Huawei China", "operator Rusia Megafon"): a modifier."""
    if party.entity is None or party.entity.type != "GPE":
        return False
    before = ends.get(party.first)
    after = next((p for p in view.parties if p.first == party.last), None)
    return any(p is not None and p.kind in NAMED_KINDS and p.entity is not None
               and p.entity.type in ("ORG", "PERSON") for p in (before, after))
