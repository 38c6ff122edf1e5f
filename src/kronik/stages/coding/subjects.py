"""Who is the subject of a verb in an Indonesian clause: the walk back from the verb past aspect
words, dates and prepositional phrases, lists of parties, relative heads, opening subordinate
clauses, a quote's speaker and a judge's verdict."""

from __future__ import annotations

from kronik.stages.coding.parties import Party
from kronik.stages.coding.view import (
    SentenceView,
    nationality,
    oblique,
    preposition_of,
    usable,
    verbish,
)

__all__ = ["clause_subject", "demonstrative_subject", "judge", "main_subject", "noun_subject", "relative_head",
           "subject", "walk_blocked"]


def subject(view: SentenceView, i: int, c0: int) -> list[Party]:
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
            object_of_verb = party.first > 0 and verbish(view.lowers[party.first - 1], view.lexicon)
            if usable(view, party) and not oblique(view, party) and not nationality(view, party, ends) \
                    and not (shared and (object_of_verb or not (first_verb or _clause_initial(view, party, c0)))):
                return listed(view, party, c0, ends)
            j = preposition_of(view, party) - 1  # past the whole prepositional phrase
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
        elif shared and verbish(word, lex):
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
    if party is None or not usable(view, party):
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
    while k > 0 and view.lowers[k].isalpha() and view.lowers[k].islower() and not verbish(view.lowers[k], view.lexicon):
        if k in ends:
            return True
        k -= 1
        if j - k > 2:
            return False
    return k in ends


def listed(view: SentenceView, party: Party, c0: int, ends: dict[int, Party]) -> list[Party]:
    """A subject and the parties listed before it ("MTS dan Huawei", "Alibaba, MegaFon, Mail.ru,
    dan RDIF"), past descriptors ("operator", "grup internet") and nationalities."""
    group = [party]
    joined = False
    j = party.first - 1
    while j >= c0:
        other = ends.get(j + 1)
        if other is not None:
            if nationality(view, other, ends) or (other.kind == "phrase" and not joined) or oblique(view, other):
                j = other.first - 1
                continue
            if not joined or not usable(view, other):
                break
            group.append(other)
            joined = False
            j = other.first - 1
            continue
        word = view.lowers[j]
        if word == "," or word in view.lexicon.words("list_joiners"):
            joined = True
        elif not (word.isalpha() and word.islower() and not verbish(word, view.lexicon)) or word in view.lexicon.words("speech_verbs"):
            break
        j -= 1
    return group[::-1]


def relative_head(view: SentenceView, i: int, c0: int) -> list[Party]:
    """"X yang ditangkap": the head before "yang" (which may stand before the clause)."""
    j = i - 1
    relatives = view.lexicon.words("relatives")
    aux = view.lexicon.words("aux") - relatives
    while j >= 0 and view.lowers[j] in aux:
        j -= 1
    if j < 0 or view.lowers[j] not in relatives:
        return []
    heads = [p for p in view.parties if p.last <= j and p.last >= j - 1 and usable(view, p)]
    return heads[-1:]


def noun_subject(view: SentenceView, a: int, c0: int) -> bool:
    """A common noun (no party, no function word) stands right before the verb: its subject."""
    j = view.before(a, c0)
    lex = view.lexicon
    return j >= 0 and view.lowers[j].isalpha() and view.party_at(j) is None and view.lowers[j] not in (
        lex.words("obliques") | lex.words("speech_verbs") | lex.words("coordinators") | lex.words("relatives")
        | lex.words("complementizers"))


def demonstrative_subject(view: SentenceView, a: int, c0: int) -> bool:
    """A common noun phrase closed by a demonstrative stands right before the verb ("Virus itu
    menyerang"), with no party in it."""
    j = view.before(a, c0)
    return j > c0 and view.lowers[j] in view.lexicon.words("demonstratives") and \
        not any(view.party_at(k) is not None for k in range(max(c0, j - 3), j + 1))


def walk_blocked(view: SentenceView, a: int, c0: int) -> bool:
    """A content word (a verb or a common noun) stands between the clause's start and the trigger,
    past prepositions: the subject is somewhere the grammar cannot see, not simply unsaid."""
    lex = view.lexicon
    skip = lex.words("aux") | lex.words("obliques") | lex.words("coordinators") | lex.words("complementizers")
    return any(view.lowers[k].isalpha() and view.lowers[k] not in skip and view.party_at(k) is None
               for k in range(c0, a))


def main_subject(view: SentenceView, a: int, c0: int) -> list[Party]:
    """"Selain memecat tiga perwira, Polri juga ...": a verb in an opening subordinate clause takes
    the subject of the main clause after the comma."""
    if a <= c0 or view.lowers[c0] not in view.lexicon.words("subordinators"):
        return []
    comma = next((k for k in range(a, len(view.lowers)) if view.lowers[k] == ","), None)
    if comma is None:
        return []
    party = next((p for p in view.parties if p.first in (comma + 1, comma + 2) and usable(view, p)), None)
    return [party] if party is not None else []


def judge(view: SentenceView, undergoer: Party, c0: int) -> list[Party]:
    """"Majelis hakim memutuskan X terbukti bersalah": the subject of the verb of judgement before
    the passive clause's subject acts."""
    verb = view.before(undergoer.first, c0)
    if verb < 0 or view.lowers[verb] not in view.lexicon.words("judgement_verbs"):
        return []
    return subject(view, verb, c0)


def clause_subject(view: SentenceView, a: int, c0: int) -> list[Party]:
    """The first party of the clause before ``a`` that no preposition governs: its subject."""
    for party in view.parties:
        if c0 <= party.first and party.last <= a and usable(view, party) and not oblique(view, party):
            return [party]
    return []
