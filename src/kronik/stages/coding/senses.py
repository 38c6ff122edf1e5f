"""Which sense of a trigger the sentence reads: the class of its object (a party, a person, a
thing, a clause), the complement after it and the voice (see ``triggers.toml``)."""

from __future__ import annotations

from kronik.stages.coding.lexicon import Trigger
from kronik.stages.coding.subjects import subject
from kronik.stages.coding.view import SentenceView

__all__ = ["choose_sense"]

_AUTHORITY = frozenset({"POL", "JUD", "GOV", "MIL"})


def choose_sense(view: SentenceView, senses: list[Trigger], span: tuple[int, int], clause: tuple[int, int]
                 ) -> tuple[Trigger, frozenset[str]] | None:
    """The first sense whose object, complement and voice fit the sentence, and the classes of
    its object."""
    a, b = view.index(span[0]), view.index(span[1])
    c0, c1 = view.index(clause[0]), view.index(clause[1])
    enclitic = view.text[span[0] : span[1]].casefold().endswith(view.lexicon.clause["object_enclitic"])
    for sense in senses:
        if sense.voice == "bare" and not _pronoun_before(view, a, c0):
            continue
        if sense.voice != "bare" and _pronoun_before(view, a, c0) and any(s.voice == "bare" for s in senses):
            continue
        classes = _object_classes(view, sense.voice, (a, b), (c0, c1), enclitic)
        if sense.objects and not sense.objects & classes and (classes or sense.voice != "nominal"):
            continue  # (a nominal followed by a word of no known class keeps its sense)
        if sense.not_objects & classes:
            continue
        if sense.complement and not _complement(view, sense.complement, b, c1):
            continue
        if sense.not_complement and _complement(view, sense.not_complement, b, c1):
            continue
        if any(view.lexicon.contexts[c].search(view.text, *view.sentence) for c in sense.not_context):
            continue
        return sense, frozenset(classes)
    return None

def _pronoun_before(view: SentenceView, a: int, c0: int) -> bool:
    j = view.before(a, c0)
    party = view.party_at(j) if j >= 0 else None
    return party is not None and party.kind == "pronoun" and party.pronoun == "speaker"

def _complement(view: SentenceView, complements: tuple[str, ...], b: int, c1: int) -> bool:
    """One of the words that must follow the trigger for this sense; "@authority": a party of
    the police, prosecutors or government behind "ke"/"kepada" later in the clause."""
    window = " " + " ".join(view.lowers[b : min(b + 16, c1)]) + " "
    if any(f" {c} " in window for c in complements if not c.startswith("@")):
        return True
    if "@authority" in complements:
        return any(p.first > b and p.last <= c1 and p.sector in _AUTHORITY and p.first > 0
                   and view.lowers[p.first - 1] in view.lexicon.words("addressing") for p in view.parties)
    return False

def _object_classes(view: SentenceView, voice: str, trigger: tuple[int, int], clause: tuple[int, int], enclitic: bool) -> set[str]:
    a, b = trigger
    c0, c1 = clause
    classes: set[str] = {"party", "human"} if enclitic else set()
    if voice in ("passive", "bare"):
        j = view.before(a, c0)
        if voice == "bare" and j >= 0:
            j = view.before(j, c0)
        if j < 0 or not view.tokens[j].text[:1].isalnum():  # "Diamankan pula kaset …": look after
            return classes | _object_classes(view, "active", trigger, clause, False)
        nouns = view.lexicon.noun_classes
        found = [] if view.lowers[j] in nouns or view.party_at(j) is not None else \
            subject(view, a if voice == "passive" else max(c0, j + 1), c0)
        if found:  # "ia selalu lolos hingga tertangkap": the subject found further back
            classes |= {"party"} | ({"human"} if found[0].human else set())
    else:
        j = b
        skip = view.lexicon.words("object_skip") | view.lexicon.words("aux")
        while j < c1 and (view.lowers[j] in skip or view.lowers[j].isdigit()
                          or view.lowers[j] in view.lexicon.words("counters") or view.in_date(j)):
            j += 1
        j = j if j < c1 else -1
    if j < 0 or not view.tokens[j].text[:1].isalnum():
        return classes | {"none"}
    nouns = view.lexicon.noun_classes
    pair = f"{view.lowers[j - 1]} {view.lowers[j]}" if voice in ("passive", "bare") and j > 0 else \
        " ".join(view.lowers[j : j + 2])
    classes |= nouns.get(pair, frozenset()) | nouns.get(view.lowers[j], frozenset())
    if any(w in view.lexicon.words("clause_words") for w in view.lowers[j : min(j + 6, c1)]):
        classes.add("clause")
    party = view.party_at(j)
    if party is not None and party.kind not in ("place", "document"):
        classes.add("party")
        if party.human and not (party.entity is not None and party.entity.type == "GPE"):
            classes.add("human")
    return classes
